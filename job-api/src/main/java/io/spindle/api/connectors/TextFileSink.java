package io.spindle.api.connectors;

import io.spindle.api.Tuple3;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Writes each subtask's records to part files, exactly once. A part is written into the attempt's staging
 * directory {@code .in-progress/<job id>/<attempt>/} (hidden), closed at a checkpoint's barrier, and published by
 * a rename to {@code part-<subtask>-<writer>-<n>} when that checkpoint completes (the final checkpoint, for the
 * last one; without checkpointing, at the end of input). Names are unique per writer, so no writer ever touches
 * another's files, and a published part is never deleted.
 *
 * <p>A checkpoint holds the parts a restore must publish, each with the sink directory as the job named it: union
 * list state, so the restoring subtask 0 sees every old subtask's entries whatever the parallelism. It publishes
 * them (a part published already stays as it is; one neither staged nor published was taken care of by a run that
 * went on from the same state) and only then deletes the staging directories of this job's other attempts, with
 * whatever they held that no checkpoint committed. Another job's staging directory is never touched: that job may
 * still run (a savepoint restored while its job goes on), and its leftovers are hidden files no name collides with.
 */
final class TextFileSink<T> implements Sink<T> {

    static final String STAGING = ".in-progress";

    /** Parts to publish: (checkpoint id, sink directory, staged path relative to it; its last segment the name). */
    private static final ListStateDescriptor<Tuple3<Long, String, String>> PENDING =
            new ListStateDescriptor<>("text-file-pending", Codecs.tuple3(Codecs.LONG, Codecs.STRING, Codecs.STRING));

    private final String directory;
    private final Function<T, String> format;

    TextFileSink(String directory, Function<T, String> format) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("text file sink needs a directory");
        }
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
        this.format = format;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        FileAccess files = context.files();
        String jobStaging = STAGING + "/" + context.jobId();
        String staging = jobStaging + "/" + context.attemptNumber();
        ListState<Tuple3<Long, String, String>> pending = context.unionListState(PENDING);
        if (context.subtaskIndex() == 0) {
            if (context.isRestored()) {
                for (Tuple3<Long, String, String> part : pending.get()) {
                    publish(files, part.f1(), part.f2(), false);
                }
            } else if (context.attemptNumber() == 0) {
                checkNoPublishedParts(files);
            }
            for (String attempt : files.list(directory + "/" + jobStaging)) {
                if (!attempt.equals(String.valueOf(context.attemptNumber()))) {
                    files.delete(directory + "/" + jobStaging + "/" + attempt);
                }
            }
        }
        pending.clear();
        String writer = String.format("%08x", ThreadLocalRandom.current().nextInt());
        return new PartWriter(files, pending, staging, "part-" + context.subtaskIndex() + "-" + writer + "-");
    }

    /**
     * Renames a staged part to its published name. Idempotent: a part published before (by this writer, or before
     * a restore) stays as it is. Strictly, a part that is neither staged nor published is an error: it was lost.
     */
    private static void publish(FileAccess files, String directory, String staged, boolean strict) throws IOException {
        String published = directory + "/" + staged.substring(staged.lastIndexOf('/') + 1);
        if (files.exists(directory + "/" + staged)) {
            files.rename(directory + "/" + staged, published);
        } else if (strict && !files.exists(published)) {
            throw new IOException("cannot publish " + published + ": neither it nor its staged file " + staged
                    + " exists");
        }
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private void checkNoPublishedParts(FileAccess files) throws IOException {
        for (String name : files.list(directory)) {
            if (name.startsWith("part-")) {
                throw new IOException("output file " + directory + "/" + name
                        + " exists already; choose an empty output directory");
            }
        }
    }

    private static final int CREATE_TRIES = 10;

    private final class PartWriter implements SinkWriter<T> {
        private final FileAccess files;
        private final ListState<Tuple3<Long, String, String>> pendingState;
        private final String staging;
        private final String namePrefix;
        private final List<Tuple3<Long, String, String>> pending = new ArrayList<>();
        private int part;
        private String current;
        private Writer out;

        PartWriter(FileAccess files, ListState<Tuple3<Long, String, String>> pendingState, String staging,
                   String namePrefix) {
            this.files = files;
            this.pendingState = pendingState;
            this.staging = staging;
            this.namePrefix = namePrefix;
        }

        @Override
        public void write(T value) throws IOException {
            if (out == null) {
                current = staging + "/" + namePrefix + part++;
                OutputStream stream = createStaged(directory + "/" + current);
                out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            }
            out.write(format.apply(value));
            out.write('\n');
        }

        /**
         * Creates a staged part. Another writer of the attempt that published all it wrote removes the staging
         * directory once it is empty ({@link #close}), which can fall between the creation of the directory and of
         * the file here (the creation then fails: the directory is missing, or cannot be given its permissions): then
         * the file is created again, with the directory. Each writer removes each staging directory at most once.
         */
        private OutputStream createStaged(String path) throws IOException {
            for (int tries = 1; ; tries++) {
                try {
                    return files.create(path);
                } catch (IOException e) {
                    if (tries == CREATE_TRIES) {
                        throw e;
                    }
                }
            }
        }

        @Override
        public void prepareCommit(long checkpointId) throws IOException {
            if (out != null) {
                out.close();
                out = null;
                pending.add(Tuple3.of(checkpointId, directory, current));
            }
            pendingState.update(pending);
        }

        @Override
        public void commit(long checkpointId) throws IOException {
            while (!pending.isEmpty() && pending.get(0).f0() <= checkpointId) {
                Tuple3<Long, String, String> part = pending.remove(0);
                publish(files, part.f1(), part.f2(), true);
            }
        }

        /** The last writer of the attempt to close after publishing everything removes the staging directory. */
        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
                return;
            }
            if (pending.isEmpty() && files.deleteIfEmpty(directory + "/" + staging)
                    && files.deleteIfEmpty(directory + "/" + parent(staging))) {
                files.deleteIfEmpty(directory + "/" + STAGING);
            }
        }
    }
}
