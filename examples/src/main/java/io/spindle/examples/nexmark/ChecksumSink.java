package io.spindle.examples.nexmark;

import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.FileAccess;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Discards a query's results but keeps their {@link Totals}: each subtask counts its rows ({@code row} makes a
 * result's row text) and sums their {@link Checksum}s.
 *
 * <p>Exactly once: a subtask's totals are operator list state, taken at each checkpoint's barrier, so they cover
 * exactly the rows before the barrier; a restore brings them back and the rows after it are counted again as they
 * are replayed. On rescaling, a subtask adds up the totals it is given.
 *
 * <p>Publication: when the first checkpoint after a subtask's end of input completes (the final checkpoint; without
 * checkpointing, at the end of input), the subtask writes its totals, {@code rows<TAB>checksum} and a newline, to
 * {@code <directory>/checksum-<subtask>}: staged under a hidden name, then renamed, so a reader never sees half a
 * file. The result is the sum over all {@code checksum-*} files ({@link Totals#parse}, {@link Totals#plus}), read
 * once the job has ended; the directory may be on any file system the job reaches, so the harness finds it the
 * same way for local and YARN runs. A file is written once: every checkpoint after the end of input holds the same
 * totals, so a later publication (after a restart restored from one) finds the file there already and only checks
 * that it says the same. The directory must not hold this sink's files from another job.
 */
public final class ChecksumSink<T> implements Sink<T> {

    /** The totals as of a checkpoint, and whether the input had ended by then. */
    record Progress(Totals totals, boolean inputEnded) { }

    private static final ListStateDescriptor<Progress> PROGRESS =
            new ListStateDescriptor<>("checksum-progress", Codecs.record(Progress.class));
    private static final String PREFIX = "checksum-";
    private static final long NOT_YET = -1;

    private final String directory;
    private final Function<T, String> row;

    public ChecksumSink(String directory, Function<T, String> row) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("the checksum sink needs a directory");
        }
        this.directory = directory;
        this.row = row;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        String published = directory + "/" + PREFIX + context.subtaskIndex();
        if (!context.isRestored() && context.attemptNumber() == 0 && context.files().exists(published)) {
            throw new IOException(published + " exists already; choose an empty directory for the checksums");
        }
        ListState<Progress> state = context.operatorListState(PROGRESS);
        List<Progress> restored = state.get();
        // a task restored after its end of input does not hear of the end again
        boolean ended = !restored.isEmpty() && restored.stream().allMatch(Progress::inputEnded);
        Totals totals = restored.stream().map(Progress::totals).reduce(Totals.NONE, Totals::plus);
        String staged = directory + "/." + PREFIX + context.subtaskIndex() + "-" + context.attemptNumber();
        return new TotalsWriter(state, totals, ended, new Publication(context.files(), staged, published));
    }

    /** Where and how one subtask publishes its final totals. */
    private record Publication(FileAccess files, String staged, String published) {

        void publish(Totals totals) throws IOException {
            String text = totals + "\n";
            if (files.exists(published)) {
                String existing = read();
                if (!existing.equals(text)) {
                    throw new IOException(published + " says " + existing.strip() + ", but this subtask's final totals"
                            + " are " + totals);
                }
                return;
            }
            files.delete(staged);
            try (OutputStream out = files.create(staged)) {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            }
            files.rename(staged, published);
        }

        private String read() throws IOException {
            try (InputStream in = files.open(published, 0)) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
    }

    private final class TotalsWriter implements SinkWriter<T> {
        private final ListState<Progress> state;
        private final Publication publication;
        private long rows;
        private long checksum;
        private boolean inputEnded;
        /** The checkpoint whose completion publishes the totals: the first one taken after the end of input. */
        private long publishAt = NOT_YET;
        private boolean published;

        TotalsWriter(ListState<Progress> state, Totals restored, boolean inputEnded, Publication publication) {
            this.state = state;
            this.rows = restored.rows();
            this.checksum = restored.checksum();
            this.inputEnded = inputEnded;
            this.publication = publication;
        }

        @Override
        public void write(T value) {
            rows++;
            checksum += Checksum.fnv1a64(row.apply(value));
        }

        @Override
        public void prepareCommit(long checkpointId) {
            state.update(List.of(new Progress(new Totals(rows, checksum), inputEnded)));
            if (inputEnded && publishAt == NOT_YET) {
                publishAt = checkpointId;
            }
        }

        @Override
        public void commit(long checkpointId) throws IOException {
            if (publishAt != NOT_YET && checkpointId >= publishAt && !published) {
                publication.publish(new Totals(rows, checksum));
                published = true;
            }
        }

        @Override
        public void endOfInput() {
            inputEnded = true;
        }
    }
}
