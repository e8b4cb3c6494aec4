package io.spindle.client.bench;

import java.lang.invoke.MethodType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandle;
import io.spindle.api.SpindleJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.stream.Stream;

/** Checks KeyedCounts' final output against the counts the generator's records must give. */
public final class ExactCounts {

    private ExactCounts() { }

    /**
     * Whether the {@code key<TAB>count} lines under {@code output} are exactly the counts of records 0..N-1.
     *
     * @param key the job's key of record i among K keys
     */
    public static boolean check(Path output, long records, long keys, LongBinaryOperator key) throws IOException {
        if (keys > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many keys to check: " + keys);
        }
        long[] expected = new long[(int) keys];
        for (long i = 0; i < records; i++) {
            expected[(int) key.applyAsLong(i, keys)]++;
        }
        long[] seen = new long[(int) keys];
        List<Path> parts;
        try (Stream<Path> files = Files.list(output)) {
            parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
        }
        for (Path part : parts) {
            try (Stream<String> lines = Files.lines(part)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    int tab = line.indexOf('\t');
                    int k = Integer.parseInt(line.substring(0, tab));
                    if (seen[k] != 0) {
                        return false;
                    }
                    seen[k] = Long.parseLong(line.substring(tab + 1));
                }
            }
        }
        return java.util.Arrays.equals(expected, seen);
    }

    /** KeyedCounts' own {@code key(i, K)}, from the jar the job came from, so the check cannot drift from it. */
    public static LongBinaryOperator keyFunction(SpindleJob job) {
        try {
            MethodHandle key = MethodHandles.publicLookup().findStatic(job.getClass(), "key",
                    MethodType.methodType(long.class, long.class, long.class));
            return (i, keys) -> {
                try {
                    return (long) key.invokeExact(i, keys);
                } catch (Throwable t) {
                    throw new IllegalStateException("KeyedCounts.key failed", t);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the examples jar has no KeyedCounts.key(long, long)", e);
        }
    }
}
