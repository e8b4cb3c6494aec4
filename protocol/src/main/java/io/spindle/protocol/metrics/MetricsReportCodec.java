package io.spindle.protocol.metrics;

import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A metrics report in a heartbeat frame: the attempt, the worker's values, then per subtask its vertex, index,
 * values and operators. A set of values is a count, then (ordinal byte, value long) pairs; a name is modified UTF-8.
 */
public final class MetricsReportCodec {

    private static final int MAX_ENTRIES = 1 << 16;

    private MetricsReportCodec() { }

    public static void write(DataOutput out, MetricsReport report) throws IOException {
        out.writeInt(report.attempt());
        writeValues(out, report.worker());
        out.writeInt(report.tasks().size());
        for (TaskSample task : report.tasks()) {
            out.writeInt(task.vertexId());
            out.writeInt(task.subtask());
            writeValues(out, task.values());
            out.writeInt(task.operators().size());
            for (OperatorSample operator : task.operators()) {
                out.writeUTF(operator.name());
                out.writeLong(operator.recordsIn());
                out.writeLong(operator.recordsOut());
            }
        }
    }

    public static MetricsReport read(DataInput in) throws IOException {
        int attempt = in.readInt();
        Map<WorkerMetric, Long> worker = readValues(in, WorkerMetric.class);
        int taskCount = count(in);
        List<TaskSample> tasks = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            int vertexId = in.readInt();
            int subtask = in.readInt();
            Map<TaskMetric, Long> values = readValues(in, TaskMetric.class);
            int operatorCount = count(in);
            List<OperatorSample> operators = new ArrayList<>(operatorCount);
            for (int j = 0; j < operatorCount; j++) {
                operators.add(new OperatorSample(in.readUTF(), in.readLong(), in.readLong()));
            }
            tasks.add(new TaskSample(vertexId, subtask, values, operators));
        }
        return new MetricsReport(attempt, worker, tasks);
    }

    private static <E extends Enum<E>> void writeValues(DataOutput out, Map<E, Long> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<E, Long> entry : values.entrySet()) {
            out.writeByte(entry.getKey().ordinal());
            out.writeLong(entry.getValue());
        }
    }

    private static <E extends Enum<E>> Map<E, Long> readValues(DataInput in, Class<E> type) throws IOException {
        E[] constants = type.getEnumConstants();
        int count = count(in);
        Map<E, Long> values = new EnumMap<>(type);
        for (int i = 0; i < count; i++) {
            int ordinal = in.readUnsignedByte();
            if (ordinal >= constants.length) {
                throw new IOException("unknown " + type.getSimpleName() + " " + ordinal);
            }
            values.put(constants[ordinal], in.readLong());
        }
        return values;
    }

    private static int count(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("bad count " + count + " in a metrics report");
        }
        return count;
    }
}
