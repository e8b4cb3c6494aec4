package io.spindle.runtime.eventtime;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.SourceOutput;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.runtime.operators.Output;

/** The output of a source without a watermark strategy: records keep the timestamps the source gives, if any. */
final class UntimedReaderOutput<T> implements ReaderOutput<T>, SourceWatermarks {

    private final Output<T> chain;
    private final ElementTimestamp timestamp;

    UntimedReaderOutput(Output<T> chain, ElementTimestamp timestamp) {
        this.chain = chain;
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        timestamp.clear();
        chain.collect(record);
    }

    @Override
    public void collect(T record, long recordTimestamp) {
        timestamp.set(recordTimestamp);
        chain.collect(record);
    }

    @Override
    public SourceOutput<T> forSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseSplit(String splitId) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public ReaderOutput<Object> output() {
        return (ReaderOutput<Object>) this;
    }

    @Override
    public void emitPeriodic() {
    }
}
