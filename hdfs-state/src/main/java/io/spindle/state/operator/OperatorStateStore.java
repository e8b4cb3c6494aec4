package io.spindle.state.operator;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.core.io.ByteArrayDataInput;
import io.spindle.core.io.ByteArrayDataOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subtask's operator (non-keyed) list state: small (source positions, pending commits), so
 * held on the heap and written out whole, entry by entry, at each checkpoint. Restored entries stay
 * encoded until the operator declares the state and so names its codec.
 */
public final class OperatorStateStore {

    /**
     * How a union list state is named in checkpoints: its entries go whole to every subtask on restore. User
     * state names cannot start with it, so the distribution travels with the state and needs no other field.
     */
    public static final String UNION_PREFIX = "union:";

    private final Map<String, HeapListState<?>> states = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> restored;

    private final boolean isRestored;

    /** A store of a subtask that starts afresh. */
    public OperatorStateStore() {
        this(Map.of(), false);
    }

    /**
     * @param restored encoded entries per state name, as redistributed to this subtask
     * @param isRestored whether the subtask starts from a checkpoint or savepoint, even one that gave it nothing
     */
    public OperatorStateStore(Map<String, List<byte[]>> restored, boolean isRestored) {
        this.restored = Map.copyOf(restored);
        this.isRestored = isRestored;
    }

    public boolean isRestored() {
        return isRestored;
    }

    public <T> ListState<T> listState(ListStateDescriptor<T> descriptor) {
        return declare(descriptor.name(), descriptor);
    }

    /** A list state whose entries every subtask gets whole on restore. */
    public <T> ListState<T> unionListState(ListStateDescriptor<T> descriptor) {
        return declare(UNION_PREFIX + descriptor.name(), descriptor);
    }

    @SuppressWarnings("unchecked")
    private <T> ListState<T> declare(String storedName, ListStateDescriptor<T> descriptor) {
        if (descriptor.name().startsWith(UNION_PREFIX)) {
            throw new IllegalArgumentException("operator state '" + descriptor.name() + "': names starting with '"
                    + UNION_PREFIX + "' are reserved");
        }
        String other = storedName.equals(descriptor.name()) ? UNION_PREFIX + descriptor.name() : descriptor.name();
        if (states.containsKey(other)) {
            throw new IllegalArgumentException("operator state '" + descriptor.name()
                    + "' declared both as union and as evenly split list state");
        }
        HeapListState<?> existing = states.get(storedName);
        if (existing != null) {
            if (!existing.descriptor().codecId().equals(descriptor.codecId())) {
                throw new IllegalArgumentException("operator state '" + descriptor.name()
                        + "' declared twice with different codecs");
            }
            return (ListState<T>) existing;
        }
        HeapListState<T> state = new HeapListState<>(descriptor,
                decode(descriptor, restored.getOrDefault(storedName, List.of())));
        states.put(storedName, state);
        return state;
    }

    /** Every declared state's entries, encoded with its codec: the subtask's part of a checkpoint. */
    public Map<String, List<byte[]>> snapshot() {
        Map<String, List<byte[]>> snapshot = new LinkedHashMap<>();
        ByteArrayDataOutput out = new ByteArrayDataOutput(64);
        states.forEach((name, state) -> snapshot.put(name, encode(state, out)));
        return snapshot;
    }

    private static <T> List<byte[]> encode(HeapListState<T> state, ByteArrayDataOutput out) {
        Codec<T> codec = state.descriptor().valueCodec();
        List<byte[]> entries = new ArrayList<>();
        for (T value : state.get()) {
            out.reset();
            try {
                codec.encode(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode an entry of operator state '"
                        + state.descriptor().name() + "' with codec " + codec.id(), e);
            }
            entries.add(out.toByteArray());
        }
        return entries;
    }

    private static <T> List<T> decode(ListStateDescriptor<T> descriptor, List<byte[]> entries) {
        List<T> values = new ArrayList<>();
        ByteArrayDataInput in = new ByteArrayDataInput();
        for (byte[] entry : entries) {
            in.reset(entry, 0, entry.length);
            try {
                values.add(descriptor.valueCodec().decode(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode restored operator state '" + descriptor.name()
                        + "' with codec " + descriptor.codecId(), e);
            }
        }
        return values;
    }
}
