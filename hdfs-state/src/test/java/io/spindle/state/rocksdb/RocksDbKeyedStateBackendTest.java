package io.spindle.state.rocksdb;

import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.MapState;
import io.spindle.api.state.MapStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.core.config.Configuration;
import io.spindle.core.keys.KeyGroupRange;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
}
