package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which SST files of one RocksDB instance are already in {@code shared/}, by local file name, per checkpoint
 * (as Flink's {@code uploadedSstFiles}). A snapshot diffs against the files of the last <em>confirmed</em>
 * checkpoint only: an unconfirmed one may still be aborted and its files deleted, while a confirmed one is
 * retained until a newer one is confirmed, and a newer confirmed checkpoint holds every SST file of the older
 * one that is still live (SST files are immutable and never come back once compacted away).
 *
 * <p>One more rule guards against late notifications and concurrent checkpoints: a file that a newer, not yet
 * confirmed snapshot uploads again under another path is not reused from the base, whether its upload finished
 * or is still in flight. That happens when a checkpoint was taken before the confirmation of its predecessor
 * arrived; if it completes, the storage may delete the base's copy when it subsumes the base, so the next
 * snapshot uploads such a file again rather than reference either copy.
 *
 * <p>Thread-safe: snapshots read the base on the task thread, uploads record on transfer threads,
 * notifications may come from anywhere.
 */
final class UploadedSstFiles {

    /** The SST files of each uploaded checkpoint newer than the confirmed one, and of the confirmed one. */
    private final TreeMap<Long, Map<String, StateFile>> byCheckpoint = new TreeMap<>();
    /** Files known to be uploaded without a checkpoint id of ours: those of a restored checkpoint. */
    private Map<String, StateFile> restored = Map.of();
    /** SST files that snapshots taken and not yet uploaded upload anew (not in their base), by checkpoint id. */
    private final TreeMap<Long, Set<String>> inFlight = new TreeMap<>();
    /** Ids of savepoints taken and not yet confirmed or aborted: their confirmation changes nothing. */
    private final Set<Long> savepoints = new HashSet<>();
    private long lastConfirmedCheckpointId = Long.MIN_VALUE;

    /**
     * The files of the restored checkpoint become the base until a checkpoint of this instance is confirmed:
     * the first checkpoint after a restore reuses them.
     */
    synchronized void seedWithRestored(Map<String, StateFile> sstFiles) {
        restored = Map.copyOf(sstFiles);
    }

    /** The SST files that a new snapshot may reuse instead of uploading. */
    synchronized Map<String, StateFile> confirmedBase() {
        Map<String, StateFile> confirmed = lastConfirmedCheckpointId == Long.MIN_VALUE
                ? restored : byCheckpoint.getOrDefault(lastConfirmedCheckpointId, Map.of());
        Map<String, StateFile> base = new HashMap<>(confirmed);
        for (Map<String, StateFile> newer : byCheckpoint.tailMap(lastConfirmedCheckpointId, false).values()) {
            newer.forEach((name, file) -> {
                StateFile ours = base.get(name);
                if (ours != null && !ours.equals(file)) {
                    base.remove(name);
                }
            });
        }
        inFlight.tailMap(lastConfirmedCheckpointId, false).values().forEach(names -> base.keySet().removeAll(names));
        return Map.copyOf(base);
    }

    /** A snapshot was taken that uploads these SST files anew, under paths of its own, once its upload runs. */
    synchronized void taken(long checkpointId, Set<String> uploadsAnew) {
        if (checkpointId > lastConfirmedCheckpointId && !uploadsAnew.isEmpty()) {
            inFlight.put(checkpointId, Set.copyOf(uploadsAnew));
        }
    }

    /** All SST files (reused and new) of a finished upload; ignored if a newer checkpoint is confirmed. */
    synchronized void uploaded(long checkpointId, Map<String, StateFile> sstFiles) {
        inFlight.remove(checkpointId);
        if (checkpointId > lastConfirmedCheckpointId) {
            byCheckpoint.put(checkpointId, Map.copyOf(sstFiles));
        }
    }

    /**
     * {@code checkpointId} becomes the base and older ones are forgotten. If this instance uploaded nothing for
     * it (a notification for a checkpoint it did not finish), the base becomes empty: the next checkpoint
     * uploads everything, which is always safe. An older or repeated notification changes nothing.
     */
    synchronized void confirmed(long checkpointId) {
        if (savepoints.remove(checkpointId) || checkpointId <= lastConfirmedCheckpointId) {
            return;
        }
        lastConfirmedCheckpointId = checkpointId;
        byCheckpoint.headMap(checkpointId).clear();
        inFlight.headMap(checkpointId, true).clear();
        savepoints.removeIf(id -> id < checkpointId);
        restored = Map.of();
    }

    /**
     * {@code checkpointId} is a savepoint: its files belong to the user and are never reused, so its
     * confirmation leaves the base as it is.
     */
    synchronized void savepoint(long checkpointId) {
        inFlight.remove(checkpointId);
        savepoints.add(checkpointId);
    }

    /** An aborted checkpoint's files are about to be deleted: never reuse them. */
    synchronized void aborted(long checkpointId) {
        inFlight.remove(checkpointId);
        byCheckpoint.remove(checkpointId);
        savepoints.remove(checkpointId);
    }

    synchronized long lastConfirmedCheckpointId() {
        return lastConfirmedCheckpointId;
    }
}
