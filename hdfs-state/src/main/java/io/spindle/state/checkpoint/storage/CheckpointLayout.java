package io.spindle.state.checkpoint.storage;

import java.util.UUID;

/**
 * The names in a job's checkpoint directory, owned here alone: the coordinator's storage and the tasks' uploads both
 * ask. Paths are relative to the job directory {@code <base>/<job-id>}.
 *
 * <pre>
 * chk-&lt;n&gt;/_metadata            published last, by rename: its presence means "complete"
 * chk-&lt;n&gt;/&lt;uuid&gt;-&lt;name&gt;     files only checkpoint n uses
 * shared/&lt;uuid&gt;-&lt;name&gt;      files later checkpoints may reuse
 * taskowned/              owned by the tasks
 * </pre>
 */
public final class CheckpointLayout {

    public static final String METADATA_FILE_NAME = "_metadata";
    public static final String CHECKPOINT_DIR_PREFIX = "chk-";
    public static final String SHARED_DIR = "shared";
    public static final String TASK_OWNED_DIR = "taskowned";

    private CheckpointLayout() { }

    public static String checkpointDirectory(long checkpointId) {
        return CHECKPOINT_DIR_PREFIX + checkpointId;
    }

    /**
     * A new file of checkpoint n in {@code directory}, named {@code <random uuid>-<fileName>}: every subtask of a job
     * uploads {@code 000042.sst} and {@code CURRENT} into the same directories, and concurrent checkpoints too.
     */
    public static String newFile(String directory, String fileName) {
        return directory + "/" + newFileName(fileName);
    }

    /** {@code <random uuid>-<fileName>}: a state file's name, also in a savepoint's own directory. */
    public static String newFileName(String fileName) {
        return UUID.randomUUID().toString().replace("-", "") + "-" + fileName;
    }
}
