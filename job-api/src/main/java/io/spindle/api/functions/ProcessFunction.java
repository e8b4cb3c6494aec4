package io.spindle.api.functions;

/**
 * The general operator: state, timers and a hook at the end of the input.
 *
 * <p>{@link #open} is where a function asks the context for its state handles. Spindle also calls
 * it once on a throwaway instance when the job is built, to learn which state the operator
 * declares (stored with checkpoints, checked on restore), so it must not start any work.
 */
public abstract class ProcessFunction<I, O> {

    public void open(ProcessContext context) throws Exception {
    }

    public abstract void processElement(I value, ProcessContext context, Collector<O> out) throws Exception;

    /** A timer of the context's current key fired; {@link ProcessContext#timeDomain()} says which kind. */
    public void onTimer(long timeMillis, ProcessContext context, Collector<O> out) throws Exception {
    }

    /** All input has been processed (bounded jobs, or stop with --drain). */
    public void endOfInput(ProcessContext context, Collector<O> out) throws Exception {
    }

    public void close() throws Exception {
    }
}
