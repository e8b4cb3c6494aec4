package io.spindle.state.rocksdb;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.config.Configuration;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.KeyedTimers;
import io.spindle.state.NamespacedListState;
import io.spindle.state.NamespacedValueState;
import io.spindle.state.TestCodecs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.spindle.state.TestCodecs.LONG;
import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbKeyedStateBackendTest {

    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    private static final long ONE_MEBIBYTE = 1L << 20;

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbResources resources(long bytes) {
        RocksDbResources resources = new RocksDbResources(bytes);
        toClose.add(resources);
        return resources;
    }

    private RocksDbKeyedStateBackend<String> open(RocksDbResources resources, Path directory) {
        RocksDbKeyedStateBackend<String> backend =
                RocksDbKeyedStateBackend.open(resources, directory, STRING, MAX_PARALLELISM, ALL);
        toClose.add(backend);
        return backend;
    }

    private static long filesEndingWith(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).count();
        }
    }

    @Test
    void stateFarLargerThanTheBlockCacheReadsBackExactly() throws IOException {
        int keys = 300_000;
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("big"));
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", LONG);
        ValueState<Long> count = backend.valueState(descriptor);

        long writeStart = System.nanoTime();
        for (int i = 0; i < keys; i++) {
            backend.setCurrentKey("key-" + i);
            count.update(i * 7L);
        }
        long writeNanos = System.nanoTime() - writeStart;
        long readStart = System.nanoTime();
        for (int i = 0; i < keys; i++) {
            backend.setCurrentKey("key-" + i);
            assertThat(count.value()).isEqualTo(i * 7L);
        }
        long readNanos = System.nanoTime() - readStart;
        AtomicLong visited = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        backend.forEachValue(descriptor, (key, value) -> {
            visited.incrementAndGet();
            sum.addAndGet(value);
        });

        assertThat(visited.get()).isEqualTo(keys);
        assertThat(sum.get()).isEqualTo(7L * keys * (keys - 1) / 2);
        // The state did not fit in memory: it was flushed to SST files.
        assertThat(filesEndingWith(backend.workingDirectory(), ".sst")).isPositive();
        System.out.printf("RocksDB 1 MiB budget, %,d keys: %,.0f updates/s (setCurrentKey + update), "
                        + "%,.0f reads/s (setCurrentKey + value)%n",
                keys, keys / (writeNanos / 1e9), keys / (readNanos / 1e9));
    }

    @Test
    void listStateKeepsEveryElementAcrossFlushesOfItsMergeOperands() {
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("list"));
        ListState<String> list = backend.listState(new ListStateDescriptor<>("list", STRING));
        ValueState<String> filler = backend.valueState(new ValueStateDescriptor<>("filler", STRING));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            backend.setCurrentKey("the-key");
            list.add("element-" + i);
            expected.add("element-" + i);
            backend.setCurrentKey("filler-" + i);
            filler.update("x".repeat(100));
        }
        backend.setCurrentKey("the-key");

        assertThat(list.get()).containsExactlyElementsOf(expected);
    }

    @Test
    void theWorkingDirectoryIsCreatedOnOpen() {
        Path directory = tempDir.resolve("a/b/backend");
        open(resources(ONE_MEBIBYTE), directory);

        assertThat(directory).isDirectory();
    }

    @Test
    void theWorkingDirectoryIsDeletedOnClose() {
        Path directory = tempDir.resolve("backend");
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), directory);
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");
        count.update(1L);
        backend.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void aNonEmptyWorkingDirectoryIsRefusedAndLeftAlone() throws IOException {
        Path directory = Files.createDirectories(tempDir.resolve("backend"));
        Path someoneElses = Files.writeString(directory.resolve("data.txt"), "keep me");
        RocksDbResources resources = resources(ONE_MEBIBYTE);

        assertThatThrownBy(() -> open(resources, directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");
        assertThat(someoneElses).hasContent("keep me");
    }

    @Test
    void closingTwiceIsHarmless() {
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("backend"));
        backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.close();
        backend.close();

        assertThatThrownBy(() -> backend.setCurrentKey("a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void usingAStateHandleAfterCloseIsAnIllegalStateException() {
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("backend"));
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        MapState<String, Long> map = backend.mapState(new MapStateDescriptor<>("map", STRING, LONG));
        backend.setCurrentKey("a");
        count.update(1L);
        map.put("x", 1L);
        Iterable<Map.Entry<String, Long>> entries = map.entries();
        backend.close();

        assertThatThrownBy(count::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> count.update(2L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> map.get("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> entries.iterator().hasNext()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declaringStateAfterCloseIsAnIllegalStateException() {
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("backend"));
        backend.close();

        assertThatThrownBy(() -> backend.valueState(new ValueStateDescriptor<>("count", LONG)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheBackendDuringForEachValueEndsTheIterationWithAnIllegalStateException() {
        RocksDbKeyedStateBackend<String> backend = open(resources(ONE_MEBIBYTE), tempDir.resolve("backend"));
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("count", LONG);
        ValueState<Long> count = backend.valueState(descriptor);
        for (int i = 0; i < 10; i++) {
            backend.setCurrentKey("key-" + i);
            count.update((long) i);
        }
        List<String> visited = new ArrayList<>();

        assertThatThrownBy(() -> backend.forEachValue(descriptor, (key, value) -> {
            visited.add(key);
            backend.close();
        })).isInstanceOf(IllegalStateException.class);
        assertThat(visited).hasSize(1);
        assertThat(backend.workingDirectory()).doesNotExist();
    }

    @Test
    void backendsSharingTheWorkersResourcesKeepSeparateState() {
        RocksDbResources resources = resources(ONE_MEBIBYTE);
        RocksDbKeyedStateBackend<String> first = open(resources, tempDir.resolve("first"));
        RocksDbKeyedStateBackend<String> second = open(resources, tempDir.resolve("second"));
        ValueState<Long> firstCount = first.valueState(new ValueStateDescriptor<>("count", LONG));
        ValueState<Long> secondCount = second.valueState(new ValueStateDescriptor<>("count", LONG));
        first.setCurrentKey("a");
        second.setCurrentKey("a");
        firstCount.update(1L);
        secondCount.update(2L);

        assertThat(firstCount.value()).isEqualTo(1L);
        assertThat(secondCount.value()).isEqualTo(2L);
    }

    @Test
    void aBackendOpenedBeforeTheResourcesCloseKeepsWorkingUntilItCloses() {
        RocksDbResources resources = resources(ONE_MEBIBYTE);
        RocksDbKeyedStateBackend<String> backend = open(resources, tempDir.resolve("backend"));
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        resources.close();
        for (int i = 0; i < 20_000; i++) {
            backend.setCurrentKey("key-" + i);
            count.update((long) i);
        }
        backend.setCurrentKey("key-123");

        assertThat(count.value()).isEqualTo(123L);
    }

    @Test
    void noBackendCanBeOpenedOnClosedResources() {
        RocksDbResources resources = resources(ONE_MEBIBYTE);
        resources.close();
        Path directory = tempDir.resolve("backend");

        assertThatThrownBy(() -> open(resources, directory)).isInstanceOf(IllegalStateException.class);
        assertThat(directory).doesNotExist();
    }

    @Test
    void resourcesAreSizedFromTheConfiguredBudgetWithHalfForWriteBuffers() {
        Configuration config = Configuration.fromMap(Map.of("state.backend.rocksdb.memory.managed-size", "64m"));
        RocksDbResources resources = RocksDbResources.fromConfig(config);
        toClose.add(resources);

        assertThat(resources.managedMemoryBytes()).isEqualTo(64L << 20);
        assertThat(resources.writeBufferManagerBytes()).isEqualTo(32L << 20);
    }

    @Test
    void aKeyGroupRangeBeyondTheMaxParallelismIsRejected() {
        RocksDbResources resources = resources(ONE_MEBIBYTE);

        assertThatThrownBy(() -> RocksDbKeyedStateBackend.open(resources, tempDir.resolve("backend"), STRING, 128,
                new KeyGroupRange(100, 128))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
    }

    // ---- namespaced state --------------------------------------------------------------------------

    private RocksDbKeyedStateBackend<String> open() {
        return open(resources(8 * ONE_MEBIBYTE), tempDir.resolve("backend"));
    }

    @Test
    void namespacedValueStateKeepsOneValuePerKeyAndNamespace() {
        RocksDbKeyedStateBackend<String> backend = open();
        NamespacedValueState<Long, Long> sums = backend.namespacedValueState(new ValueStateDescriptor<>("sums", LONG),
                LONG);
        backend.setCurrentKey("a");
        sums.update(1L, 10L);
        sums.update(2L, 20L);
        backend.setCurrentKey("b");
        sums.update(1L, 30L);

        assertThat(sums.value(1L)).isEqualTo(30L);
        assertThat(sums.value(2L)).isNull();
        backend.setCurrentKey("a");
        assertThat(sums.value(1L)).isEqualTo(10L);
        assertThat(sums.value(2L)).isEqualTo(20L);
    }

    @Test
    void clearingANamespacedValueLeavesTheKeysOtherNamespaces() {
        RocksDbKeyedStateBackend<String> backend = open();
        NamespacedValueState<Long, Long> sums = backend.namespacedValueState(new ValueStateDescriptor<>("sums", LONG),
                LONG);
        backend.setCurrentKey("a");
        sums.update(1L, 10L);
        sums.update(2L, 20L);

        sums.clear(1L);
        sums.update(2L, null);
        sums.update(3L, 30L);

        assertThat(sums.value(1L)).isNull();
        assertThat(sums.value(2L)).isNull();
        assertThat(sums.value(3L)).isEqualTo(30L);
    }

    @Test
    void namespacedListStateKeepsOneListPerKeyAndNamespace() {
        RocksDbKeyedStateBackend<String> backend = open();
        NamespacedListState<String, String> events = backend.namespacedListState(
                new ListStateDescriptor<>("events", STRING), STRING);
        backend.setCurrentKey("a");
        events.add("w1", "x");
        events.add("w1", "y");
        events.add("w2", "z");
        backend.setCurrentKey("b");
        events.update("w1", List.of("p", "q"));

        assertThat(events.get("w1")).containsExactly("p", "q");
        assertThat(events.get("w2")).isEmpty();
        backend.setCurrentKey("a");
        assertThat(events.get("w1")).containsExactly("x", "y");
        assertThat(events.get("w2")).containsExactly("z");
    }

    @Test
    void clearingANamespacedListLeavesTheKeysOtherNamespaces() {
        RocksDbKeyedStateBackend<String> backend = open();
        NamespacedListState<String, String> events = backend.namespacedListState(
                new ListStateDescriptor<>("events", STRING), STRING);
        backend.setCurrentKey("a");
        events.add("w1", "x");
        events.add("w2", "y");
        events.add("w3", "z");

        events.clear("w1");
        events.update("w2", List.of());

        assertThat(events.get("w1")).isEmpty();
        assertThat(events.get("w2")).isEmpty();
        assertThat(events.get("w3")).containsExactly("z");
    }

    @Test
    void aNamespaceWhoseBytesExtendAnotherKeysBytesStaysApart() {
        // RAW_STRING keys are not self-delimiting: ("a", "bc") and ("ab", "c") would share bytes without the key length.
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources(8 * ONE_MEBIBYTE),
                tempDir.resolve("raw"), TestCodecs.RAW_STRING, MAX_PARALLELISM, ALL);
        toClose.add(backend);
        NamespacedValueState<String, Long> values = backend.namespacedValueState(
                new ValueStateDescriptor<>("values", LONG), TestCodecs.RAW_STRING);
        backend.setCurrentKey("a");
        values.update("bc", 1L);
        backend.setCurrentKey("ab");

        assertThat(values.value("c")).isNull();
    }

    @Test
    void aStateDeclaredAgainWithAnotherNamespaceCodecIsRejectedNamingIt() {
        RocksDbKeyedStateBackend<String> backend = open();
        ValueStateDescriptor<Long> sums = new ValueStateDescriptor<>("sums", LONG);
        backend.namespacedValueState(sums, LONG);

        assertThatThrownBy(() -> backend.namespacedValueState(sums, STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'sums'")
                .hasMessageContaining("namespace codec 'long'");
        assertThatThrownBy(() -> backend.valueState(sums))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'sums'");
    }

    // ---- timers ------------------------------------------------------------------------------------

    private static List<KeyedTimers.Timer<String, String>> pollAll(KeyedTimers<String, String> timers, long upTo) {
        List<KeyedTimers.Timer<String, String>> polled = new ArrayList<>();
        for (KeyedTimers.Timer<String, String> timer = timers.pollDue(upTo); timer != null;
             timer = timers.pollDue(upTo)) {
            polled.add(timer);
        }
        return polled;
    }

    @Test
    void aTimerRegisteredTwiceFiresOnce() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        backend.setCurrentKey("a");
        timers.register("w", 5);
        timers.register("w", 5);

        assertThat(pollAll(timers, Long.MAX_VALUE)).containsExactly(new KeyedTimers.Timer<>(5L, "a", "w"));
    }

    @Test
    void timersFireInTimeOrderThenKeyGroupOrderThenKeyOrder() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8");
        for (String key : keys) {
            backend.setCurrentKey(key);
            timers.register("w", 7);
            timers.register("w", -3);
            timers.register("w", 1L << 40);
        }
        List<String> keyOrder = keys.stream().sorted(Comparator.comparingInt((String key) -> KeyGroups.keyGroupOf(
                TestCodecs.encode(STRING, key), MAX_PARALLELISM)).thenComparing(Comparator.naturalOrder())).toList();

        List<KeyedTimers.Timer<String, String>> polled = pollAll(timers, Long.MAX_VALUE);

        assertThat(polled).extracting(KeyedTimers.Timer::time).containsExactlyElementsOf(Stream.of(-3L, 7L, 1L << 40)
                .flatMap(time -> keys.stream().map(key -> time)).toList());
        assertThat(polled.subList(0, keys.size())).extracting(KeyedTimers.Timer::key).containsExactlyElementsOf(keyOrder);
    }

    @Test
    void aPolledTimersKeyBecomesTheCurrentKey() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        ValueState<Long> count = backend.valueState(new ValueStateDescriptor<>("count", LONG));
        backend.setCurrentKey("a");
        count.update(1L);
        timers.register("w", 5);
        backend.setCurrentKey("b");

        timers.pollDue(5);

        assertThat(backend.currentKey()).isEqualTo("a");
        assertThat(count.value()).isEqualTo(1L);
    }

    @Test
    void aDeletedTimerDoesNotFireAndOthersOfItsKeyDo() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        backend.setCurrentKey("a");
        timers.register("w", 5);
        timers.register("v", 5);
        timers.register("w", 6);

        timers.delete("w", 5);
        timers.delete("w", 99);

        assertThat(pollAll(timers, Long.MAX_VALUE)).containsExactly(new KeyedTimers.Timer<>(5L, "a", "v"),
                new KeyedTimers.Timer<>(6L, "a", "w"));
    }

    @Test
    void pollDueReturnsOnlyTimersUpToItsTime() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        for (String key : List.of("a", "b", "c")) {
            backend.setCurrentKey(key);
            timers.register("w", 10);
            timers.register("w", 20);
        }

        assertThat(timers.pollDue(9)).isNull();
        assertThat(pollAll(timers, 10)).hasSize(3).allMatch(timer -> timer.time() == 10);
        assertThat(pollAll(timers, 19)).isEmpty();
        assertThat(pollAll(timers, 20)).hasSize(3).allMatch(timer -> timer.time() == 20);
    }

    @Test
    void nextTimeFollowsRegistersPollsAndCorrectsItselfAfterDeletes() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        assertThat(timers.nextTime()).isEqualTo(Long.MAX_VALUE);
        backend.setCurrentKey("a");
        timers.register("w", 20);
        timers.register("w", 10);
        assertThat(timers.nextTime()).isEqualTo(10);

        timers.delete("w", 10);
        assertThat(timers.nextTime()).isLessThanOrEqualTo(20);
        assertThat(timers.pollDue(15)).isNull();
        assertThat(timers.nextTime()).isEqualTo(20);

        assertThat(timers.pollDue(20)).isEqualTo(new KeyedTimers.Timer<>(20L, "a", "w"));
        assertThat(timers.pollDue(Long.MAX_VALUE)).isNull();
        assertThat(timers.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aTimerRegisteredBeforeTheLastPolledOneStillFires() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        backend.setCurrentKey("b");
        timers.register("w", 10);
        timers.register("w", 11);
        timers.pollDue(10);

        backend.setCurrentKey("a");
        timers.register("w", 10);
        timers.register("w", 3);

        assertThat(timers.nextTime()).isEqualTo(3);
        assertThat(pollAll(timers, Long.MAX_VALUE)).containsExactly(new KeyedTimers.Timer<>(3L, "a", "w"),
                new KeyedTimers.Timer<>(10L, "a", "w"), new KeyedTimers.Timer<>(11L, "b", "w"));
    }

    @Test
    void timerServicesOfOneBackendAreSeparate() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> eventTime = backend.timers("op/event-time", STRING);
        KeyedTimers<String, String> processingTime = backend.timers("op/processing-time", STRING);
        backend.setCurrentKey("a");
        eventTime.register("w", 5);

        assertThat(processingTime.pollDue(Long.MAX_VALUE)).isNull();
        assertThat(backend.timers("op/event-time", STRING).nextTime()).isEqualTo(5);
    }

    @Test
    void aTimerServiceCannotTakeTheNameOfAState() {
        RocksDbKeyedStateBackend<String> backend = open();
        backend.valueState(new ValueStateDescriptor<>("count", LONG));

        assertThatThrownBy(() -> backend.timers("count", STRING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'count' is already declared as value state");
    }
}
