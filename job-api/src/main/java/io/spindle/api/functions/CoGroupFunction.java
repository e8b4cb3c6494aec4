package io.spindle.api.functions;

/**
 * Combines the records of two streams that share a key and a window. Unlike a join, it is called once per key and
 * window with both groups, also when one of them is empty (for outer joins).
 */
@FunctionalInterface
public interface CoGroupFunction<A, B, OUT> {

    void coGroup(Iterable<A> first, Iterable<B> second, Collector<OUT> out) throws Exception;
}
