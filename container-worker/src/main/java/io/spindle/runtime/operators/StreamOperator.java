package io.spindle.runtime.operators;

import io.spindle.api.eventtime.Watermarks;
import io.spindle.runtime.metrics.OpaqueCounter;

/**
 * A link of an operator chain: takes records by method call and emits to the next link. Any
 * exception from user code leaves as a {@link UserCodeException} naming this operator.
 */
public abstract class StreamOperator<IN, OUT> implements Output<IN> {

    private final String name;
    protected Output<OUT> output;
    /** Written by the task thread only, read by others while it runs (progress, benchmarks, metrics). */
    private final OpaqueCounter recordsIn = new OpaqueCounter();
    private long currentWatermark = Watermarks.NO_TIMESTAMP;

    protected StreamOperator(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void setOutput(Output<OUT> output) {
        this.output = output;
    }

    /** Records received so far; from another thread than the task's, a recent count. */
    public long recordsIn() {
        return recordsIn.get();
    }

    public void open(OperatorRuntime runtime) throws Exception {
    }

    protected abstract void processElement(IN record) throws Exception;

    /** The operator's own end-of-input work, before the next link hears of it. */
    protected void onEndOfInput() throws Exception {
    }

    /** The last watermark this operator saw, {@link Watermarks#NO_TIMESTAMP} before the first. */
    public long currentWatermark() {
        return currentWatermark;
    }

    /** Event time advanced to {@code watermark}: fire event-time timers and windows it makes due. */
    protected void onWatermark(long watermark) throws Exception {
    }

    /** Fires processing-time timers due at {@code nowMillis}; returns the next timer's time or Long.MAX_VALUE. */
    public long fireTimers(long nowMillis) throws Exception {
        return Long.MAX_VALUE;
    }

    /** The barrier of checkpoint n reached this operator; its state is snapshotted next. Task thread. */
    protected void onPrepareSnapshot(long checkpointId) throws Exception {
    }

    /** Checkpoint n is complete. Task thread. */
    protected void onCheckpointComplete(long checkpointId) throws Exception {
    }

    public void close() throws Exception {
    }

    @Override
    public final void collect(IN record) {
        countRecordIn();
        try {
            processElement(record);
        } catch (Exception e) {
            throw UserCode.failure(name, e);
        }
    }

    /** One more record arrived, on any input. */
    protected final void countRecordIn() {
        recordsIn.add(1);
    }

    @Override
    public final void endOfInput() throws Exception {
        try {
            onEndOfInput();
        } catch (Exception e) {
            throw UserCode.failure(name, e);
        }
        if (output != null) {
            output.endOfInput();
        }
    }

    @Override
    public final void emitWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        try {
            onWatermark(watermark);
        } catch (Exception e) {
            throw UserCode.failure(name, e);
        }
        if (output != null) {
            output.emitWatermark(watermark);
        }
    }

    public final void prepareSnapshot(long checkpointId) throws Exception {
        try {
            onPrepareSnapshot(checkpointId);
        } catch (Exception e) {
            throw UserCode.failure(name, e);
        }
    }

    public final void checkpointComplete(long checkpointId) throws Exception {
        try {
            onCheckpointComplete(checkpointId);
        } catch (Exception e) {
            throw UserCode.failure(name, e);
        }
    }
}
