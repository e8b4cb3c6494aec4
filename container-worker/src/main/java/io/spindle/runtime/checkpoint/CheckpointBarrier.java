package io.spindle.runtime.checkpoint;

import io.spindle.runtime.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The barrier of checkpoint n as sources emit it and every task passes it on: a checkpoint, or a savepoint
 * (then every task must know where its files go, so the request travels with the barrier).
 *
 * <p>Bytes ({@link #writeTo}): checkpoint id int64 | 0 for a checkpoint, or 1 | format ordinal byte | termination ordinal byte |
 * directory (Java modified UTF-8, u16 length first).
 *
 * @param savepoint null for a checkpoint
 */
public record CheckpointBarrier(long checkpointId, SavepointRequest savepoint) {

    public static CheckpointBarrier checkpoint(long checkpointId) {
        return new CheckpointBarrier(checkpointId, null);
    }

    public boolean isSavepoint() {
        return savepoint != null;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(checkpointId);
        if (savepoint == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeByte(savepoint.format().ordinal());
            out.writeByte(savepoint.termination().ordinal());
            out.writeUTF(savepoint.directory());
        }
    }

    public static CheckpointBarrier readFrom(DataInput in) throws IOException {
        long checkpointId = in.readLong();
        int kind = in.readByte();
        if (kind == 0) {
            return checkpoint(checkpointId);
        }
        if (kind != 1) {
            throw new IOException("corrupt barrier of checkpoint " + checkpointId + ": kind " + kind);
        }
        SavepointFormat format = ordinal(SavepointFormat.values(), in.readByte(), "savepoint format");
        Termination termination = ordinal(Termination.values(), in.readByte(), "termination");
        return new CheckpointBarrier(checkpointId, new SavepointRequest(in.readUTF(), format, termination));
    }

    private static <T> T ordinal(T[] values, int ordinal, String what) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("corrupt barrier: " + what + " " + ordinal);
        }
        return values[ordinal];
    }
}
