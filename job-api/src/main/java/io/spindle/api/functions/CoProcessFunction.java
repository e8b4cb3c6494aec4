package io.spindle.api.functions;

/**
 * Processes two connected streams, each with its own method. After {@code keyBy} on the connected streams, both
 * inputs share the keyed state and timers of their key (a join keeps one side in state and meets the other with it).
 * As for {@link ProcessFunction}, {@link #open} runs once when the job is built to learn the state it declares.
 */
public abstract class CoProcessFunction<A, B, O> {

    public void open(ProcessContext context) throws Exception {
    }

    public abstract void processElement1(A value, ProcessContext context, Collector<O> out) throws Exception;

    public abstract void processElement2(B value, ProcessContext context, Collector<O> out) throws Exception;

    /** A timer of the context's current key fired; {@link ProcessContext#timeDomain()} says which kind. */
    public void onTimer(long timeMillis, ProcessContext context, Collector<O> out) throws Exception {
    }

    /** Both inputs have been processed (bounded jobs, or stop with --drain). */
    public void endOfInput(ProcessContext context, Collector<O> out) throws Exception {
    }

    public void close() throws Exception {
    }
}
