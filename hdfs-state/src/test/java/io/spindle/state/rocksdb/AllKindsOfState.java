package io.spindle.state.rocksdb;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.TestCodecs;

import java.util.HashMap;
import java.util.Map;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/** Value, list, map and reducing state of keys "key-<i>", each with values derived from i. */
public final class AllKindsOfState {

    public static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", LONG);
    public static final ListStateDescriptor<String> EVENTS = new ListStateDescriptor<>("events", STRING);
    public static final MapStateDescriptor<String, Long> ATTRIBUTES =
            new MapStateDescriptor<>("attributes", STRING, LONG);
    public static final ReducingStateDescriptor<Long> SUM = new ReducingStateDescriptor<>("sum", Long::sum, LONG);

    private AllKindsOfState() { }

    public static String key(int i) {
        return "key-" + i;
    }

    /** Whether key i belongs to the backend's key groups. */
    public static boolean owns(RocksDbKeyedStateBackend<String> backend, int i) {
        return backend.keyGroupRange().contains(KeyGroups.keyGroupOf(TestCodecs.encode(STRING, key(i)),
                backend.maxParallelism()));
    }

    /** Writes every kind of state for the keys {@code from} until {@code to} (exclusive) the backend owns. */
    public static void writeAllKinds(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        ValueState<Long> count = backend.valueState(COUNT);
        ListState<String> events = backend.listState(EVENTS);
        MapState<String, Long> attributes = backend.mapState(ATTRIBUTES);
        ReducingState<Long> sum = backend.reducingState(SUM);
        for (int i = from; i < to; i++) {
            if (!owns(backend, i)) {
                continue;
            }
            backend.setCurrentKey(key(i));
            count.update((long) i);
            events.add("created-" + i);
            events.add("seen-" + i);
            attributes.put("a", (long) i);
            attributes.put("b", i * 2L);
            sum.add((long) i);
            sum.add(1L);
        }
    }

    /** Every key {@code from} until {@code to} the backend owns has exactly what {@link #writeAllKinds} wrote. */
    public static void assertAllKinds(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        ValueState<Long> count = backend.valueState(COUNT);
        ListState<String> events = backend.listState(EVENTS);
        MapState<String, Long> attributes = backend.mapState(ATTRIBUTES);
        ReducingState<Long> sum = backend.reducingState(SUM);
        for (int i = from; i < to; i++) {
            if (!owns(backend, i)) {
                continue;
            }
            backend.setCurrentKey(key(i));
            assertThat(count.value()).isEqualTo(i);
            assertThat(events.get()).containsExactly("created-" + i, "seen-" + i);
            Map<String, Long> entries = new HashMap<>();
            attributes.entries().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
            assertThat(entries).isEqualTo(Map.of("a", (long) i, "b", i * 2L));
            assertThat(sum.get()).isEqualTo(i + 1L);
        }
    }

    /** How many values of {@link #COUNT} the backend holds: no more keys than it owns. */
    public static int countKeys(RocksDbKeyedStateBackend<String> backend) {
        int[] keys = {0};
        backend.forEachValue(COUNT, (key, value) -> keys[0]++);
        return keys[0];
    }
}
