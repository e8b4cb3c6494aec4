package io.spindle.runtime.operators;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.io.RecordWriter;

import java.util.List;

/** The end of a chain: every record to each output edge's writer. */
public final class WriterOutput implements Output<Object> {

    private final String producer;
    private final List<RecordWriter> writers;

    /** @param producer the chain's last operator, named when its output cannot be encoded */
    public WriterOutput(String producer, List<RecordWriter> writers) {
        this.producer = producer;
        this.writers = List.copyOf(writers);
    }

    @Override
    public void collect(Object record) {
        try {
            for (RecordWriter writer : writers) {
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

    public void flush() throws InterruptedException {
        for (RecordWriter writer : writers) {
            writer.flush();
        }
    }
}
