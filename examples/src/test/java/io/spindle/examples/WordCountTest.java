package io.spindle.examples;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WordCountTest {

    @TempDir
    Path work;

    /** Words with capitals, digits, accents and a non-BMP letter; separators of several kinds. */
    private static final List<String> VOCABULARY = List.of("Spindle", "yarn", "HDFS", "state", "naïve", "Ärger",
            "x86", "2024", "𝒜lpha", "checkpoint", "barrier", "Key", "group", "RocksDB", "σίγμα", "東京");
    private static final List<String> SEPARATORS = List.of(" ", "  ", ", ", "; ", "-", "—", "\t", "'s ", "!? ");

    @Test
    void countsOfFiftyMegabytesOfTextEqualAnIndependentCount() throws IOException, InterruptedException {
        Path input = Files.createDirectories(work.resolve("input"));
        long bytes = 0;
        SplittableRandom random = new SplittableRandom(42);
        for (int file = 0; bytes < 52L << 20; file++) {
            bytes += writeText(input.resolve("text-" + file + ".txt"), 9L << 20, random);
        }
        Path output = work.resolve("output");
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "3"));

        LocalJobs.execute(new LocalExecutor(configuration), new WordCount(),
                JobParams.of(Map.of("input", input.toString(), "output", output.toString())));

        assertThat(OutputFiles.finishedParts(output)).hasSize(3);
        assertThat(OutputFiles.counts(output)).isEqualTo(countIndependently(input));
    }

    /** Writes lines of random words until the file has about {@code size} bytes; returns its size. */
    private static long writeText(Path file, long size, SplittableRandom random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            while (written < size) {
                StringBuilder line = new StringBuilder();
                int words = random.nextInt(0, 20);
                for (int i = 0; i < words; i++) {
                    line.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
                    if (random.nextInt(4) == 0) {
                        line.append(random.nextInt(1000));
                    }
                    line.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
                }
                line.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
                out.write(line.toString());
                written += line.toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return Files.size(file);
    }

    /** The specification's tokenisation, written separately from the job's: regex split on non-alphanumerics. */
    private static Map<String, Long> countIndependently(Path input) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (var files = Files.list(input)) {
            for (Path file : files.toList()) {
                for (String token : Files.readString(file).toLowerCase(Locale.ROOT)
                        .split("[^\\p{IsLetter}\\p{IsDigit}]+")) {
                    if (!token.isEmpty()) {
                        counts.merge(token, 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
