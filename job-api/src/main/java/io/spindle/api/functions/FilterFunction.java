package io.spindle.api.functions;

@FunctionalInterface
public interface FilterFunction<T> {

    boolean keep(T value) throws Exception;
}
