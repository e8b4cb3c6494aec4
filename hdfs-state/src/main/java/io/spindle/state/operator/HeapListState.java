package io.spindle.state.operator;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.util.ArrayList;
import java.util.List;

/** A list of values on the heap. */
public final class HeapListState<T> implements ListState<T> {

    private final ListStateDescriptor<T> descriptor;
    private final List<T> values;

    HeapListState(ListStateDescriptor<T> descriptor, List<T> initial) {
        this.descriptor = descriptor;
        this.values = new ArrayList<>(initial);
    }

    public ListStateDescriptor<T> descriptor() {
        return descriptor;
    }

    @Override
    public List<T> get() {
        return List.copyOf(values);
    }

    @Override
    public void add(T value) {
        values.add(value);
    }

    @Override
    public void update(List<T> newValues) {
        values.clear();
        values.addAll(newValues);
    }

    @Override
    public void clear() {
        values.clear();
    }
}
