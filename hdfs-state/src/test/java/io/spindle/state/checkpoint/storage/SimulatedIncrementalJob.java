package io.spindle.state.checkpoint.storage;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.rocksdb.HadoopSnapshotFiles;
import io.spindle.state.rocksdb.SnapshotFiles;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A job with a source (offsets in list state) and a keyed operator on RocksDB, checkpointing
 * incrementally the way RocksDB does: every checkpoint compaction drops some of the live SST files
 * (for good) and flushes a few new ones; SSTs already uploaded for the last completed checkpoint are
 * reused, the others uploaded to {@code shared/}; MANIFEST and CURRENT go to {@code chk-<n>/}.
 */
final class SimulatedIncrementalJob {

    /** A checkpoint whose files are uploaded but whose metadata is not published yet. */
    record Pending(long checkpointId, CheckpointMetadata metadata, List<StateFile> sharedFiles,
                   List<StateFile> uploadedSharedFiles) {
    }

    private static final String KEYED_OPERATOR = "counts";
    private static final int MAX_PARALLELISM = 128;

    private final CheckpointStorage storage;
    private final SnapshotFiles files;
    private final Random random;
    private final int parallelism;
    /** Per subtask: names of the SSTs in the RocksDB instance now. */
    private final List<Set<String>> live = new ArrayList<>();
    /** Per subtask: the uploaded SSTs of the last completed checkpoint (the comparison base). */
    private final List<Map<String, StateFile>> confirmed = new ArrayList<>();
    private long nextSst = 1;
    private long nextCheckpointId;

    SimulatedIncrementalJob(CheckpointStorage storage, int parallelism, long seed) throws IOException {
        this.storage = storage;
        this.files = new HadoopSnapshotFiles(storage.jobDirectory().getFileSystem(new Configuration()), storage.jobDirectory());
        this.random = new Random(seed);
        this.parallelism = parallelism;
        for (int i = 0; i < parallelism; i++) {
            live.add(new TreeSet<>());
            confirmed.add(new HashMap<>());
        }
        this.nextCheckpointId = storage.highestCheckpointId() + 1;
    }

    /** Triggers the next checkpoint and lets every subtask snapshot and upload. */
    Pending snapshot() throws IOException {
        long id = nextCheckpointId++;
        storage.initializeLocation(id);
        List<OperatorSubtaskState> keyed = new ArrayList<>();
        List<OperatorSubtaskState> source = new ArrayList<>();
        List<StateFile> shared = new ArrayList<>();
        List<StateFile> uploaded = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            compact(live.get(subtask));
            Map<String, StateFile> sharedFiles = new TreeMap<>();
            long incremental = 0;
            for (String sst : live.get(subtask)) {
                StateFile file = confirmed.get(subtask).get(sst);
                if (file == null) {
                    file = upload(CheckpointLayout.SHARED_DIR, sst);
                    uploaded.add(file);
                    incremental += file.size();
                }
                sharedFiles.put(sst, file);
            }
            shared.addAll(sharedFiles.values());
            Map<String, StateFile> privateFiles = new TreeMap<>();
            for (String name : List.of("MANIFEST-" + String.format("%06d", id), "CURRENT")) {
                StateFile file = upload(CheckpointLayout.checkpointDirectory(id), name);
                privateFiles.put(name, file);
                incremental += file.size();
            }
            int start = subtask * MAX_PARALLELISM / parallelism;
            int end = (subtask + 1) * MAX_PARALLELISM / parallelism - 1;
            keyed.add(new OperatorSubtaskState(subtask, Map.of(),
                    new NativeKeyedState(new KeyGroupRange(start, end), sharedFiles, privateFiles, incremental)));
            source.add(new OperatorSubtaskState(subtask,
                    Map.of("offsets", List.of(ByteBuffer.allocate(8).putLong(id * 1000 + subtask).array())), null));
        }
        CheckpointMetadata metadata = new CheckpointMetadata(storage.jobId(), storage.jobId(), id,
                1_700_000_000_000L + id, null, List.of(
                new OperatorState("source", parallelism, MAX_PARALLELISM, List.of(), source),
                new OperatorState(KEYED_OPERATOR, parallelism, MAX_PARALLELISM, List.of(), keyed)));
        return new Pending(id, metadata, shared, uploaded);
    }

    /** Publishes the metadata; the tasks hear of the completion and take it as their new base. */
    CompletedCheckpoint complete(Pending pending) throws IOException {
        CompletedCheckpoint completed = storage.finalizeCheckpoint(pending.metadata());
        confirm(pending.metadata());
        return completed;
    }

    /** One full cycle: snapshot, publish, add to the store. */
    CompletedCheckpoint checkpoint(CompletedCheckpointStore store) throws IOException {
        CompletedCheckpoint completed = complete(snapshot());
        store.add(completed);
        return completed;
    }

    /** The coordinator aborts the checkpoint; the tasks keep diffing against their old base. */
    void abort(Pending pending, CompletedCheckpointStore store) {
        store.discardAborted(pending.checkpointId(), pending.sharedFiles());
    }

    /** After a restart: every subtask restores from a checkpoint, which becomes its base. */
    void restoreFrom(CheckpointMetadata metadata, long nextCheckpointId) {
        confirm(metadata);
        for (int i = 0; i < parallelism; i++) {
            live.get(i).clear();
            live.get(i).addAll(confirmed.get(i).keySet());
        }
        this.nextCheckpointId = nextCheckpointId;
    }

    private void confirm(CheckpointMetadata metadata) {
        for (OperatorSubtaskState subtask : metadata.operator(KEYED_OPERATOR).orElseThrow().subtasks()) {
            confirmed.set(subtask.subtaskIndex(), new HashMap<>(((NativeKeyedState) subtask.keyedState()).sharedFiles()));
        }
    }

    private void compact(Set<String> sstFiles) {
        for (Iterator<String> it = sstFiles.iterator(); it.hasNext(); ) {
            it.next();
            if (random.nextInt(4) == 0) {
                it.remove();
            }
        }
        int flushed = 1 + random.nextInt(3);
        for (int i = 0; i < flushed; i++) {
            sstFiles.add(String.format("%06d.sst", nextSst++));
        }
    }

    /** Uploads random bytes as the tasks do: through their view of the storage, under a fresh name. */
    private StateFile upload(String directory, String fileName) throws IOException {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        java.nio.file.Path local = Files.createTempFile("simulated-", "-" + fileName);
        try {
            Files.write(local, bytes);
            return files.upload(local, CheckpointLayout.newFile(directory, fileName));
        } finally {
            Files.delete(local);
        }
    }
}
