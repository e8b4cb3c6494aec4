package io.spindle.protocol.control;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.control.ControlMessage.Acknowledge;
import io.spindle.protocol.control.ControlMessage.CancelAttempt;
import io.spindle.protocol.control.ControlMessage.CheckpointAborted;
import io.spindle.protocol.control.ControlMessage.CheckpointComplete;
import io.spindle.protocol.control.ControlMessage.Decline;
import io.spindle.protocol.control.ControlMessage.Deploy;
import io.spindle.protocol.control.ControlMessage.FirstRecord;
import io.spindle.protocol.control.ControlMessage.Heartbeat;
import io.spindle.protocol.control.ControlMessage.Hello;
import io.spindle.protocol.control.ControlMessage.InputEnded;
import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.protocol.control.ControlMessage.Shutdown;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TaskEnded;
import io.spindle.protocol.control.ControlMessage.TaskOutcome;
import io.spindle.protocol.control.ControlMessage.TriggerCheckpoint;
import io.spindle.protocol.metrics.MetricsReportCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Control messages as frames: length int32 (of what follows), type byte, then the fields big-endian; a string
 * is an int32 byte length and UTF-8, a byte array an int32 length and the bytes. Master and workers always run
 * the same jars, so the format carries no version.
 */
public final class ControlCodec {

    /** Larger frames are refused: a corrupt length must not make the reader allocate gigabytes. */
    static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;

    private ControlCodec() { }

    public static void write(DataOutputStream out, ControlMessage message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream body = new DataOutputStream(bytes);
        encode(body, message);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
        out.flush();
    }

    public static ControlMessage read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new IOException("bad control frame length " + length);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return decode(new DataInputStream(new ByteArrayInputStream(frame)));
    }

    private static void encode(DataOutputStream out, ControlMessage message) throws IOException {
        if (message instanceof Hello m) {
            out.writeByte(1);
            writeString(out, m.workerId());
            writeString(out, m.token());
            writeString(out, m.dataHost());
            out.writeInt(m.dataPort());
        } else if (message instanceof Heartbeat m) {
            out.writeByte(2);
            MetricsReportCodec.write(out, m.metrics());
        } else if (message instanceof TaskEnded m) {
            out.writeByte(3);
            out.writeInt(m.attempt());
            out.writeInt(m.vertexId());
            out.writeInt(m.subtask());
            out.writeByte(m.outcome().ordinal());
            writeString(out, m.failure());
        } else if (message instanceof FirstRecord m) {
            out.writeByte(4);
            out.writeInt(m.attempt());
            out.writeLong(m.timeMillis());
        } else if (message instanceof Acknowledge m) {
            out.writeByte(5);
            out.writeInt(m.attempt());
            writeBytes(out, m.snapshot());
            out.writeLong(m.times().alignmentMillis());
            out.writeLong(m.times().syncMillis());
            out.writeLong(m.times().asyncMillis());
        } else if (message instanceof Decline m) {
            out.writeByte(6);
            out.writeInt(m.attempt());
            writeString(out, m.taskName());
            out.writeLong(m.checkpointId());
            writeString(out, m.cause());
        } else if (message instanceof Deploy m) {
            out.writeByte(7);
            writeString(out, m.jobId());
            out.writeInt(m.attempt());
            writeString(out, m.checkpointDirectory());
            writeString(out, m.restoreDirectory());
            out.writeBoolean(m.restoreFromOwnCheckpoint());
            out.writeInt(m.placements().size());
            for (Placement placement : m.placements()) {
                out.writeInt(placement.vertexId());
                out.writeInt(placement.subtask());
                writeString(out, placement.host());
                out.writeInt(placement.port());
            }
            out.writeInt(m.tasks().size());
            for (TaskDeployment task : m.tasks()) {
                out.writeInt(task.vertexId());
                out.writeInt(task.subtask());
                writeBytes(out, task.restore());
            }
        } else if (message instanceof TriggerCheckpoint m) {
            out.writeByte(8);
            out.writeInt(m.attempt());
            m.barrier().writeTo(out);
        } else if (message instanceof CheckpointComplete m) {
            writeCheckpointMessage(out, 9, m.attempt(), m.checkpointId());
        } else if (message instanceof CheckpointAborted m) {
            writeCheckpointMessage(out, 10, m.attempt(), m.checkpointId());
        } else if (message instanceof CancelAttempt m) {
            out.writeByte(11);
            out.writeInt(m.attempt());
        } else if (message instanceof Shutdown) {
            out.writeByte(12);
        } else if (message instanceof InputEnded m) {
            out.writeByte(13);
            out.writeInt(m.attempt());
            out.writeInt(m.vertexId());
            out.writeInt(m.subtask());
        } else {
            throw new IllegalArgumentException("unknown control message " + message);
        }
    }

    private static ControlMessage decode(DataInputStream in) throws IOException {
        int type = in.readByte();
        return switch (type) {
            case 1 -> new Hello(readString(in), readString(in), readString(in), in.readInt());
            case 2 -> new Heartbeat(MetricsReportCodec.read(in));
            case 3 -> new TaskEnded(in.readInt(), in.readInt(), in.readInt(), outcome(in.readByte()), readString(in));
            case 4 -> new FirstRecord(in.readInt(), in.readLong());
            case 5 -> new Acknowledge(in.readInt(), readBytes(in),
                    new CheckpointTimes(in.readLong(), in.readLong(), in.readLong()));
            case 6 -> new Decline(in.readInt(), readString(in), in.readLong(), readString(in));
            case 7 -> readDeploy(in);
            case 8 -> new TriggerCheckpoint(in.readInt(), CheckpointBarrier.readFrom(in));
            case 9 -> new CheckpointComplete(in.readInt(), in.readLong());
            case 10 -> new CheckpointAborted(in.readInt(), in.readLong());
            case 11 -> new CancelAttempt(in.readInt());
            case 12 -> new Shutdown();
            case 13 -> new InputEnded(in.readInt(), in.readInt(), in.readInt());
            default -> throw new IOException("unknown control message type " + type);
        };
    }

    private static Deploy readDeploy(DataInputStream in) throws IOException {
        String jobId = readString(in);
        int attempt = in.readInt();
        String checkpointDirectory = readString(in);
        String restoreDirectory = readString(in);
        boolean own = in.readBoolean();
        int placementCount = count(in);
        List<Placement> placements = new ArrayList<>(placementCount);
        for (int i = 0; i < placementCount; i++) {
            placements.add(new Placement(in.readInt(), in.readInt(), readString(in), in.readInt()));
        }
        int taskCount = count(in);
        List<TaskDeployment> tasks = new ArrayList<>(taskCount);
        for (int i = 0; i < taskCount; i++) {
            tasks.add(new TaskDeployment(in.readInt(), in.readInt(), readBytes(in)));
        }
        return new Deploy(jobId, attempt, checkpointDirectory, restoreDirectory, own, placements, tasks);
    }

    private static void writeCheckpointMessage(DataOutputStream out, int type, int attempt, long checkpointId)
            throws IOException {
        out.writeByte(type);
        out.writeInt(attempt);
        out.writeLong(checkpointId);
    }

    private static TaskOutcome outcome(int ordinal) throws IOException {
        TaskOutcome[] outcomes = TaskOutcome.values();
        if (ordinal < 0 || ordinal >= outcomes.length) {
            throw new IOException("unknown task outcome " + ordinal);
        }
        return outcomes[ordinal];
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return bytes;
    }

    /** A count or length; the frame around it bounds it, so a negative one means a corrupt frame. */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("bad count " + count + " in a control frame");
        }
        return count;
    }
}
