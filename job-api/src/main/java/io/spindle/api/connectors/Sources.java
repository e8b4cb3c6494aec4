package io.spindle.api.connectors;

import io.spindle.api.codec.Codec;

import java.util.List;
import java.util.function.LongFunction;

/** Built-in sources. */
public final class Sources {

    private Sources() { }

    /**
     * Records {@code generator(0) .. generator(count - 1)}, each exactly once whatever the parallelism,
     * and resumed exactly at the saved position after a restore (even at another parallelism).
     */
    public static <T> Source<T> generator(long count, LongFunction<T> generator, Codec<T> codec) {
        return new GeneratorSource<>(count, generator, codec, 0);
    }

    /** As {@link #generator(long, LongFunction, Codec)}, at most {@code recordsPerSecond} in total. */
    public static <T> Source<T> generator(long count, LongFunction<T> generator, Codec<T> codec, double recordsPerSecond) {
        return new GeneratorSource<>(count, generator, codec, recordsPerSecond);
    }

    /** Never ends: records {@code generator(0), generator(1), ...}; 0 means no rate limit. */
    public static <T> Source<T> unboundedGenerator(LongFunction<T> generator, Codec<T> codec, double recordsPerSecond) {
        return new GeneratorSource<>(GeneratorSource.UNBOUNDED, generator, codec, recordsPerSecond);
    }

    /** The given elements, each once. */
    public static <T> Source<T> collection(List<T> elements, Codec<T> codec) {
        List<T> copy = List.copyOf(elements);
        return new GeneratorSource<>(copy.size(), i -> copy.get((int) i), codec, 0);
    }

    /**
     * The lines of the text files a path names (a file, a directory, a glob pattern) on any file system the cluster
     * reaches, without line terminators, in splits of a block spread over the subtasks; see {@link FileSource}.
     */
    public static Source<String> textFiles(String path) {
        return FileSource.lines(path);
    }

    /** As {@link #textFiles(String)} with splits of about {@code splitBytes}. */
    public static Source<String> textFiles(String path, long splitBytes) {
        return FileSource.lines(path).splitSize(splitBytes);
    }
}
