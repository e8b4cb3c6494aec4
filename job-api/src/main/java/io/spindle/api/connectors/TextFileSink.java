package io.spindle.api.connectors;

import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes each subtask's records to part files {@code part-<subtask>-<n>}, exactly once: a part is written
 * hidden ({@code .part-<subtask>-<n>.inprogress}), closed at a checkpoint's barrier, and published by
 * rename when that checkpoint completes, or at the end of input. A restore publishes the parts its
 * checkpoint had closed and deletes those written after it, which are written again from the replay.
 */
final class TextFileSink<T> implements Sink<T> {

    /** Closed parts awaiting their checkpoint: (checkpoint id, part number). */
    private static final ListStateDescriptor<Tuple2<Long, Integer>> PENDING =
            new ListStateDescriptor<>("text-file-pending-parts", Codecs.tuple2(Codecs.LONG, Codecs.INT));
    private static final ListStateDescriptor<Integer> NEXT_PART =
            new ListStateDescriptor<>("text-file-next-part", Codecs.INT);

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
        Parts parts = new Parts(context.files(), directory, context.subtaskIndex());
        ListState<Tuple2<Long, Integer>> pending = context.operatorListState(PENDING);
        ListState<Integer> nextPart = context.operatorListState(NEXT_PART);
        int next = 0;
        if (context.isRestored()) {
            for (Tuple2<Long, Integer> part : pending.get()) {
                parts.publish(part.f1());
            }
            for (Integer part : nextPart.get()) {
                next = Math.max(next, part);
            }
            parts.deleteFrom(next);
        } else if (context.attemptNumber() > 0) {
            parts.deleteFrom(0);
        } else {
            parts.checkNoneFinished();
            parts.deleteFrom(0);
        }
        pending.clear();
        nextPart.update(List.of(next));
        return new PartWriter(parts, pending, nextPart, next);
    }

    private final class PartWriter implements SinkWriter<T> {
        private final Parts parts;
        private final ListState<Tuple2<Long, Integer>> pendingState;
        private final ListState<Integer> nextPartState;
        private final List<Tuple2<Long, Integer>> pending = new ArrayList<>();
        private int part;
        private Writer out;

        PartWriter(Parts parts, ListState<Tuple2<Long, Integer>> pendingState, ListState<Integer> nextPartState,
                   int firstPart) {
            this.parts = parts;
            this.pendingState = pendingState;
            this.nextPartState = nextPartState;
            this.part = firstPart;
        }

        @Override
        public void write(T value) throws IOException {
            if (out == null) {
                out = new BufferedWriter(new OutputStreamWriter(parts.create(part), StandardCharsets.UTF_8), 64 * 1024);
            }
            out.write(format.apply(value));
            out.write('\n');
        }

        @Override
        public void prepareCommit(long checkpointId) throws IOException {
            if (out != null) {
                out.close();
                out = null;
                pending.add(Tuple2.of(checkpointId, part++));
            }
            pendingState.update(pending);
            nextPartState.update(List.of(part));
        }

        @Override
        public void commit(long checkpointId) throws IOException {
            while (!pending.isEmpty() && pending.get(0).f0() <= checkpointId) {
                parts.publish(pending.remove(0).f1());
            }
        }

        @Override
        public void endOfInput() throws IOException {
            prepareCommit(Long.MAX_VALUE);
            commit(Long.MAX_VALUE);
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }

    /** The part files of one subtask, by number. */
    private record Parts(FileAccess files, String directory, int subtask) {

        String finished(int part) {
            return directory + "/part-" + subtask + "-" + part;
        }

        String inProgress(int part) {
            return directory + "/.part-" + subtask + "-" + part + ".inprogress";
        }

        java.io.OutputStream create(int part) throws IOException {
            return files.create(inProgress(part));
        }

        /** Idempotent: a part published before (by this writer or before a restore) stays as it is. */
        void publish(int part) throws IOException {
            if (files.exists(inProgress(part))) {
                files.rename(inProgress(part), finished(part));
            }
        }

        /** Deletes parts from {@code first} on, published or not: they hold records a replay writes again. */
        void deleteFrom(int first) throws IOException {
            for (int part = first; ; part++) {
                boolean hidden = files.exists(inProgress(part));
                boolean visible = files.exists(finished(part));
                if (!hidden && !visible) {
                    return;
                }
                if (hidden) {
                    files.delete(inProgress(part));
                }
                if (visible) {
                    files.delete(finished(part));
                }
            }
        }

        void checkNoneFinished() throws IOException {
            if (files.exists(finished(0))) {
                throw new IOException("output file " + finished(0) + " exists already; choose an empty output directory");
            }
        }
    }
}
