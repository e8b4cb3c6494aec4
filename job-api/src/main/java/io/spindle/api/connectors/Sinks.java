package io.spindle.api.connectors;

import io.spindle.api.connectors.files.FileSink;
import io.spindle.api.connectors.files.RowFormat;

import java.util.function.Function;

/** Built-in sinks. */
public final class Sinks {

    private Sinks() { }

    /** Drops every record (Spindle still counts them). */
    public static <T> Sink<T> discard() {
        return context -> value -> { };
    }

    /** Prints records to standard output, prefixed by the subtask number when there are several. */
    public static <T> Sink<T> print() {
        return context -> {
            String prefix = context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "";
            return value -> System.out.println(prefix + value);
        };
    }

    /** Text files under {@code directory}, a line per record (its toString); see {@link #textFiles(String, Function)}. */
    public static <T> Sink<T> textFiles(String directory) {
        return textFiles(directory, String::valueOf);
    }

    /**
     * Text files under {@code directory}, a line per record as {@code format} writes it, exactly once: each subtask
     * writes a part file per checkpoint interval under a hidden name and renames it to
     * {@code part-<subtask>-<writer>-<n>} when the checkpoint completes (without checkpointing: when the input
     * ends), so readers never see a half-written file nor one a restore would take back. The {@link FileSink} with
     * a {@link RowFormat#text text format}; build one for buckets, rolling within a checkpoint interval and other
     * formats.
     */
    public static <T> Sink<T> textFiles(String directory, Function<T, String> format) {
        return FileSink.builder(directory, RowFormat.text(format)).build();
    }
}
