package io.spindle.api.connectors;

/**
 * What a {@link SourceReader} emits to. A reader whose subtask reads several splits (files, partitions, slices) emits
 * each split's records to that split's output, so each split gets its own watermarks and a split that is behind
 * holds the subtask's watermark back; the others may emit here directly.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {

    /**
     * The output of one split, the same object on every call for that id until it is released. From this call on, the
     * split holds the subtask's watermark back until it has records (or goes idle): ask for the outputs of all splits
     * the reader has before emitting any record, or a split that starts late may find its first records late.
     */
    SourceOutput<T> forSplit(String splitId);

    /** The split is finished: its watermark no longer holds the subtask's back. */
    void releaseSplit(String splitId);
}
