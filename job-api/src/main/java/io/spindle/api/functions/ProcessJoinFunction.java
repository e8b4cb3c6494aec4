package io.spindle.api.functions;

/**
 * Joins a pair of records of two keyed streams that share a key and whose timestamps are within the interval of an
 * interval join: called once for each such pair.
 *
 * @param <A> the left stream's records
 * @param <B> the right stream's records
 * @param <OUT> the output records
 */
@FunctionalInterface
public interface ProcessJoinFunction<A, B, OUT> {

    void processElement(A left, B right, JoinContext context, Collector<OUT> out) throws Exception;
}
