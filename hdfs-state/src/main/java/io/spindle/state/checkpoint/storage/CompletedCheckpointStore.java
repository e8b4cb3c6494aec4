package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last {@code execution.checkpointing.num-retained} completed checkpoints of a job. Adding one
 * subsumes the oldest beyond the limit: its {@code chk-<n>} directory is deleted and, through the
 * {@link SharedStateRegistry}, every shared file no retained checkpoint uses any more.
 *
 * <p>Rules (as Flink's {@code CheckpointSubsumeHelper}): savepoints count toward the limit but their files
 * are never deleted, and are not registered as users of shared files; the newest checkpoint that is not a
 * savepoint is always kept. A savepoint is added only when it stopped the job; its reference
 * ({@code chk-<n>/_savepoint}) makes it the job's checkpoint n for a new master attempt too, and goes when it is
 * subsumed. Deletions run on the caller's thread; one that fails is logged and retried on the next subsumption,
 * never thrown. Shared files are deleted only once no subsumed {@code chk-<n>} is left to delete, so a
 * {@code _metadata} still on disk never references a deleted file. Nothing is deleted once a newer master attempt
 * has claimed the directory ({@link CheckpointStorage#checkFence}).
 */
public final class CompletedCheckpointStore {

    /** Default of {@code execution.checkpointing.num-retained}. */
    public static final int DEFAULT_NUM_RETAINED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);

    private final CheckpointStorage storage;
    private final int numRetained;
    private final SharedStateRegistry registry = new SharedStateRegistry();
    /** Oldest first. */
    private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();
    private final Set<Long> directoriesToDelete = new TreeSet<>();
    /** Paths relative to the job directory. */
    private final Set<String> sharedFilesToDelete = new TreeSet<>();
    private long highestCheckpointId;

    public CompletedCheckpointStore(CheckpointStorage storage, int numRetained) {
        if (numRetained < 1) {
            throw new IllegalArgumentException("num-retained must be at least 1: " + numRetained);
        }
        this.storage = storage;
        this.numRetained = numRetained;
    }

    /**
     * The store a restarted coordinator continues with, to be created before it triggers any checkpoint.
     * Every completed checkpoint in storage is added again, oldest first, so the newest {@code numRetained}
     * are kept, the shared-state registry is rebuilt from their metadata, and older ones a crash left
     * behind are subsumed now. Then what the crash left half-done is deleted: every other {@code chk-<n>}
     * directory (no {@code _metadata}, or a truncated or corrupt one: see
     * {@link CheckpointStorage#listCompleted()}) and every file in {@code shared/} no retained checkpoint
     * references (uploads of checkpoints in flight at the crash, deletions that had failed). A read error
     * other than a missing or corrupt {@code _metadata} is thrown; every {@code _metadata} is read before
     * anything is deleted.
     */
    public static CompletedCheckpointStore recover(CheckpointStorage storage, int numRetained) throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(storage, numRetained);
        List<CompletedCheckpoint> completed = new ArrayList<>(storage.listCompleted());
        long highestFound = storage.highestCheckpointId();
        synchronized (store) {
            store.highestCheckpointId = highestFound;
            for (int i = completed.size() - 1; i >= 0; i--) {
                store.addAndSubsume(completed.get(i), true);
            }
            LOG.info("Recovered {} completed checkpoint(s) of job {} from {}: retained {}, {} shared files registered",
                    completed.size(), storage.jobId(), storage.jobDirectory(), store.retainedIds(), store.registry.size());
            store.deleteUnreferenced("an earlier run");
        }
        return store;
    }

    /**
     * Adds a checkpoint published by {@link CheckpointStorage#finalizeCheckpoint}, or a savepoint that stopped the
     * job (whose reference it publishes first), and subsumes what falls out of the retained window. Ids must grow.
     *
     * @throws UncheckedIOException if the savepoint's reference cannot be published; nothing was added then
     */
    public synchronized void add(CompletedCheckpoint checkpoint) {
        if (checkpoint.savepoint()) {
            try {
                storage.publishSavepointReference(checkpoint);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record savepoint " + checkpoint.checkpointId() + " in "
                        + storage.jobDirectory() + ": " + e.getMessage(), e);
            }
        }
        addAndSubsume(checkpoint, false);
    }

    /**
     * Cleans up after an aborted checkpoint n: deletes {@code chk-<n>} and those of the given shared files
     * (from the acknowledgements received, late ones included) that no completed checkpoint registered,
     * i.e. that checkpoint n uploaded itself. Files reused from earlier checkpoints are kept.
     */
    public synchronized void discardAborted(long checkpointId, Collection<StateFile> sharedFilesOfAcknowledgements) {
        for (CompletedCheckpoint retained : checkpoints) {
            if (retained.checkpointId() == checkpointId) {
                throw new IllegalStateException("checkpoint " + checkpointId + " completed; it cannot be aborted");
            }
        }
        highestCheckpointId = Math.max(highestCheckpointId, checkpointId);
        directoriesToDelete.add(checkpointId);
        int uploaded = 0;
        for (StateFile file : sharedFilesOfAcknowledgements) {
            if (file.path().startsWith(CheckpointStorage.SHARED_DIR + "/") && !registry.isRegistered(file.path())) {
                sharedFilesToDelete.add(file.path());
                uploaded++;
            }
        }
        LOG.info("Checkpoint {} of job {} aborted: deleting chk-{} and {} shared file(s) it uploaded", checkpointId,
                storage.jobId(), checkpointId, uploaded);
        runDeletions();
    }

    /**
     * Deletes every retained checkpoint, with all shared files, and the references to retained savepoints (not the
     * savepoints): the job terminated and the checkpoints are not to be retained.
     */
    public synchronized void discardAll() {
        for (CompletedCheckpoint checkpoint : checkpoints) {
            directoriesToDelete.add(checkpoint.checkpointId()); // of a savepoint, only its reference
        }
        checkpoints.clear();
        registry.unregisterUnusedState(Long.MAX_VALUE).forEach(f -> sharedFilesToDelete.add(f.path()));
        LOG.info("Discarding all checkpoints of job {}", storage.jobId());
        runDeletions();
    }

    /**
     * The job has ended and nothing writes to its directory any more: whatever no retained checkpoint references
     * is deleted, as after a crash (see {@link #recover}). Uploads that finished after their checkpoint was
     * aborted, and deletions that failed, leave such files.
     */
    public synchronized void close() throws IOException {
        deleteUnreferenced("this run");
    }

    /** Deletes every {@code chk-<n>} not retained and every shared file no retained checkpoint references. */
    private void deleteUnreferenced(String leftBy) throws IOException {
        storage.checkFence();
        List<Long> directories = storage.checkpointDirectoryIds();
        List<String> sharedFiles = storage.sharedFilePaths();
        Set<Long> retained = new TreeSet<>(retainedIds());
        List<Long> leftOver = directories.stream()
                .filter(id -> !retained.contains(id) && !directoriesToDelete.contains(id)).sorted().toList();
        List<String> unreferenced = sharedFiles.stream()
                .filter(path -> !registry.isRegistered(path) && !sharedFilesToDelete.contains(path))
                .toList();
        if (!leftOver.isEmpty() || !unreferenced.isEmpty()) {
            LOG.warn("Deleting what {} of job {} left unfinished: chk-{} (incomplete or unreadable) "
                    + "and {} shared file(s) no retained checkpoint references", leftBy, storage.jobId(), leftOver,
                    unreferenced.size());
            directoriesToDelete.addAll(leftOver);
            sharedFilesToDelete.addAll(unreferenced);
        }
        runDeletions();
    }

    public synchronized Optional<CompletedCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.peekLast());
    }

    /** The retained checkpoints, oldest first. */
    public synchronized List<CompletedCheckpoint> retained() {
        return List.copyOf(checkpoints);
    }

    /**
     * The highest checkpoint id this store has seen: added, aborted, or (after {@link #recover}) any
     * {@code chk-<n>} found in storage before the clean-up. The coordinator continues above it, so an id
     * is not reused for something else within a run.
     */
    public synchronized long highestCheckpointId() {
        return highestCheckpointId;
    }

    public int numRetained() {
        return numRetained;
    }

    /** The registry of shared files the retained checkpoints use (read it; the store maintains it). */
    public SharedStateRegistry registry() {
        return registry;
    }

    /** Directories and files whose deletion failed and will be retried on the next subsumption. */
    public synchronized int pendingDeletions() {
        return directoriesToDelete.size() + sharedFilesToDelete.size();
    }

    private void addAndSubsume(CompletedCheckpoint checkpoint, boolean recovered) {
        CompletedCheckpoint newest = checkpoints.peekLast();
        if (newest != null && checkpoint.checkpointId() <= newest.checkpointId()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.checkpointId()
                    + " is not newer than the latest completed one, " + newest.checkpointId());
        }
        if (!checkpoint.savepoint()) {
            String expected = storage.checkpointDirectory(checkpoint.checkpointId()).toString();
            if (!expected.equals(checkpoint.directory())) {
                throw new IllegalArgumentException("checkpoint " + checkpoint.checkpointId() + " at "
                        + checkpoint.directory() + " is not in this job's storage (" + expected + ")");
            }
            registry.registerAll(checkpoint.metadata());
        }
        checkpoints.addLast(checkpoint);
        highestCheckpointId = Math.max(highestCheckpointId, checkpoint.checkpointId());
        logAdded(checkpoint, recovered);
        subsumeOldest();
        runDeletions();
    }

    private void subsumeOldest() {
        CompletedCheckpoint latest = checkpoints.peekLast();
        CompletedCheckpoint latestNotSavepoint = null;
        for (Iterator<CompletedCheckpoint> it = checkpoints.descendingIterator(); it.hasNext(); ) {
            CompletedCheckpoint c = it.next();
            if (!c.savepoint()) {
                latestNotSavepoint = c;
                break;
            }
        }
        for (Iterator<CompletedCheckpoint> it = checkpoints.iterator(); checkpoints.size() > numRetained && it.hasNext(); ) {
            CompletedCheckpoint oldest = it.next();
            if (oldest == latest || oldest == latestNotSavepoint) {
                continue;
            }
            it.remove();
            // a savepoint's chk-<n> holds only its reference
            directoriesToDelete.add(oldest.checkpointId());
            if (oldest.savepoint()) {
                LOG.info("Savepoint {} of job {} left the retained checkpoints; its files at {} are kept",
                        oldest.checkpointId(), storage.jobId(), oldest.directory());
            } else {
                LOG.info("Checkpoint {} of job {} subsumed", oldest.checkpointId(), storage.jobId());
            }
        }
        long lowestRetained = Long.MAX_VALUE;
        for (CompletedCheckpoint c : checkpoints) {
            if (!c.savepoint()) {
                lowestRetained = Math.min(lowestRetained, c.checkpointId());
            }
        }
        registry.unregisterUnusedState(lowestRetained).forEach(f -> sharedFilesToDelete.add(f.path()));
    }

    /** Deletes subsumed/aborted directories, then unused shared files; failures stay queued. */
    private void runDeletions() {
        if (directoriesToDelete.isEmpty() && sharedFilesToDelete.isEmpty()) {
            return;
        }
        try {
            storage.checkFence();
        } catch (IOException e) {
            LOG.warn("Deleting nothing in {}: {}", storage.jobDirectory(), e.getMessage());
            return;
        }
        int directories = 0;
        for (Iterator<Long> it = directoriesToDelete.iterator(); it.hasNext(); ) {
            long checkpointId = it.next();
            try {
                storage.discardCheckpoint(checkpointId);
                it.remove();
                directories++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete {} (will retry): {}", storage.checkpointDirectory(checkpointId),
                        e.toString());
            }
        }
        if (!directoriesToDelete.isEmpty()) {
            if (!sharedFilesToDelete.isEmpty()) {
                LOG.warn("Keeping {} unused shared file(s) of job {} until chk-{} can be deleted",
                        sharedFilesToDelete.size(), storage.jobId(), directoriesToDelete);
            }
            return;
        }
        int files = 0;
        for (Iterator<String> it = sharedFilesToDelete.iterator(); it.hasNext(); ) {
            String path = it.next();
            try {
                storage.deleteState(path);
                it.remove();
                files++;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete shared file {} of job {} (will retry): {}", path, storage.jobId(),
                        e.toString());
            }
        }
        if (directories > 0 || files > 0 || !sharedFilesToDelete.isEmpty()) {
            LOG.info("Deleted {} checkpoint director(ies) and {} shared file(s) of job {}{}", directories, files,
                    storage.jobId(), sharedFilesToDelete.isEmpty() ? ""
                            : "; " + sharedFilesToDelete.size() + " shared file deletion(s) to retry");
        }
    }

    private void logAdded(CompletedCheckpoint checkpoint, boolean recovered) {
        CheckpointMetadata metadata = checkpoint.metadata();
        int shared = SharedStateRegistry.sharedFiles(metadata).size();
        int all = 0;
        for (OperatorState operator : metadata.operators()) {
            for (OperatorSubtaskState subtask : operator.subtasks()) {
                KeyedStateHandle keyed = subtask.keyedState();
                all += keyed == null ? 0 : keyed.files().size();
            }
        }
        int exclusive = all - shared;
        LOG.info("{} {} {} of job {}: {} operator(s), {} files ({} shared, {} private), full size {} bytes, "
                        + "incremental {} bytes, {}", recovered ? "Recovered" : "Completed",
                checkpoint.savepoint() ? "savepoint" : "checkpoint", checkpoint.checkpointId(), metadata.jobId(),
                metadata.operators().size(), shared + exclusive, shared, exclusive, metadata.fullBytes(),
                metadata.incrementalBytes(), checkpoint.directory());
    }

    private List<Long> retainedIds() {
        return checkpoints.stream().map(CompletedCheckpoint::checkpointId).toList();
    }
}
