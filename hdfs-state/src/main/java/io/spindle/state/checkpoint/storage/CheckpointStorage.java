package io.spindle.state.checkpoint.storage;

import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.fs.HadoopFileAccess;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of one job on a Hadoop FileSystem (hdfs://, file://, ...):
 *
 * <pre>
 * &lt;base&gt;/&lt;job-id&gt;/chk-&lt;n&gt;/_metadata    published last, by rename: its presence means "complete"
 * &lt;base&gt;/&lt;job-id&gt;/chk-&lt;n&gt;/&lt;uuid&gt;-&lt;name&gt; files only checkpoint n uses
 * &lt;base&gt;/&lt;job-id&gt;/shared/&lt;uuid&gt;-&lt;name&gt;  files later checkpoints may reuse
 * &lt;base&gt;/&lt;job-id&gt;/taskowned/          owned by the tasks
 * &lt;base&gt;/&lt;job-id&gt;/chk-&lt;n&gt;/_savepoint  instead of _metadata: the path of savepoint n, which stopped the job
 * &lt;base&gt;/&lt;job-id&gt;/masters/&lt;attempt&gt;   one empty file per master attempt that claimed the directory
 * &lt;target&gt;/savepoint-&lt;job&gt;-&lt;random&gt;/_metadata   a savepoint: published as a checkpoint is
 * &lt;target&gt;/savepoint-&lt;job&gt;-&lt;random&gt;/&lt;uuid&gt;-&lt;name&gt;  all its files, flat, relative to it
 * </pre>
 *
 * This is the coordinator's view ({@link CheckpointStorageCoordinatorView}): it creates, publishes, recovers and
 * deletes locations. Tasks never see it: they upload and download state files through
 * {@link io.spindle.state.rocksdb.SnapshotFiles}, by the names {@link CheckpointLayout} gives. The static readers
 * serve the offline tools and restores from an explicit path. Every state file gets a fresh random name, so concurrent
 * checkpoints and subtasks never write the same path. Retention and deletion of shared files belong to
 * {@link CompletedCheckpointStore}.
 *
 * <p>Fencing. YARN may start a new ApplicationMaster attempt while the old one still runs (a lost node, a
 * partition): both would publish and delete in one directory, and the old one, deleting what it does not know,
 * would destroy the new one's checkpoints. So each attempt {@link #claim claims} the directory, and an attempt
 * that a newer one has claimed publishes and deletes nothing more ({@link #checkFence}, before every publication
 * and every batch of deletions).
 */
public final class CheckpointStorage implements CheckpointStorageCoordinatorView {

    public static final String METADATA_FILE_NAME = CheckpointLayout.METADATA_FILE_NAME;
    public static final String CHECKPOINT_DIR_PREFIX = CheckpointLayout.CHECKPOINT_DIR_PREFIX;
    public static final String SHARED_DIR = CheckpointLayout.SHARED_DIR;
    public static final String TASK_OWNED_DIR = CheckpointLayout.TASK_OWNED_DIR;
    public static final String SAVEPOINT_DIR_PREFIX = "savepoint-";
    /** In {@code chk-<n>} instead of {@code _metadata}: where savepoint n, which stopped the job, lies. */
    public static final String SAVEPOINT_REFERENCE_FILE = "_savepoint";
    static final String MASTERS_DIR = "masters";
    /** Prefix of the file {@code _metadata} is written to before the rename. */
    static final String METADATA_TEMP_PREFIX = METADATA_FILE_NAME + ".inprogress.";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);
    private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d{1,18})");

    private final String jobId;
    private final Configuration hadoopConfiguration;
    private final FileSystem fs;
    private final Path jobDirectory;
    private volatile boolean baseDirectoriesCreated;
    /** The master attempt that claimed the directory through this instance; 0 if none did. */
    private volatile int claimedAttempt;

    /** Storage under {@code checkpointsBaseUri} with the Hadoop configuration found on the class path. */
    public CheckpointStorage(String checkpointsBaseUri, String jobId) throws IOException {
        this(checkpointsBaseUri, jobId, new Configuration());
    }

    public CheckpointStorage(String checkpointsBaseUri, String jobId, Configuration hadoopConfiguration)
            throws IOException {
        this.jobId = checkJobId(jobId);
        this.hadoopConfiguration = hadoopConfiguration;
        Path base = new Path(checkpointsBaseUri);
        this.fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(base);
        this.jobDirectory = fs.makeQualified(new Path(base, jobId));
    }

    @Override
    public String jobId() {
        return jobId;
    }

    /** {@code <base>/<job-id>}, fully qualified. */
    @Override
    public Path jobDirectory() {
        return jobDirectory;
    }

    public Path sharedDirectory() {
        return new Path(jobDirectory, SHARED_DIR);
    }

    public Path taskOwnedDirectory() {
        return new Path(jobDirectory, TASK_OWNED_DIR);
    }

    public Path checkpointDirectory(long checkpointId) {
        return new Path(jobDirectory, CheckpointLayout.checkpointDirectory(checkpointId));
    }

    // ---- coordinator side ------------------------------------------------------------------------

    /**
     * Claims the job directory for master attempt {@code masterAttempt}, before anything is recovered or deleted:
     * from now on an older attempt's {@link #checkFence} fails.
     *
     * @throws FencedException if a newer attempt claimed it already
     */
    public void claim(int masterAttempt) throws IOException {
        if (masterAttempt < 1) {
            throw new IllegalArgumentException("master attempts start at 1: " + masterAttempt);
        }
        int newest = newestClaim();
        if (newest > masterAttempt) {
            throw fenced(masterAttempt, newest);
        }
        Path marker = new Path(new Path(jobDirectory, MASTERS_DIR), String.valueOf(masterAttempt));
        if (!fs.exists(marker)) {
            fs.createFile(marker).overwrite(false).recursive().build().close();
        }
        claimedAttempt = masterAttempt;
        LOG.info("Master attempt {} claimed the checkpoint directory {}", masterAttempt, jobDirectory);
    }

    /**
     * Fails if a newer master attempt than the one that {@link #claim claimed} the directory through this instance
     * has claimed it since. Nothing to check if none claimed it.
     */
    public void checkFence() throws IOException {
        int claimed = claimedAttempt;
        if (claimed == 0) {
            return;
        }
        int newest = newestClaim();
        if (newest > claimed) {
            throw fenced(claimed, newest);
        }
    }

    /** The job has ended for good, so no attempt follows this one: the claims go. Fenced like any deletion. */
    public void releaseClaims() throws IOException {
        checkFence();
        delete(new Path(jobDirectory, MASTERS_DIR), true);
    }

    private int newestClaim() throws IOException {
        FileStatus[] markers;
        try {
            markers = fs.listStatus(new Path(jobDirectory, MASTERS_DIR));
        } catch (FileNotFoundException e) {
            return 0;
        }
        int newest = 0;
        for (FileStatus marker : markers) {
            try {
                newest = Math.max(newest, Integer.parseInt(marker.getPath().getName()));
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring {}: not a master attempt", marker.getPath());
            }
        }
        return newest;
    }

    private FencedException fenced(int attempt, int newest) {
        return new FencedException("master attempt " + newest + " took over the checkpoints of job " + jobId + " in "
                + jobDirectory + "; attempt " + attempt + " publishes and deletes nothing more there");
    }

    /**
     * Creates {@code chk-<n>/} (and, the first time, {@code shared/} and {@code taskowned/}) when checkpoint
     * n is triggered. Fails if {@code chk-<n>} exists: a checkpoint id is never reused, even after a crash
     * (see {@link #highestCheckpointId()}).
     */
    @Override
    public Path initializeLocation(long checkpointId) throws IOException {
        if (checkpointId < 1) {
            throw new IllegalArgumentException("checkpoint ids start at 1: " + checkpointId);
        }
        if (!baseDirectoriesCreated) {
            mkdirs(sharedDirectory());
            mkdirs(taskOwnedDirectory());
            baseDirectoriesCreated = true;
        }
        Path directory = checkpointDirectory(checkpointId);
        if (fs.exists(directory)) {
            throw new IOException("checkpoint " + checkpointId + " of job " + jobId + " already exists: " + directory);
        }
        mkdirs(directory);
        return directory;
    }

    /**
     * Publishes checkpoint n: writes {@code _metadata} to a temporary file in {@code chk-<n>/}, then renames it
     * into place, so a reader sees either no {@code _metadata} or a complete one.
     */
    @Override
    public CompletedCheckpoint finalizeCheckpoint(CheckpointMetadata metadata) throws IOException {
        if (!jobId.equals(metadata.jobId())) {
            throw new IllegalArgumentException("metadata of job " + metadata.jobId() + " given to the storage of job "
                    + jobId);
        }
        Path directory = checkpointDirectory(metadata.checkpointId());
        if (!fs.exists(directory)) {
            throw new FileNotFoundException("checkpoint " + metadata.checkpointId() + " has no location " + directory
                    + " (never initialized, or discarded)");
        }
        checkFence();
        publishMetadata(fs, directory, metadata);
        return new CompletedCheckpoint(metadata, directory.toString(), false);
    }

    /**
     * Records in {@code chk-<n>/_savepoint} where savepoint n lies, so that it counts as the job's checkpoint n for
     * a new master attempt too: a savepoint that stopped the job, whose tasks committed their output for it.
     * Written through a temporary file and a rename, like {@code _metadata}; deleting {@code chk-<n>} deletes only
     * the reference, never the savepoint.
     */
    public void publishSavepointReference(CompletedCheckpoint savepoint) throws IOException {
        if (!savepoint.savepoint()) {
            throw new IllegalArgumentException(savepoint.directory() + " is not a savepoint");
        }
        Path directory = checkpointDirectory(savepoint.checkpointId());
        if (fs.exists(directory)) {
            throw new IOException("checkpoint " + savepoint.checkpointId() + " of job " + jobId + " already exists: "
                    + directory);
        }
        checkFence();
        mkdirs(directory);
        Path temp = new Path(directory, SAVEPOINT_REFERENCE_FILE + ".inprogress." + UUID.randomUUID());
        try (FSDataOutputStream out = fs.createFile(temp).overwrite(false).build()) {
            out.write(savepoint.directory().getBytes(StandardCharsets.UTF_8));
            out.hsync();
        }
        if (!fs.rename(temp, new Path(directory, SAVEPOINT_REFERENCE_FILE))) {
            deleteQuietly(fs, temp);
            throw new IOException("cannot rename " + temp + " into place in " + directory);
        }
    }

    /**
     * Writes {@code _metadata} into {@code directory} through a temporary file and a rename, so that a reader
     * sees either no {@code _metadata} or a complete one. Fails if there is one already.
     */
    public static void publishMetadata(FileSystem fs, Path directory, CheckpointMetadata metadata) throws IOException {
        Path target = new Path(directory, METADATA_FILE_NAME);
        // Checked first: a rename onto an existing file replaces it on some file systems (the local one).
        if (fs.exists(target)) {
            throw new IOException("checkpoint " + metadata.checkpointId() + " is already published: " + target);
        }
        byte[] bytes = MetadataSerializer.serialize(metadata);
        Path temp = new Path(directory, METADATA_TEMP_PREFIX + UUID.randomUUID());
        try (FSDataOutputStream out = fs.createFile(temp).overwrite(false).build()) {
            out.write(bytes);
            out.hsync();
        } catch (IOException e) {
            deleteQuietly(fs, temp);
            throw e;
        }
        if (!fs.rename(temp, target)) {
            deleteQuietly(fs, temp);
            throw new IOException("cannot rename " + temp + " to " + target);
        }
        LOG.debug("Published {} ({} bytes)", target, bytes.length);
    }

    // ---- savepoints ---------------------------------------------------------------------------------

    /**
     * Creates the directory of a new savepoint of this job in {@code targetDirectory} (on any file system):
     * {@code savepoint-<first 6 characters of the job id>-<12 random hex digits>}, fully qualified. Tasks
     * upload its state files straight into it; paths in its metadata are relative to it.
     */
    @Override
    public Path initializeSavepoint(String targetDirectory) throws IOException {
        Path target = new Path(targetDirectory);
        FileSystem targetFs = new HadoopFileAccess(hadoopConfiguration).fileSystem(target);
        String prefix = SAVEPOINT_DIR_PREFIX + jobId.substring(0, Math.min(6, jobId.length())) + "-";
        for (int attempt = 0; attempt < 10; attempt++) {
            Path candidate = targetFs.makeQualified(new Path(target, prefix + randomHex(12)));
            if (!targetFs.exists(candidate)) {
                if (!targetFs.mkdirs(candidate)) {
                    throw new IOException("cannot create the savepoint directory " + candidate);
                }
                return candidate;
            }
        }
        throw new IOException("no free savepoint directory name in " + targetDirectory + " after 10 attempts");
    }

    /**
     * Publishes a savepoint whose state files are in {@code location} (from {@link #initializeSavepoint}):
     * writes its {@code _metadata} there as {@link #finalizeCheckpoint} does. The result is a savepoint, which
     * Spindle never deletes.
     */
    @Override
    public CompletedCheckpoint finalizeSavepoint(Path location, CheckpointMetadata metadata) throws IOException {
        if (!jobId.equals(metadata.jobId())) {
            throw new IllegalArgumentException("metadata of job " + metadata.jobId() + " given to the storage of job "
                    + jobId);
        }
        if (!metadata.isSavepoint()) {
            throw new IllegalArgumentException("the metadata of checkpoint " + metadata.checkpointId()
                    + " has no savepoint format: not a savepoint");
        }
        FileSystem targetFs = new HadoopFileAccess(hadoopConfiguration).fileSystem(location);
        if (!targetFs.exists(location)) {
            throw new FileNotFoundException("savepoint " + metadata.checkpointId() + " has no location " + location
                    + " (never initialized, or discarded)");
        }
        publishMetadata(targetFs, location, metadata);
        return new CompletedCheckpoint(metadata, targetFs.makeQualified(location).toString(), true);
    }

    /**
     * Deletes the directory of a savepoint that did not complete, with what its tasks uploaded. Refuses a
     * published one (with {@code _metadata}): those belong to the user. Absent is fine.
     */
    @Override
    public void discardSavepoint(Path location) throws IOException {
        FileSystem targetFs = new HadoopFileAccess(hadoopConfiguration).fileSystem(location);
        if (targetFs.exists(new Path(location, METADATA_FILE_NAME))) {
            throw new IOException("not discarding " + location + ": the savepoint is complete (it has "
                    + METADATA_FILE_NAME + "); only savepoint-dispose deletes it");
        }
        delete(targetFs, location, true);
    }

    /** Deletes {@code chk-<n>/} and everything in it; used for aborted and subsumed checkpoints. */
    @Override
    public void discardCheckpoint(long checkpointId) throws IOException {
        Path directory = checkpointDirectory(checkpointId);
        // _metadata first: should the recursive delete stop half-way (it is not atomic on every file
        // system), what is left must not look like a complete checkpoint
        delete(new Path(directory, METADATA_FILE_NAME), false);
        delete(directory, true);
    }

    /**
     * Deletes one state file by its path relative to the job directory (typically a shared file no retained
     * checkpoint uses); absent is fine.
     */
    public void deleteState(String relativePath) throws IOException {
        delete(new Path(jobDirectory, relativePath), false);
    }

    /**
     * The job's completed checkpoints, newest first. A {@code chk-<n>} whose {@code _metadata} is missing,
     * truncated or corrupt is skipped with a warning; other read failures are thrown.
     */
    @Override
    public List<CompletedCheckpoint> listCompleted() throws IOException {
        return listCompletedIn(fs, jobDirectory);
    }

    /** The newest completed checkpoint, read without reading the older ones. */
    @Override
    public Optional<CompletedCheckpoint> latestCompleted() throws IOException {
        for (CheckpointDirectory candidate : checkpointDirectories(fs, jobDirectory)) {
            Optional<CompletedCheckpoint> completed = readIfComplete(fs, candidate);
            if (completed.isPresent()) {
                return completed;
            }
        }
        return Optional.empty();
    }

    /**
     * The highest n of any {@code chk-<n>} directory, complete or not, 0 if there is none. A restarted
     * coordinator continues above it.
     */
    @Override
    public long highestCheckpointId() throws IOException {
        List<Long> ids = checkpointDirectoryIds();
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    /** The n of every {@code chk-<n>} directory, complete or not, highest first. */
    public List<Long> checkpointDirectoryIds() throws IOException {
        return checkpointDirectories(fs, jobDirectory).stream().map(CheckpointDirectory::checkpointId).toList();
    }

    /**
     * The path, relative to the job directory, of every file in {@code shared/}, referenced or not: listed,
     * not read, so no {@link StateFile} (whose checksum needs the bytes).
     */
    public List<String> sharedFilePaths() throws IOException {
        FileStatus[] children;
        try {
            children = fs.listStatus(sharedDirectory());
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (FileStatus child : children) {
            if (child.isFile()) {
                paths.add(SHARED_DIR + "/" + child.getPath().getName());
            }
        }
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    // ---- task side --------------------------------------------------------------------------------

    /** Where a state file of this job lives. */
    public Path resolve(StateFile file) {
        return new Path(jobDirectory, file.path());
    }

    // ---- offline readers (CLI, explicit restore) -----------------------------------------------------

    /** {@link #load(String, Configuration)} with the Hadoop configuration found on the class path. */
    public static CompletedCheckpoint load(String pointer) throws IOException {
        return load(pointer, new Configuration());
    }

    /**
     * Reads the checkpoint or savepoint at {@code pointer}: its directory or its {@code _metadata} file, or a
     * job's checkpoint directory {@code <base>/<job-id>}, whose newest readable checkpoint it reads.
     * Anything outside a {@code chk-<n>} directory is treated as a savepoint (never deleted by retention).
     */
    public static CompletedCheckpoint load(String pointer, Configuration hadoopConfiguration) throws IOException {
        Path path = new Path(pointer);
        FileSystem fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(path);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("no checkpoint or savepoint at " + pointer);
        }
        Path metadataFile = status.getPath();
        if (status.isDirectory()) {
            metadataFile = new Path(status.getPath(), METADATA_FILE_NAME);
            Path reference = new Path(status.getPath(), SAVEPOINT_REFERENCE_FILE);
            if (!fs.exists(metadataFile) && fs.exists(reference)) {
                return load(readReference(fs, reference), hadoopConfiguration);
            }
            if (!fs.exists(metadataFile)) {
                if (looksLikeJobDirectory(fs.listStatus(status.getPath()))) {
                    return newestIn(fs, status.getPath());
                }
                throw new FileNotFoundException("cannot find the metadata file '" + METADATA_FILE_NAME
                        + "' in directory '" + status.getPath() + "': not a completed checkpoint or savepoint");
            }
        }
        Path directory = metadataFile.getParent();
        CheckpointMetadata metadata = readMetadata(fs, metadataFile);
        boolean savepoint = !CHECKPOINT_DIR.matcher(directory.getName()).matches();
        return new CompletedCheckpoint(metadata, directory.toString(), savepoint);
    }

    /**
     * Completed checkpoints under {@code path}, which is either a job's directory {@code <base>/<job-id>}
     * (newest first) or the base directory (every job under it, by job id, each newest first). Unreadable
     * checkpoints are skipped with a warning, as in {@link #listCompleted()}.
     */
    public static List<CompletedCheckpoint> listCompleted(String path, Configuration hadoopConfiguration)
            throws IOException {
        Path root = new Path(path);
        FileSystem fs = new HadoopFileAccess(hadoopConfiguration).fileSystem(root);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("no checkpoint directory at " + path);
        }
        if (!status.isDirectory()) {
            throw new IOException(path + " is a file, not a checkpoint directory");
        }
        FileStatus[] children = fs.listStatus(root);
        if (looksLikeJobDirectory(children)) {
            return listCompletedIn(fs, fs.makeQualified(root));
        }
        List<FileStatus> jobs = new ArrayList<>(List.of(children));
        jobs.sort(Comparator.comparing(s -> s.getPath().getName()));
        List<CompletedCheckpoint> result = new ArrayList<>();
        for (FileStatus job : jobs) {
            if (job.isDirectory() && looksLikeJobDirectory(fs.listStatus(job.getPath()))) {
                result.addAll(listCompletedIn(fs, job.getPath()));
            }
        }
        return result;
    }

    // ---- internals ----------------------------------------------------------------------------------

    private static CompletedCheckpoint newestIn(FileSystem fs, Path jobDirectory) throws IOException {
        List<CompletedCheckpoint> completed = listCompletedIn(fs, jobDirectory);
        if (completed.isEmpty()) {
            throw new FileNotFoundException("no completed checkpoint in job directory " + jobDirectory);
        }
        return completed.get(0);
    }

    private record CheckpointDirectory(Path path, long checkpointId) {
    }

    private static boolean looksLikeJobDirectory(FileStatus[] children) {
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (child.isDirectory() && (name.equals(SHARED_DIR) || name.equals(TASK_OWNED_DIR)
                    || CHECKPOINT_DIR.matcher(name).matches())) {
                return true;
            }
        }
        return false;
    }

    /** The {@code chk-<n>} directories of a job, highest n first; none if the job directory does not exist. */
    private static List<CheckpointDirectory> checkpointDirectories(FileSystem fs, Path jobDirectory)
            throws IOException {
        FileStatus[] children;
        try {
            children = fs.listStatus(jobDirectory);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<CheckpointDirectory> result = new ArrayList<>();
        for (FileStatus child : children) {
            Matcher matcher = CHECKPOINT_DIR.matcher(child.getPath().getName());
            if (child.isDirectory() && matcher.matches()) {
                result.add(new CheckpointDirectory(child.getPath(), Long.parseLong(matcher.group(1))));
            }
        }
        result.sort(Comparator.comparingLong(CheckpointDirectory::checkpointId).reversed());
        return result;
    }

    private static List<CompletedCheckpoint> listCompletedIn(FileSystem fs, Path jobDirectory) throws IOException {
        List<CompletedCheckpoint> result = new ArrayList<>();
        for (CheckpointDirectory candidate : checkpointDirectories(fs, jobDirectory)) {
            readIfComplete(fs, candidate).ifPresent(result::add);
        }
        return result;
    }

    /**
     * The checkpoint in {@code chk-<n>}, or the savepoint it refers to, or empty (with a warning) if its metadata
     * is missing or unreadable.
     */
    private static Optional<CompletedCheckpoint> readIfComplete(FileSystem fs, CheckpointDirectory candidate)
            throws IOException {
        Path metadataFile = new Path(candidate.path(), METADATA_FILE_NAME);
        Path reference = new Path(candidate.path(), SAVEPOINT_REFERENCE_FILE);
        boolean savepoint = !fs.exists(metadataFile) && fs.exists(reference);
        String directory = candidate.path().toString();
        CheckpointMetadata metadata;
        try {
            if (savepoint) {
                directory = readReference(fs, reference);
                Path savepointDirectory = new Path(directory);
                metadataFile = new Path(savepointDirectory, METADATA_FILE_NAME);
                metadata = readMetadata(savepointDirectory.getFileSystem(fs.getConf()), metadataFile);
            } else {
                metadata = readMetadata(fs, metadataFile);
            }
        } catch (FileNotFoundException e) {
            LOG.warn("Skipping checkpoint {}: no {} in {} (incomplete or aborted)", candidate.checkpointId(),
                    METADATA_FILE_NAME, candidate.path());
            return Optional.empty();
        } catch (CorruptMetadataException e) {
            LOG.warn("Skipping checkpoint {}: {}", candidate.checkpointId(), e.getMessage()); // names the file
            return Optional.empty();
        }
        if (metadata.checkpointId() != candidate.checkpointId()) {
            LOG.warn("Skipping checkpoint {}: {} holds checkpoint {}", candidate.checkpointId(), metadataFile,
                    metadata.checkpointId());
            return Optional.empty();
        }
        return Optional.of(new CompletedCheckpoint(metadata, directory, savepoint));
    }

    private static String readReference(FileSystem fs, Path reference) throws IOException {
        try (FSDataInputStream in = fs.open(reference)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** Reads and parses one metadata file; a {@link CorruptMetadataException} names the file. */
    static CheckpointMetadata readMetadata(FileSystem fs, Path metadataFile) throws IOException {
        byte[] bytes;
        try (FSDataInputStream in = fs.open(metadataFile)) {
            bytes = in.readAllBytes();
        }
        try {
            return MetadataSerializer.deserialize(bytes);
        } catch (CorruptMetadataException e) {
            throw new CorruptMetadataException(metadataFile + ": " + e.getMessage(), e);
        }
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private void mkdirs(Path directory) throws IOException {
        if (!fs.mkdirs(directory)) {
            throw new IOException("cannot create directory " + directory);
        }
    }

    private void delete(Path path, boolean recursive) throws IOException {
        delete(fs, path, recursive);
    }

    /** Deletes a path; absent already counts as deleted. Throws if it is still there afterwards. */
    public static void delete(FileSystem fs, Path path, boolean recursive) throws IOException {
        if (!fs.delete(path, recursive) && fs.exists(path)) {
            throw new IOException("cannot delete " + path);
        }
    }

    private static void deleteQuietly(FileSystem fs, Path path) {
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            LOG.debug("Could not clean up {}", path, e);
        }
    }

    private static String checkJobId(String jobId) {
        if (jobId == null || jobId.isEmpty() || jobId.startsWith(".") || jobId.contains("/") || jobId.contains("\\")
                || jobId.contains(":")) {
            throw new IllegalArgumentException("invalid job id '" + jobId + "': must be a plain directory name");
        }
        return jobId;
    }
}
