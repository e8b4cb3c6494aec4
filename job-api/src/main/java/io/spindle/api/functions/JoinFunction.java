package io.spindle.api.functions;

/** Joins a pair of records of two streams that share a key and a window: called once for each such pair. */
@FunctionalInterface
public interface JoinFunction<A, B, OUT> {

    OUT join(A first, B second) throws Exception;
}
