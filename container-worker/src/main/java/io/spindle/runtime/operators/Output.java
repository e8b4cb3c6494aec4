package io.spindle.runtime.operators;

import io.spindle.api.OutputTag;
import io.spindle.api.functions.Collector;

/** The next link of a chain: an operator, or the writers of the task's output edges. */
public interface Output<T> extends Collector<T> {

    /** All input has been seen: run end-of-input hooks, then pass it on. */
    void endOfInput() throws Exception;

    /**
     * A record for a side output. Only the end of a chain sends it on (an operator whose side output is read elsewhere
     * always ends its chain); the next operator of a chain is not its reader and drops it.
     */
    default <X> void collectSide(OutputTag<X> tag, X record) {
    }

    /** Event time reached {@code watermark}: fire what it makes due, then pass it on. Watermarks only increase. */
    void emitWatermark(long watermark) throws Exception;
}
