package io.spindle.api.functions;

/**
 * Computes the output of a window from all its records at once, when the window fires. An abstract class rather
 * than an interface so that hooks can be added later without breaking existing functions.
 *
 * @param <IN> the records, or the result of the window's {@link AggregateFunction} if it has one
 * @param <OUT> the output records
 * @param <K> the key
 */
public abstract class ProcessWindowFunction<IN, OUT, K> {

    public abstract void process(K key, WindowContext context, Iterable<IN> elements, Collector<OUT> out)
            throws Exception;
}
