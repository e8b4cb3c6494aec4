package io.spindle.runtime.operators;

import io.spindle.api.OutputTag;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.io.QueueDepth;
import io.spindle.runtime.io.RecordWriter;
import io.spindle.runtime.metrics.TaskIoMetrics;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end of a chain: every record to each writer of an edge of the main output, each side-output record to the writers
 * of that side output's edges; barriers, watermarks and the ends to all.
 */
public final class WriterOutput implements Output<Object> {

    private final String producer;
    private final List<RecordWriter> writers;
    private final List<RecordWriter> mainWriters;
    private final Map<String, List<RecordWriter>> sideWriters;
    private final TaskIoMetrics io;

    /**
     * @param producer the chain's last operator, named when its output cannot be encoded
     * @param writers per output edge, with the name of the side output the edge reads (null for the main output)
     * @param io where the records and watermarks emitted count
     */
    public WriterOutput(String producer, Map<RecordWriter, String> writers, TaskIoMetrics io) {
        this.producer = producer;
        this.io = io;
        this.writers = List.copyOf(writers.keySet());
        this.mainWriters = writers.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        this.sideWriters = writers.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.groupingBy(Map.Entry::getValue,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    }

    @Override
    public void collect(Object record) {
        io.recordOut();
        emit(mainWriters, record);
    }

    @Override
    public <X> void collectSide(OutputTag<X> tag, X record) {
        List<RecordWriter> side = sideWriters.get(tag.name());
        if (side != null) {
            io.recordOut();
            emit(side, record);
        }
    }

    private void emit(List<RecordWriter> targets, Object record) {
        try {
            for (RecordWriter writer : targets) {
                writer.emit(record);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        } catch (Exception e) {
            throw new UserCodeException(producer, e);
        }
    }

    @Override
    public void endOfInput() throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.endOfInput();
        }
    }

    @Override
    public void emitWatermark(long watermark) throws InterruptedException {
        io.outputWatermark(watermark);
        for (RecordWriter writer : writers) {
            writer.broadcastWatermark(watermark);
        }
    }

    /** Tells the consumers that this task went idle or is active again; bypasses the operators, who need not know. */
    public void emitWatermarkStatus(boolean idle) throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.broadcastWatermarkStatus(idle);
        }
    }

    /** Sends the barrier of a checkpoint downstream, after every record emitted before it. */
    public void broadcastBarrier(CheckpointBarrier barrier) throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.broadcastBarrier(barrier);
        }
    }

    /** Closes every output channel: the task ends. */
    public void endOfPartition() throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.endOfPartition();
        }
    }

    /** The buffers sent on every output edge and not yet taken by the consumers. Any thread. */
    public QueueDepth queue() {
        QueueDepth all = QueueDepth.NONE;
        for (RecordWriter writer : writers) {
            all = all.plus(writer.queue());
        }
        return all;
    }

    public void flush() throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.flush();
        }
    }
}
