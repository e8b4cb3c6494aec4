package io.spindle.runtime.operators;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.RocksDbCheckpointOptions;
import io.spindle.state.rocksdb.RocksDbKeyedStateBackend;
import io.spindle.state.rocksdb.RocksDbResources;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drives operators as their task does, without mocks: keyed state in real RocksDB backends (string keys, 128 key
 * groups), the element timestamp set before each record, watermarks and timers by direct call, and a processing-time
 * clock the test sets. Snapshots upload to a local directory and restore at other key-group ranges, as in a rescale.
 * Register it with {@code @RegisterExtension}: each test gets fresh backends, all closed after it.
 */
final class OperatorHarness implements BeforeEachCallback, AfterEachCallback {

    static final int MAX_PARALLELISM = 128;
    static final KeyGroupRange ALL_KEY_GROUPS = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Codec<Object> KEY_CODEC = (Codec) Codecs.STRING;

    /** The chain's element timestamp, shared by every operator opened here (as by the operators of one chain). */
    final ElementTimestamp timestamp = new ElementTimestamp();
    /** Where operators opened with {@link #open(StreamOperator)} emit; records carry their timestamps. */
    final CollectingOutput output = new CollectingOutput(timestamp);
    /** The processing time operators read from their runtime's clock. */
    long now;

    private Path work;
    private RocksDbResources rocksDb;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private int backends;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        work = Files.createTempDirectory("operator-harness");
        rocksDb = new RocksDbResources(8L << 20);
        // the directories the checkpoint coordinator creates before tasks upload into them
        Files.createDirectories(work.resolve("checkpoints/shared"));
        Files.createDirectories(work.resolve("checkpoints/chk-1"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        rocksDb.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A fresh backend of the key groups, closed after the test. */
    RocksDbKeyedStateBackend<Object> backend(KeyGroupRange range) {
        return closedAfter(RocksDbKeyedStateBackend.open(rocksDb, nextBackendDirectory(), KEY_CODEC, MAX_PARALLELISM,
                range));
    }

    /** Snapshots the backend as checkpoint 1 and uploads it, as a task's checkpoint does. */
    KeyedStateHandle snapshot(RocksDbKeyedStateBackend<Object> backend) throws IOException {
        return backend.snapshot(1).upload(storage());
    }

    /** A backend of {@code range} restored from uploaded snapshots, as a subtask after a rescale gets it. */
    RocksDbKeyedStateBackend<Object> restore(KeyGroupRange range, List<KeyedStateHandle> handles) {
        return closedAfter(RocksDbKeyedStateBackend.restore(rocksDb, nextBackendDirectory(), KEY_CODEC,
                MAX_PARALLELISM, range, RocksDbCheckpointOptions.DEFAULTS, handles, storage(), false));
    }

    /** Opens the operator on a fresh backend of all key groups, emitting into {@link #output}. */
    <O extends StreamOperator<?, ?>> O open(O operator) throws Exception {
        return open(operator, backend(ALL_KEY_GROUPS), output);
    }

    /** Opens the operator on {@code keyed} (null: an unkeyed operator), emitting into {@code into}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <O extends StreamOperator<?, ?>> O open(O operator, KeyedStateBackend<Object> keyed, CollectingOutput into)
            throws Exception {
        operator.setOutput((Output) into);
        operator.open(new OperatorRuntime("job", 0, 1, 0, new OperatorStates(), keyed, null, () -> now, timestamp));
        return operator;
    }

    /** A record of the (first) input with event time {@code time}: the task sets the timestamp, then collects. */
    void record(StreamOperator<?, ?> operator, Object record, long time) {
        timestamp.set(time);
        collect(operator, record);
    }

    /** A record of the second input of a two-input operator, with event time {@code time}. */
    void second(StreamOperator<?, ?> operator, Object record, long time) {
        timestamp.set(time);
        ((SecondInput) operator).collectSecond(record);
    }

    /** A record without event time (a source without watermark strategy). */
    void untimedRecord(StreamOperator<?, ?> operator, Object record) {
        timestamp.clear();
        collect(operator, record);
    }

    @SuppressWarnings("unchecked")
    private static void collect(StreamOperator<?, ?> operator, Object record) {
        ((StreamOperator<Object, ?>) operator).collect(record);
    }

    /** The key group of a string key: which subtask's backend holds its state and timers. */
    static int keyGroupOf(String key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Codecs.STRING.encode(key, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KeyGroups.keyGroupOf(bytes.toByteArray(), MAX_PARALLELISM);
    }

    private HadoopSnapshotFiles storage() {
        return HadoopSnapshotFiles.forDirectory(work.resolve("checkpoints").toUri().toString(), new Configuration());
    }

    private Path nextBackendDirectory() {
        return work.resolve("backend-" + backends++);
    }

    private <T extends AutoCloseable> T closedAfter(T resource) {
        toClose.add(resource);
        return resource;
    }
}
