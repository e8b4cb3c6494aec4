package io.spindle.state;

import io.spindle.api.codec.Codec;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ReducingState;
import io.spindle.api.state.ReducingStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.RAW_STRING;
import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** What every {@link KeyedStateBackend} does; one subclass per implementation. */
public abstract class KeyedStateBackendContractTest {

    protected static final int MAX_PARALLELISM = 128;

    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();

    /** A new, empty backend; the contract test closes it. */
    protected abstract <K> KeyedStateBackend<K> createBackend(Codec<K> keyCodec, int maxParallelism,
                                                              KeyGroupRange keyGroupRange);

    private <K> KeyedStateBackend<K> open(Codec<K> keyCodec, int maxParallelism, KeyGroupRange range) {
        KeyedStateBackend<K> backend = createBackend(keyCodec, maxParallelism, range);
        backends.add(backend);
        return backend;
    }

    private KeyedStateBackend<String> open() {
        return open(STRING, MAX_PARALLELISM, new KeyGroupRange(0, MAX_PARALLELISM - 1));
    }

    @AfterEach
    void closeBackends() {
        backends.forEach(KeyedStateBackend::close);
    }

    private static int keyGroupOf(String key) {
        return KeyGroups.keyGroupOf(TestCodecs.encode(STRING, key), MAX_PARALLELISM);
    }

    // ---- value state -------------------------------------------------------------------------------

    @Test
    void valueStateIsNullForAKeyWithoutAValue() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");

        assertThat(count.value()).isNull();
    }

    @Test
    void valueStateKeepsOneValuePerKey() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");
        count.update(1L);
        backend.setCurrentKey("b");
        count.update(2L);
        backend.setCurrentKey("a");
        count.update(count.value() + 10);

        assertThat(count.value()).isEqualTo(11L);
        backend.setCurrentKey("b");
        assertThat(count.value()).isEqualTo(2L);
    }

    @Test
    void valueStateUpdatedWithNullIsCleared() {
        KeyedStateBackend<String> backend = open();
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", LONG);
        ValueState<Long> count = backend.valueState(descriptor);
        backend.setCurrentKey("a");
        count.update(1L);
        count.update(null);

        assertThat(count.value()).isNull();
        List<String> visited = new ArrayList<>();
        backend.forEachValue(descriptor, (key, value) -> visited.add(key));
        assertThat(visited).isEmpty();
    }

    @Test
    void clearingValueStateRemovesOnlyTheCurrentKeysValue() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");
        count.update(1L);
        backend.setCurrentKey("b");
        count.update(2L);
        count.clear();

        assertThat(count.value()).isNull();
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(1L);
    }

    @Test
    void statesOfDifferentNamesAreSeparate() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> first = backend.valueState(new ValueStateDescriptor<>("first", LONG));
        ValueState<Long> second = backend.valueState(new ValueStateDescriptor<>("second", LONG));
        backend.setCurrentKey("a");
        first.update(1L);

        assertThat(second.value()).isNull();
    }

    @Test
    void valuesWhoseCodecIsNotSelfDelimitingReadBackExactly() {
        KeyedStateBackend<String> backend = open();
        ValueState<String> text = backend.valueState(new ValueStateDescriptor<>("text", RAW_STRING));
        backend.setCurrentKey("a");
        text.update("");
        assertThat(text.value()).isEmpty();
        text.update("x,\u0000y");
        assertThat(text.value()).isEqualTo("x,\u0000y");
    }

    // ---- list state --------------------------------------------------------------------------------

    @Test
    void listStateIsEmptyForAKeyWithoutValues() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");

        assertThat(list.get()).isEmpty();
    }

    @Test
    void listStateReturnsAddedValuesInOrderPerKey() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");
        list.add(3L);
        backend.setCurrentKey("b");
        list.add(100L);
        backend.setCurrentKey("a");
        list.add(1L);
        list.add(2L);

        assertThat(list.get()).containsExactly(3L, 1L, 2L);
        backend.setCurrentKey("b");
        assertThat(list.get()).containsExactly(100L);
    }

    @Test
    void listStateUpdateReplacesTheValuesAndLaterAddsAppend() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");
        list.add(1L);
        list.update(List.of(7L, 8L));
        list.add(9L);

        assertThat(list.get()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void listStateUpdatedWithNullOrAnEmptyListIsCleared() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");
        list.add(1L);
        list.update(null);
        assertThat(list.get()).isEmpty();

        list.add(2L);
        list.update(List.of());
        assertThat(list.get()).isEmpty();
    }

    @Test
    void clearingListStateRemovesOnlyTheCurrentKeysValues() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");
        list.add(1L);
        backend.setCurrentKey("b");
        list.add(2L);
        list.clear();

        assertThat(list.get()).isEmpty();
        backend.setCurrentKey("a");
        assertThat(list.get()).containsExactly(1L);
    }

    @Test
    void listStateRejectsANullElement() {
        KeyedStateBackend<String> backend = open();
        ListState<Long> list = backend.listState(new ListStateDescriptor<>("list", LONG));
        backend.setCurrentKey("a");

        assertThatThrownBy(() -> list.add(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("list");
    }

    @Test
    void listElementsWithArbitraryBytesAndNoSelfDelimitingCodecReadBackExactly() {
        KeyedStateBackend<String> backend = open();
        ListState<String> list = backend.listState(new ListStateDescriptor<>("list", RAW_STRING));
        List<String> elements = List.of("a,b", "", "\u0000", ",", "\u00ff\u0080", "x".repeat(300), "end");
        backend.setCurrentKey("a");
        list.add(elements.get(0));
        list.add(elements.get(1));
        list.update(elements.subList(0, 4));
        elements.subList(4, elements.size()).forEach(list::add);

        assertThat(list.get()).containsExactlyElementsOf(elements);
    }

    // ---- map state ---------------------------------------------------------------------------------

    @Test
    void mapStateKeepsAMapPerKey() {
        KeyedStateBackend<String> backend = open();
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("a");
        map.put("x", 1L);
        map.put("y", 2L);
        backend.setCurrentKey("b");
        map.put("x", 10L);

        assertThat(map.get("x")).isEqualTo(10L);
        assertThat(map.get("y")).isNull();
        assertThat(map.contains("y")).isFalse();
        backend.setCurrentKey("a");
        assertThat(map.get("x")).isEqualTo(1L);
        assertThat(map.contains("y")).isTrue();
    }

    @Test
    void mapStateRemoveDeletesOneEntry() {
        KeyedStateBackend<String> backend = open();
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("a");
        map.put("x", 1L);
        map.put("y", 2L);
        map.remove("x");

        assertThat(map.entries()).containsExactly(entry("y", 2L));
    }

    @Test
    void mapStatePutWithANullValueRemovesTheEntry() {
        KeyedStateBackend<String> backend = open();
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("a");
        map.put("x", 1L);
        map.put("x", null);

        assertThat(map.contains("x")).isFalse();
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void mapStateEntriesAreOrderedByTheEncodedBytesOfTheirKeys() {
        KeyedStateBackend<String> backend = open();
        MapState<Long, String> map = backend.mapState(new MapStateDescriptor<>("map", LONG, STRING));
        backend.setCurrentKey("a");
        for (long key : new long[] {3, -1, 1, Long.MIN_VALUE, 0}) {
            map.put(key, "v" + key);
        }

        // Big-endian two's complement compared as unsigned bytes: negative numbers come last.
        assertThat(map.entries()).extracting(Map.Entry::getKey).containsExactly(0L, 1L, 3L, Long.MIN_VALUE, -1L);
    }

    @Test
    void mapStateEntriesOfAKeyExcludeTheEntriesOfAKeyWhoseBytesItPrefixes() {
        // One key group, and a key codec under which "a" is a byte prefix of "ab".
        KeyedStateBackend<String> backend = open(RAW_STRING, 1, new KeyGroupRange(0, 0));
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", RAW_STRING, LONG));
        backend.setCurrentKey("ab");
        map.put("c", 1L);
        backend.setCurrentKey("a");
        map.put("bc", 2L);

        assertThat(map.entries()).containsExactly(entry("bc", 2L));
        backend.setCurrentKey("ab");
        assertThat(map.entries()).containsExactly(entry("c", 1L));
    }

    @Test
    void mapStateEntriesCoverLargeMapsInOrder() {
        KeyedStateBackend<String> backend = open();
        MapState<Long, Long> map = backend.mapState(new MapStateDescriptor<>("map", LONG, LONG));
        backend.setCurrentKey("a");
        for (long i = 999; i >= 0; i--) {
            map.put(i, i * i);
        }
        backend.setCurrentKey("b");
        map.put(5L, 5L);
        backend.setCurrentKey("a");

        List<Map.Entry<Long, Long>> entries = new ArrayList<>();
        map.entries().forEach(entries::add);
        assertThat(entries).hasSize(1000);
        assertThat(entries).extracting(Map.Entry::getKey).isSorted();
        assertThat(entries).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(e.getKey() * e.getKey()));
    }

    @Test
    void mapStateEntriesStayWithTheKeyThatWasCurrentWhenTheyWereAskedFor() {
        KeyedStateBackend<String> backend = open();
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("b");
        map.put("y", 2L);
        backend.setCurrentKey("a");
        map.put("x", 1L);
        Iterable<Map.Entry<String, Long>> entriesOfA = map.entries();
        backend.setCurrentKey("b");

        assertThat(entriesOfA).containsExactly(entry("x", 1L));
    }

    @Test
    void clearingMapStateEmptiesOnlyTheCurrentKeysMap() {
        KeyedStateBackend<String> backend = open();
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("a");
        map.put("x", 1L);
        backend.setCurrentKey("b");
        map.put("x", 2L);
        map.put("y", 3L);
        assertThat(map.isEmpty()).isFalse();
        map.clear();

        assertThat(map.isEmpty()).isTrue();
        assertThat(map.entries()).isEmpty();
        backend.setCurrentKey("a");
        assertThat(map.entries()).containsExactly(entry("x", 1L));
    }

    // ---- reducing state ----------------------------------------------------------------------------

    @Test
    void reducingStateFoldsAddedValuesPerKey() {
        KeyedStateBackend<String> backend = open();
        ReducingState<Long> sum = backend.reducingState(new ReducingStateDescriptor<>("sum", Long::sum, LONG));
        backend.setCurrentKey("a");
        assertThat(sum.get()).isNull();
        sum.add(1L);
        sum.add(2L);
        backend.setCurrentKey("b");
        sum.add(10L);
        backend.setCurrentKey("a");
        sum.add(3L);

        assertThat(sum.get()).isEqualTo(6L);
        backend.setCurrentKey("b");
        assertThat(sum.get()).isEqualTo(10L);
    }

    @Test
    void clearedReducingStateStartsOverFromTheNextValue() {
        KeyedStateBackend<String> backend = open();
        ReducingState<Long> sum = backend.reducingState(new ReducingStateDescriptor<>("sum", Long::sum, LONG));
        backend.setCurrentKey("a");
        sum.add(5L);
        sum.clear();
        assertThat(sum.get()).isNull();
        sum.add(2L);

        assertThat(sum.get()).isEqualTo(2L);
    }

    @Test
    void reducingStateRejectsANullValue() {
        KeyedStateBackend<String> backend = open();
        ReducingState<Long> sum = backend.reducingState(new ReducingStateDescriptor<>("sum", Long::sum, LONG));
        backend.setCurrentKey("a");

        assertThatThrownBy(() -> sum.add(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("sum");
    }

    // ---- iteration over keys -----------------------------------------------------------------------

    @Test
    void forEachValueVisitsExactlyTheKeysWithAValueInKeyGroupOrder() {
        KeyedStateBackend<String> backend = open();
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", LONG);
        ValueState<Long> count = backend.valueState(descriptor);
        ValueState<Long> other = backend.valueState(new ValueStateDescriptor<>("other", LONG));
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            backend.setCurrentKey("key-" + i);
            count.update((long) i);
            expected.put("key-" + i, (long) i);
            if (i % 5 == 0) {
                count.clear();
                expected.remove("key-" + i);
            }
            backend.setCurrentKey("only-other-" + i);
            other.update(1L);
        }

        List<String> keys = new ArrayList<>();
        Map<String, Long> visited = new HashMap<>();
        backend.forEachValue(descriptor, (key, value) -> {
            keys.add(key);
            visited.put(key, value);
        });

        assertThat(keys).hasSize(400).doesNotHaveDuplicates();
        assertThat(visited).isEqualTo(expected);
        List<Integer> keyGroups = keys.stream().map(KeyedStateBackendContractTest::keyGroupOf).toList();
        assertThat(keyGroups).isSorted();
        assertThat(keyGroups.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void forEachValueMakesEachVisitedKeyCurrentAndRestoresThePreviousKey() {
        KeyedStateBackend<String> backend = open();
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", LONG);
        ValueState<Long> count = backend.valueState(descriptor);
        ListState<String> names = backend.listState(new ListStateDescriptor<>("names", STRING));
        for (String key : List.of("a", "b", "c")) {
            backend.setCurrentKey(key);
            count.update(1L);
            names.add("name of " + key);
        }
        backend.setCurrentKey("z");

        Map<String, List<String>> seen = new HashMap<>();
        backend.forEachValue(descriptor, (key, value) -> {
            assertThat(backend.currentKey()).isEqualTo(key);
            seen.put(key, names.get());
        });

        assertThat(seen).containsOnly(entry("a", List.of("name of a")), entry("b", List.of("name of b")),
                entry("c", List.of("name of c")));
        assertThat(backend.currentKey()).isEqualTo("z");
        assertThat(count.value()).isNull();
    }

    // ---- keys and declarations ---------------------------------------------------------------------

    @Test
    void handlesFollowTheCurrentKeyFromOneRecordToTheNext() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        for (String key : List.of("a", "b", "a", "c", "a", "b")) {
            backend.setCurrentKey(key);
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
        }

        Map<String, Long> counts = new HashMap<>();
        for (String key : List.of("a", "b", "c")) {
            backend.setCurrentKey(key);
            counts.put(key, count.value());
        }
        assertThat(counts).containsOnly(entry("a", 3L), entry("b", 2L), entry("c", 1L));
    }

    @Test
    void usingStateBeforeAnyKeyIsSetIsAnIllegalStateException() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));

        assertThatThrownBy(count::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("current key");
    }

    @Test
    void aKeyOutsideTheKeyGroupRangeIsRejectedNamingItsKeyGroupAndTheRange() {
        KeyGroupRange range = new KeyGroupRange(0, 63);
        KeyedStateBackend<String> backend = open(STRING, MAX_PARALLELISM, range);
        String outside = IntStream.range(0, 1000).mapToObj(i -> "key-" + i)
                .filter(key -> !range.contains(keyGroupOf(key))).findFirst().orElseThrow();

        assertThatThrownBy(() -> backend.setCurrentKey(outside))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key group " + keyGroupOf(outside))
                .hasMessageContaining(range.toString());
    }

    @Test
    void aKeyInsideThePartialKeyGroupRangeIsAccepted() {
        KeyGroupRange range = new KeyGroupRange(64, 127);
        KeyedStateBackend<String> backend = open(STRING, MAX_PARALLELISM, range);
        String inside = IntStream.range(0, 1000).mapToObj(i -> "key-" + i)
                .filter(key -> range.contains(keyGroupOf(key))).findFirst().orElseThrow();
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey(inside);
        count.update(4L);

        assertThat(count.value()).isEqualTo(4L);
        assertThat(backend.currentKey()).isEqualTo(inside);
    }

    @Test
    void redeclaringAStateAsAnotherKindIsRejectedNamingTheState() {
        KeyedStateBackend<String> backend = open();
        backend.valueState(new ValueStateDescriptor<>("counts", LONG));

        assertThatThrownBy(() -> backend.listState(new ListStateDescriptor<>("counts", LONG)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'counts'")
                .hasMessageContaining("list");
    }

    @Test
    void redeclaringAStateWithAnotherCodecIsRejectedNamingTheState() {
        KeyedStateBackend<String> backend = open();
        backend.valueState(new ValueStateDescriptor<>("counts", LONG));

        assertThatThrownBy(() -> backend.valueState(new ValueStateDescriptor<>("counts", STRING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'counts'")
                .hasMessageContaining("string");
    }

    @Test
    void redeclaringAStateTheSameWayGivesAHandleOnTheSameData() {
        KeyedStateBackend<String> backend = open();
        ValueState<Long> first = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");
        first.update(7L);
        ValueState<Long> second = backend.valueState(new ValueStateDescriptor<>("count", LONG));

        assertThat(second.value()).isEqualTo(7L);
    }

    @Test
    void reportsItsKeyGroupRangeAndMaxParallelism() {
        KeyedStateBackend<String> backend = open(STRING, 256, new KeyGroupRange(10, 20));

        assertThat(backend.keyGroupRange()).isEqualTo(new KeyGroupRange(10, 20));
        assertThat(backend.maxParallelism()).isEqualTo(256);
    }
}
