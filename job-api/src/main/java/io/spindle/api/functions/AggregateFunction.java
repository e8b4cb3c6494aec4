package io.spindle.api.functions;

/**
 * Aggregates a window's records incrementally into an accumulator, so the window stores one accumulator instead of
 * its records. An average, for example, accumulates a sum and a count and returns their quotient.
 *
 * @param <IN> the records
 * @param <ACC> the accumulator, kept in state with its codec
 * @param <OUT> the result
 */
public interface AggregateFunction<IN, ACC, OUT> {

    /** The accumulator of a window without records. */
    ACC createAccumulator() throws Exception;

    /** Adds a record; may update and return {@code accumulator} itself. */
    ACC add(IN value, ACC accumulator) throws Exception;

    OUT getResult(ACC accumulator) throws Exception;

    /**
     * Combines the accumulators of two windows into one; session windows need it when a record joins two sessions.
     * May update and return either of them.
     */
    ACC merge(ACC first, ACC second) throws Exception;
}
