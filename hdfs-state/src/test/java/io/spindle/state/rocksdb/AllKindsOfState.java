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
import io.spindle.state.KeyedTimers;
import io.spindle.state.NamespacedListState;
import io.spindle.state.NamespacedValueState;
import io.spindle.state.TestCodecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value, list, map and reducing state, namespaced value and list state, and timers of keys "key-<i>", each with values
 * derived from i.
 */
public final class AllKindsOfState {

    public static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", LONG);
    public static final ListStateDescriptor<String> EVENTS = new ListStateDescriptor<>("events", STRING);
    public static final MapStateDescriptor<String, Long> ATTRIBUTES =
            new MapStateDescriptor<>("attributes", STRING, LONG);
    public static final ReducingStateDescriptor<Long> SUM = new ReducingStateDescriptor<>("sum", Long::sum, LONG);
    /** Namespaced by a long. */
    public static final ValueStateDescriptor<Long> WINDOW_SUMS = new ValueStateDescriptor<>("window-sums", LONG);
    /** Namespaced by a string. */
    public static final ListStateDescriptor<String> WINDOW_EVENTS = new ListStateDescriptor<>("window-events", STRING);
    /** A timer service whose namespaces are strings. */
    public static final String TIMERS = "process/event-time";

    private AllKindsOfState() { }

    public static String key(int i) {
        return "key-" + i;
    }

    /** Whether key i belongs to the backend's key groups. */
    public static boolean owns(RocksDbKeyedStateBackend<String> backend, int i) {
        return backend.keyGroupRange().contains(keyGroup(backend, key(i)));
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
        writeNamespacedStateAndTimers(backend, from, to);
    }

    private static void writeNamespacedStateAndTimers(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        NamespacedValueState<Long, Long> windowSums = backend.namespacedValueState(WINDOW_SUMS, LONG);
        NamespacedListState<String, String> windowEvents = backend.namespacedListState(WINDOW_EVENTS, STRING);
        KeyedTimers<String, String> timers = backend.timers(TIMERS, STRING);
        for (int i = from; i < to; i++) {
            if (!owns(backend, i)) {
                continue;
            }
            backend.setCurrentKey(key(i));
            windowSums.update(10L, (long) i);
            windowSums.update(20L, i * 10L);
            windowEvents.add("w1", "a-" + i);
            windowEvents.add("w1", "b-" + i);
            windowEvents.add("w2", "c-" + i);
            for (KeyedTimers.Timer<String, String> timer : timersOf(i)) {
                timers.register(timer.namespace(), timer.time());
                timers.register(timer.namespace(), timer.time());
            }
        }
    }

    /** Key i's timers: many keys share a time, some times are negative. */
    private static List<KeyedTimers.Timer<String, String>> timersOf(int i) {
        return List.of(new KeyedTimers.Timer<>(i % 50 - 10L, key(i), "w" + i % 3),
                new KeyedTimers.Timer<>(1_000L + i, key(i), "late"));
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
        assertNamespacedState(backend, from, to);
    }

    private static void assertNamespacedState(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        NamespacedValueState<Long, Long> windowSums = backend.namespacedValueState(WINDOW_SUMS, LONG);
        NamespacedListState<String, String> windowEvents = backend.namespacedListState(WINDOW_EVENTS, STRING);
        for (int i = from; i < to; i++) {
            if (!owns(backend, i)) {
                continue;
            }
            backend.setCurrentKey(key(i));
            assertThat(windowSums.value(10L)).isEqualTo(i);
            assertThat(windowSums.value(20L)).isEqualTo(i * 10L);
            assertThat(windowSums.value(30L)).isNull();
            assertThat(windowEvents.get("w1")).containsExactly("a-" + i, "b-" + i);
            assertThat(windowEvents.get("w2")).containsExactly("c-" + i);
            assertThat(windowEvents.get("w3")).isEmpty();
        }
    }

    /**
     * Polls every timer: exactly those {@link #writeAllKinds} registered for the keys {@code from} until {@code to}
     * the backend owns, once each, ordered by time, key group, key bytes (length first) and namespace bytes, each
     * with its key current when it is returned.
     */
    public static void assertTimers(RocksDbKeyedStateBackend<String> backend, int from, int to) {
        List<KeyedTimers.Timer<String, String>> expected = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (owns(backend, i)) {
                expected.addAll(timersOf(i));
            }
        }
        expected.sort(Comparator.comparingLong((KeyedTimers.Timer<String, String> timer) -> timer.time())
                .thenComparingInt(timer -> keyGroup(backend, timer.key()))
                .thenComparing(timer -> lengthPrefixed(timer.key()), Arrays::compareUnsigned)
                .thenComparing(timer -> TestCodecs.encode(STRING, timer.namespace()), Arrays::compareUnsigned));
        KeyedTimers<String, String> timers = backend.timers(TIMERS, STRING);
        List<KeyedTimers.Timer<String, String>> polled = new ArrayList<>();
        for (KeyedTimers.Timer<String, String> timer = timers.pollDue(Long.MAX_VALUE); timer != null;
             timer = timers.pollDue(Long.MAX_VALUE)) {
            assertThat(backend.currentKey()).isEqualTo(timer.key());
            polled.add(timer);
        }
        assertThat(polled).containsExactlyElementsOf(expected);
        assertThat(timers.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    private static byte[] lengthPrefixed(String key) {
        byte[] bytes = TestCodecs.encode(STRING, key);
        return RocksDbLayout.keyPrefix(0, bytes, 0, bytes.length);
    }

    private static int keyGroup(RocksDbKeyedStateBackend<String> backend, String key) {
        return KeyGroups.keyGroupOf(TestCodecs.encode(STRING, key), backend.maxParallelism());
    }

    /** How many values of {@link #COUNT} the backend holds: no more keys than it owns. */
    public static int countKeys(RocksDbKeyedStateBackend<String> backend) {
        int[] keys = {0};
        backend.forEachValue(COUNT, (key, value) -> keys[0]++);
        return keys[0];
    }
}
