package io.spindle.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a job's text output: the finished {@code part-*} files, {@code key<TAB>count} or a number per line. */
public final class OutputFiles {

    private OutputFiles() { }

    /** The published part files, none if the job never created the directory. */
    public static List<Path> finishedParts(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** The numbers the published parts of the directories hold, a line each, sorted. */
    public static long[] numbers(Path... directories) throws IOException {
        List<Long> numbers = new java.util.ArrayList<>();
        for (Path directory : directories) {
            for (Path part : finishedParts(directory)) {
                try (Stream<String> lines = Files.lines(part)) {
                    lines.forEach(line -> numbers.add(Long.parseLong(line)));
                }
            }
        }
        return numbers.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Every key once over all files, with its count. */
    public static Map<String, Long> counts(Path directory) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (Path part : finishedParts(directory)) {
            try (Stream<String> lines = Files.lines(part)) {
                lines.forEach(line -> {
                    int tab = line.lastIndexOf('\t');
                    Long earlier = counts.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                    assertThat(earlier).as("key %s written twice", line.substring(0, tab)).isNull();
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return counts;
    }
}
