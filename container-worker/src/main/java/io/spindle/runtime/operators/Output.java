package io.spindle.runtime.operators;

import io.spindle.api.functions.Collector;

/** The next link of a chain: an operator, or the writers of the task's output edges. */
public interface Output<T> extends Collector<T> {

    /** All input has been seen: run end-of-input hooks, then pass it on. */
    void endOfInput() throws Exception;

    /** Event time reached {@code watermark}: fire what it makes due, then pass it on. Watermarks only increase. */
    void emitWatermark(long watermark) throws Exception;
}
