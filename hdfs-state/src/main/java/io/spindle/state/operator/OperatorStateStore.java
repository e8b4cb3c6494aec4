package io.spindle.state.operator;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subtask's operator (non-keyed) list state: small (source positions, pending commits), so
 * held on the heap and written out whole at each checkpoint.
 */
public final class OperatorStateStore {

    private final Map<String, HeapListState<?>> states = new LinkedHashMap<>();
    private final Map<String, List<?>> restored;

    public OperatorStateStore() {
        this(Map.of());
    }

    /** @param restored entries per state name, as redistributed to this subtask */
    public OperatorStateStore(Map<String, List<?>> restored) {
        this.restored = restored;
    }

    public boolean isRestored() {
        return !restored.isEmpty();
    }

    @SuppressWarnings("unchecked")
    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        HeapListState<?> existing = states.get(descriptor.name());
        if (existing != null) {
            if (!existing.descriptor().codecId().equals(descriptor.codecId())) {
                throw new IllegalArgumentException("operator state '" + descriptor.name()
                        + "' declared twice with different codecs");
            }
            return (ListState<T>) existing;
        }
        HeapListState<T> state = new HeapListState<>(descriptor,
                (List<T>) restored.getOrDefault(descriptor.name(), List.of()));
        states.put(descriptor.name(), state);
        return state;
    }

    public Map<String, HeapListState<?>> states() {
        return states;
    }
}
