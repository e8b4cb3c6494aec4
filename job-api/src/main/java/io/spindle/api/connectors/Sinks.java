package io.spindle.api.connectors;

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

    /** One text file per subtask under {@code directory}, a line per record (its toString). */
    public static <T> Sink<T> textFiles(String directory) {
        return textFiles(directory, String::valueOf);
    }

    /**
     * One text file per subtask under {@code directory}, a line per record as {@code format} writes it.
     * A file is written under a hidden name and renamed to {@code part-<subtask>-0} when the input ends,
     * so readers never see a half-written file.
     */
    public static <T> Sink<T> textFiles(String directory, Function<T, String> format) {
        return new TextFileSink<>(directory, format);
    }
}
