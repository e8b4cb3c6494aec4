package io.spindle.state.rocksdb;

import io.spindle.core.io.LocalFiles;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CheckpointLayout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A RocksDB native checkpoint of one backend, taken by {@link RocksDbKeyedStateBackend#snapshot}: a local
 * directory of hard links to the instance's SST files plus copies of its MANIFEST, CURRENT, OPTIONS..., and
 * the SST files the last confirmed checkpoint uploaded. {@link #upload} is the asynchronous part of a
 * checkpoint, {@link #uploadSavepoint} that of a savepoint: they touch no native object of the backend, only
 * those files (a canonical savepoint opens them read-only with RocksDB), so they run on any thread while the
 * task goes on, and the backend may even close meanwhile (the upload then fails).
 *
 * <p>The local directory is deleted when the upload ends, however it ends, or on {@link #discard()}.
 * Thread-safe: {@link #discard()} may come from any thread while an upload runs on another.
 */
public final class RocksDbSnapshot implements AutoCloseable {

    static final String SST_SUFFIX = ".sst";
    /** The local file a canonical savepoint is written to before its upload, inside the snapshot directory. */
    static final String CANONICAL_SCRATCH_FILE = "canonical-keyed-state";

    private enum Phase { TAKEN, UPLOADING, UPLOADED, DISCARDED }

    private final long checkpointId;
    private final KeyGroupRange keyGroupRange;
    private final Path directory;
    private final SortedMap<String, Long> localFiles;
    private final Map<String, StateFile> base;
    private final RocksDbCheckpointOptions options;
    private final UploadedSstFiles uploadedSstFiles;
    private final Consumer<RocksDbSnapshot> onEnd;
    /** What a canonical savepoint opens the snapshot with. */
    private final RocksDbResources resources;
    private final int maxParallelism;

    private Phase phase = Phase.TAKEN;
    private ParallelTransfer transfer;

    RocksDbSnapshot(long checkpointId, KeyGroupRange keyGroupRange, Path directory, Map<String, Long> localFiles,
                    Map<String, StateFile> base, RocksDbCheckpointOptions options, UploadedSstFiles uploadedSstFiles,
                    Consumer<RocksDbSnapshot> onEnd, RocksDbResources resources, int maxParallelism) {
        this.checkpointId = checkpointId;
        this.keyGroupRange = keyGroupRange;
        this.directory = directory;
        this.localFiles = new TreeMap<>(localFiles);
        this.base = Map.copyOf(base);
        this.options = options;
        this.uploadedSstFiles = uploadedSstFiles;
        this.onEnd = onEnd;
        this.resources = resources;
        this.maxParallelism = maxParallelism;
    }

    public long checkpointId() {
        return checkpointId;
    }

    public KeyGroupRange keyGroupRange() {
        return keyGroupRange;
    }

    /** The local directory of the native checkpoint; gone once the upload ended or the snapshot was discarded. */
    public Path localDirectory() {
        return directory;
    }

    /** The files of the native checkpoint by name, with their sizes. */
    public SortedMap<String, Long> localFiles() {
        return Collections.unmodifiableSortedMap(localFiles);
    }

    /**
     * Uploads the snapshot through {@code target}, on {@link RocksDbCheckpointOptions#transferThreads()} threads
     * of its own, and returns its handle; callable once. Incremental: SST files in the confirmed base are reused
     * as they are, others go to {@code shared/<uuid>-<name>}, all other files to {@code chk-<n>/<uuid>-<name>}.
     * Full: every file goes to {@code chk-<n>/}, nothing is shared. The handle is also remembered as the
     * candidate base until {@link RocksDbKeyedStateBackend#notifyCheckpointComplete} confirms it.
     *
     * <p>If it fails, or is cancelled by {@link #discard()} (or the backend closing), the files it uploaded so far
     * are deleted again (never the reused ones), and it throws: an {@link IOException} whose cause is the first
     * transfer failure, a {@link CancellationException}, or an {@link InterruptedIOException} if the calling
     * thread was interrupted. Either way the local directory is gone when this returns.
     */
    public NativeKeyedState upload(SnapshotFiles target) throws IOException {
        Objects.requireNonNull(target, "target");
        Plan plan = plan();
        List<Transfer> transfers = new ArrayList<>(plan.uploads.size());
        for (Upload upload : plan.uploads) {
            transfers.add(files -> files.upload(directory.resolve(upload.localName), upload.remotePath));
        }
        List<StateFile> uploaded = transfer(target, transfers, "the RocksDB snapshot of checkpoint " + checkpointId,
                false);
        Map<String, StateFile> shared = new TreeMap<>(plan.reused);
        Map<String, StateFile> exclusive = new TreeMap<>();
        long uploadedBytes = 0;
        for (int i = 0; i < uploaded.size(); i++) {
            Upload upload = plan.uploads.get(i);
            StateFile file = uploaded.get(i);
            (upload.shared ? shared : exclusive).put(upload.localName, file);
            uploadedBytes += file.size();
        }
        if (options.incremental()) {
            uploadedSstFiles.uploaded(checkpointId, shared);
        }
        return new NativeKeyedState(keyGroupRange, shared, exclusive, uploadedBytes);
    }

    /**
     * The asynchronous part of a savepoint, from the same snapshot as a checkpoint's; callable once, instead of
     * {@link #upload}. Self-contained: everything goes into {@code target} (the savepoint directory) under fresh
     * names, flat, nothing is reused or shared, and the snapshot never becomes the base of incremental
     * checkpoints, not even when {@link RocksDbKeyedStateBackend#notifyCheckpointComplete} confirms its id.
     *
     * <ul>
     * <li>{@link SavepointFormat#NATIVE}: the snapshot's files (SSTs, MANIFEST, CURRENT, OPTIONS) as a
     *     {@link NativeKeyedState} whose files are all private.</li>
     * <li>{@link SavepointFormat#CANONICAL}: the snapshot is opened read-only and its entries written to one
     *     local file in {@link CanonicalKeyGroups}' format, which is uploaded: a {@link CanonicalKeyedState}.</li>
     * </ul>
     *
     * Failure, discarding and cancellation behave as for {@link #upload}.
     */
    public KeyedStateHandle uploadSavepoint(SnapshotFiles target, SavepointFormat format) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        String what = format + " savepoint " + checkpointId;
        if (format == SavepointFormat.CANONICAL) {
            String remotePath = CheckpointLayout.newFileName("keyed-kg-" + keyGroupRange.start() + "-"
                    + keyGroupRange.end());
            Transfer canonical = files -> {
                Path scratch = directory.resolve(CANONICAL_SCRATCH_FILE);
                try (ReadOnlyRocksDb snapshot = ReadOnlyRocksDb.open(resources, directory)) {
                    CanonicalKeyGroups.write(snapshot, scratch, maxParallelism, keyGroupRange);
                }
                return files.upload(scratch, remotePath);
            };
            return new CanonicalKeyedState(keyGroupRange, transfer(target, List.of(canonical), what, true).get(0));
        }
        List<String> names = new ArrayList<>(localFiles.keySet());
        // Largest first, so that the last transfer to start is a small one.
        names.sort(Comparator.comparingLong(localFiles::get).reversed());
        List<Transfer> transfers = new ArrayList<>(names.size());
        for (String name : names) {
            transfers.add(files -> files.upload(directory.resolve(name), CheckpointLayout.newFileName(name)));
        }
        List<StateFile> uploaded = transfer(target, transfers, what, true);
        Map<String, StateFile> files = new TreeMap<>();
        long bytes = 0;
        for (int i = 0; i < names.size(); i++) {
            files.put(names.get(i), uploaded.get(i));
            bytes += uploaded.get(i).size();
        }
        return new NativeKeyedState(keyGroupRange, Map.of(), files, bytes);
    }

    /** One file written to the target. */
    @FunctionalInterface
    private interface Transfer {
        StateFile run(SnapshotFiles target) throws IOException;
    }

    /**
     * Runs the transfers of the one upload of this snapshot, on {@link RocksDbCheckpointOptions#transferThreads()}
     * threads of its own, and returns their files in order; on failure or cancellation, deletes what they wrote
     * and throws. The local directory is gone when this returns.
     *
     * @param savepoint whether the snapshot's id is a savepoint's, whose confirmation must leave the base alone
     */
    private List<StateFile> transfer(SnapshotFiles target, List<Transfer> transfers, String what, boolean savepoint)
            throws IOException {
        ParallelTransfer running;
        synchronized (this) {
            if (phase == Phase.DISCARDED) {
                throw new CancellationException("the snapshot of checkpoint " + checkpointId + " for key groups "
                        + keyGroupRange + " was discarded before its upload");
            }
            if (phase != Phase.TAKEN) {
                throw new IllegalStateException("the snapshot of checkpoint " + checkpointId + " is uploaded once");
            }
            phase = Phase.UPLOADING;
            if (savepoint) {
                uploadedSstFiles.savepoint(checkpointId);
            }
            running = new ParallelTransfer("rocksdb-upload-chk-" + checkpointId + "-kg-" + keyGroupRange.start()
                    + "-" + keyGroupRange.end(), Math.max(1, Math.min(options.transferThreads(), transfers.size())));
            transfer = running;
        }
        Written written = new Written(target);
        try {
            List<Callable<StateFile>> actions = new ArrayList<>(transfers.size());
            for (Transfer each : transfers) {
                actions.add(() -> written.add(each.run(target)));
            }
            List<StateFile> uploaded = running.runAll(actions);
            synchronized (this) {
                if (phase == Phase.DISCARDED) {
                    throw new CancellationException("the snapshot of checkpoint " + checkpointId + " for key groups "
                            + keyGroupRange + " was discarded during its upload");
                }
                phase = Phase.UPLOADED;
            }
            return uploaded;
        } catch (IOException | RuntimeException | Error e) {
            // Nothing may still be writing when the written files are deleted.
            running.close();
            // An interrupted thread cannot talk to HDFS: clean up first, then keep the interruption.
            boolean interrupted = Thread.interrupted();
            try {
                written.deleteAll(e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (e instanceof IOException io && !(e instanceof InterruptedIOException)) {
                throw new IOException("uploading " + what + " for key groups " + keyGroupRange + " failed: "
                        + io.getMessage(), io);
            }
            throw e;
        } finally {
            running.close();
            synchronized (this) {
                if (phase == Phase.UPLOADING) {
                    phase = Phase.DISCARDED;
                }
            }
            end();
        }
    }

    /**
     * Gives the snapshot up: before its upload, deletes the local directory; during it, cancels the upload,
     * which then cleans up and throws. Idempotent; nothing happens after a finished upload. Any thread.
     */
    public void discard() {
        ParallelTransfer cancel = null;
        boolean endNow = false;
        synchronized (this) {
            switch (phase) {
                case TAKEN -> endNow = true;
                case UPLOADING -> cancel = transfer;
                default -> { return; }
            }
            phase = Phase.DISCARDED;
        }
        if (cancel != null) {
            cancel.cancel();
        }
        if (endNow) {
            end();
        }
    }

    /** {@link #discard()}. */
    @Override
    public void close() {
        discard();
    }

    private void end() {
        try {
            LocalFiles.deleteRecursively(directory);
        } catch (IOException e) {
            // Left for the backend's close, which deletes its whole working directory.
            System.getLogger(RocksDbSnapshot.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete the local snapshot directory " + directory + ": " + e.getMessage());
        } finally {
            onEnd.accept(this);
        }
    }

    private Plan plan() {
        Map<String, StateFile> reused = new LinkedHashMap<>();
        List<Upload> uploads = new ArrayList<>();
        String exclusiveDirectory = CheckpointLayout.checkpointDirectory(checkpointId);
        for (Map.Entry<String, Long> file : localFiles.entrySet()) {
            String name = file.getKey();
            boolean shared = options.incremental() && name.endsWith(SST_SUFFIX);
            StateFile previous = shared ? base.get(name) : null;
            if (previous != null && previous.size() == file.getValue()) {
                reused.put(name, previous);
            } else {
                String remotePath = CheckpointLayout.newFile(shared ? CheckpointLayout.SHARED_DIR : exclusiveDirectory,
                        name);
                uploads.add(new Upload(name, remotePath, shared, file.getValue()));
            }
        }
        // Largest first, so that the last transfer to start is a small one.
        uploads.sort(Comparator.comparingLong(Upload::size).reversed());
        return new Plan(reused, uploads);
    }

    @Override
    public String toString() {
        return "RocksDbSnapshot[checkpoint " + checkpointId + ", key groups " + keyGroupRange + ", " + directory + "]";
    }

    private record Upload(String localName, String remotePath, boolean shared, long size) { }

    private record Plan(Map<String, StateFile> reused, List<Upload> uploads) { }

    /**
     * The files one upload wrote, to delete if it fails. A transfer that ends after the cleanup (one that ignored
     * its interruption for longer than the transfer waits) deletes its own file.
     */
    private static final class Written {

        private final SnapshotFiles target;
        private final List<StateFile> files = new ArrayList<>();
        private boolean deleted;

        Written(SnapshotFiles target) {
            this.target = target;
        }

        StateFile add(StateFile file) throws IOException {
            synchronized (this) {
                if (!deleted) {
                    files.add(file);
                    return file;
                }
            }
            target.delete(file);
            throw new CancellationException("uploaded " + file.path() + " after its upload was given up");
        }

        void deleteAll(Throwable cause) {
            List<StateFile> toDelete;
            synchronized (this) {
                deleted = true;
                toDelete = new ArrayList<>(files);
                files.clear();
            }
            for (StateFile file : toDelete) {
                try {
                    target.delete(file);
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
