package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which shared files ({@code shared/}) the completed checkpoints use, by "last use" (Flink's
 * {@code SharedStateRegistryImpl}): a file is remembered with the checkpoint that first registered it and
 * the newest checkpoint that references it. Once the oldest retained checkpoint is newer than a file's
 * last use, no retained checkpoint can reference it, and {@link #unregisterUnusedState} hands it back for
 * deletion.
 *
 * <p>This relies on what RocksDB guarantees: a file, once dropped from the live set (compaction), never
 * comes back, so the checkpoints using a file are consecutive. The registry holds nothing that the
 * retained checkpoints' metadata does not: {@link #rebuild} gives a registry that deletes exactly what
 * the live one would. Pure bookkeeping: it deletes nothing itself.
 */
public final class SharedStateRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateRegistry.class);

    /** A registered shared file. */
    public record Entry(StateFile file, long createdByCheckpointId, long lastUsedCheckpointId) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** A registry of every shared file the given (retained) checkpoints reference. */
    public static SharedStateRegistry rebuild(Collection<CheckpointMetadata> retainedCheckpoints) {
        SharedStateRegistry registry = new SharedStateRegistry();
        retainedCheckpoints.stream().sorted(Comparator.comparingLong(CheckpointMetadata::checkpointId))
                .forEach(registry::registerAll);
        return registry;
    }

    /** The shared files a checkpoint references, each once. */
    public static Set<StateFile> sharedFiles(CheckpointMetadata metadata) {
        Set<StateFile> files = new LinkedHashSet<>();
        for (OperatorState operator : metadata.operators()) {
            for (OperatorSubtaskState subtask : operator.subtasks()) {
                if (subtask.keyedState() instanceof NativeKeyedState nativeState) {
                    files.addAll(nativeState.sharedFiles().values());
                }
            }
        }
        return files;
    }

    /** Registers every shared file of a completed checkpoint. */
    public void registerAll(CheckpointMetadata metadata) {
        registerAll(metadata.checkpointId(), sharedFiles(metadata));
    }

    /**
     * Registers files used by checkpoint {@code checkpointId}: a new file is created by it; a known one
     * has its last use moved forward (never back).
     */
    public synchronized void registerAll(long checkpointId, Collection<StateFile> files) {
        for (StateFile file : files) {
            Entry known = entries.get(file.path());
            if (known == null) {
                entries.put(file.path(), new Entry(file, checkpointId, checkpointId));
                continue;
            }
            if (!known.file().equals(file)) {
                LOG.warn("Shared file {} registered by checkpoint {} as {}, earlier as {}; keeping the first",
                        file.path(), checkpointId, file, known.file());
            }
            if (checkpointId > known.lastUsedCheckpointId()) {
                entries.put(file.path(), new Entry(known.file(), known.createdByCheckpointId(), checkpointId));
            }
        }
    }

    /**
     * Forgets every file last used before {@code lowestRetainedCheckpointId} and returns them: no retained
     * checkpoint references them, so they may be deleted.
     */
    public synchronized List<StateFile> unregisterUnusedState(long lowestRetainedCheckpointId) {
        List<StateFile> unused = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.lastUsedCheckpointId() < lowestRetainedCheckpointId) {
                unused.add(entry.file());
                it.remove();
            }
        }
        unused.sort(Comparator.comparing(StateFile::path));
        return unused;
    }

    /** Whether a file is registered, by its path relative to the job directory. */
    public synchronized boolean isRegistered(String path) {
        return entries.containsKey(path);
    }

    public synchronized Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A snapshot of all entries, by path. */
    public synchronized Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }
}
