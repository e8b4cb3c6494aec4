package io.spindle.api.connectors.files;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.Tuple3;
import io.spindle.api.connectors.ConnectorSettingsException;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.connectors.PreflightContext;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListState;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes records to part files under a directory on any file system the cluster reaches, exactly once. Each subtask
 * writes a part per bucket into its writer's hidden staging directory (see {@link Staging}); at a checkpoint's
 * barrier the part ends and becomes pending, and when that checkpoint completes it is renamed into its bucket as
 * {@code part-<subtask>-<writer>-<n><suffix>} (the final checkpoint publishes the last ones; without
 * checkpointing, the end of input does). Writer ids are random per writer, so names never collide across attempts, restores and
 * parallelism changes, no writer touches another's files, and a published part is never deleted.
 *
 * <p>A restore publishes the parts its checkpoint holds as pending (union state: subtask 0 sees every old subtask's,
 * whatever the parallelism; a part published already stays as it is) and only then deletes the staging of the job's
 * other attempts, with whatever no checkpoint committed. Another job's staging is never touched: that job may still
 * run (a savepoint restored while its job goes on), and its leftovers are hidden files no name collides with.
 */
public final class FileSink<T> implements Sink<T> {

    final String directory;
    final BulkFormat<T> format;
    final BucketAssigner<T> buckets;
    final RollingPolicy rolling;
    final String partSuffix;

    private FileSink(Builder<T> builder) {
        this.directory = builder.directory;
        this.format = builder.format;
        this.buckets = builder.buckets;
        this.rolling = builder.rolling;
        this.partSuffix = builder.partSuffix;
    }

    /** Part files of {@code format} (a {@link RowFormat} or a {@link BulkFormat}) under {@code directory}. */
    public static <T> Builder<T> builder(String directory, BulkFormat<T> format) {
        return new Builder<>(directory, format);
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        FileAccess files = context.files();
        String writerId = String.format("%08x", ThreadLocalRandom.current().nextInt());
        Staging staging = new Staging(files, directory, context.jobId(), context.attemptNumber(), writerId);
        ListState<Tuple3<Long, String, String>> pending = context.unionListState(PendingParts.STATE);
        if (context.subtaskIndex() == 0) {
            if (context.isRestored()) {
                for (Tuple3<Long, String, String> part : pending.get()) {
                    PendingParts.publish(files, part, false);
                }
            } else {
                checkNoPublishedParts(files);
            }
            staging.discardOtherAttempts();
        }
        pending.clear();
        return new FileSinkWriter<>(this, context, staging, "part-" + context.subtaskIndex() + "-" + writerId + "-",
                pending);
    }

    /**
     * A job that starts without state must not mix its output with another's. Every attempt checks: one that started
     * without state after a failure published nothing (no checkpoint had completed).
     */
    private void checkNoPublishedParts(FileAccess files) throws IOException {
        if (!files.exists(directory)) {
            return;
        }
        for (FileAccess.FileInfo file : files.listFiles(directory)) {
            if (file.path().substring(file.path().lastIndexOf('/') + 1).startsWith("part-")) {
                throw new IOException("output file " + file.path() + " exists already; choose an empty output "
                        + "directory");
            }
        }
    }

    @Override
    public void check(PreflightContext context) throws ConnectorSettingsException {
        try {
            if (context.files().isFile(directory)) {
                throw new ConnectorSettingsException("output path " + directory + " is a file; give a directory");
            }
        } catch (IOException e) {
            throw new ConnectorSettingsException("cannot look at output path " + directory + ": " + e.getMessage());
        }
    }

    /** The file sink's settings; by default, no buckets, and a part per checkpoint interval. */
    public static final class Builder<T> {
        private final String directory;
        private final BulkFormat<T> format;
        private BucketAssigner<T> buckets = BucketAssigner.none();
        private RollingPolicy rolling = RollingPolicy.onCheckpoint();
        private String partSuffix = "";

        private Builder(String directory, BulkFormat<T> format) {
            if (directory == null || directory.isBlank()) {
                throw new JobDefinitionException("the file sink needs a directory");
            }
            if (format == null) {
                throw new JobDefinitionException("the file sink needs a format");
            }
            this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
            this.format = format;
        }

        public Builder<T> bucketBy(BucketAssigner<T> assigner) {
            this.buckets = assigner;
            return this;
        }

        public Builder<T> rollingPolicy(RollingPolicy policy) {
            this.rolling = policy;
            return this;
        }

        /** Ends every part's name, for readers that go by extension: {@code ".csv"}, {@code ".parquet"}. */
        public Builder<T> partSuffix(String suffix) {
            if (suffix.contains("/")) {
                throw new JobDefinitionException("part suffix '" + suffix + "' must not contain '/'");
            }
            this.partSuffix = suffix;
            return this;
        }

        public FileSink<T> build() {
            return new FileSink<>(this);
        }
    }
}
