package io.spindle.protocol.checkpoint;

import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The barrier of checkpoint n as sources emit it and every task passes it on: a checkpoint, the job's final
 * checkpoint, or a savepoint (then every task must know where its files go, so the request travels with the
 * barrier).
 *
 * <p>A <em>final</em> barrier (the final checkpoint, or a savepoint that stops the job) is the last thing that
 * passes a task: after it the task processes nothing, fires no timer, and ends once it heard that the checkpoint
 * completed; if it is aborted instead, the task carries on.
 *
 * <p>Bytes ({@link #writeTo}): checkpoint id int64 | 0 for a checkpoint, 2 for the final checkpoint, or 1 |
 * format ordinal byte | termination ordinal byte | directory (Java modified UTF-8, u16 length first).
 *
 * @param savepoint null unless a savepoint
 * @param finalCheckpoint whether this is the checkpoint taken once every task's input ended
 */
public record CheckpointBarrier(long checkpointId, SavepointRequest savepoint, boolean finalCheckpoint) {

    private static final int CHECKPOINT = 0;
    private static final int SAVEPOINT = 1;
    private static final int FINAL_CHECKPOINT = 2;

    public CheckpointBarrier {
        if (savepoint != null && finalCheckpoint) {
            throw new IllegalArgumentException("a savepoint is not the final checkpoint");
        }
    }

    public static CheckpointBarrier checkpoint(long checkpointId) {
        return new CheckpointBarrier(checkpointId, null, false);
    }

    /** The checkpoint that ends a job whose every task reached the end of its input. */
    public static CheckpointBarrier finalCheckpoint(long checkpointId) {
        return new CheckpointBarrier(checkpointId, null, true);
    }

    public static CheckpointBarrier savepoint(long checkpointId, SavepointRequest savepoint) {
        return new CheckpointBarrier(checkpointId, savepoint, false);
    }

    public boolean isSavepoint() {
        return savepoint != null;
    }

    /** Whether nothing follows this barrier: the final checkpoint, or a savepoint that stops the job. */
    public boolean isFinal() {
        return finalCheckpoint || savepoint != null && savepoint.stopsTheJob();
    }

    /** Whether the sources end their input before they emit this barrier (stop with savepoint and drain). */
    public boolean drains() {
        return savepoint != null && savepoint.termination() == Termination.DRAIN;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(checkpointId);
        if (savepoint == null) {
            out.writeByte(finalCheckpoint ? FINAL_CHECKPOINT : CHECKPOINT);
        } else {
            out.writeByte(SAVEPOINT);
            out.writeByte(savepoint.format().ordinal());
            out.writeByte(savepoint.termination().ordinal());
            out.writeUTF(savepoint.directory());
        }
    }

    public static CheckpointBarrier readFrom(DataInput in) throws IOException {
        long checkpointId = in.readLong();
        int kind = in.readByte();
        switch (kind) {
            case CHECKPOINT:
                return checkpoint(checkpointId);
            case FINAL_CHECKPOINT:
                return finalCheckpoint(checkpointId);
            case SAVEPOINT:
                SavepointFormat format = ordinal(SavepointFormat.values(), in.readByte(), "savepoint format");
                Termination termination = ordinal(Termination.values(), in.readByte(), "termination");
                return savepoint(checkpointId, new SavepointRequest(in.readUTF(), format, termination));
            default:
                throw new IOException("corrupt barrier of checkpoint " + checkpointId + ": kind " + kind);
        }
    }

    private static <T> T ordinal(T[] values, int ordinal, String what) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("corrupt barrier: " + what + " " + ordinal);
        }
        return values[ordinal];
    }
}
