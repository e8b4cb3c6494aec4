package io.spindle.master.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The parts a file sink published under a directory, in its buckets too; staged ones are hidden and skipped. */
final class PublishedParts {

    private PublishedParts() { }

    static List<Path> under(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !directory.relativize(file).toString().startsWith("."))
                    .filter(file -> file.getFileName().toString().startsWith("part-"))
                    .sorted().toList();
        }
    }

    /** Every line of every published part, as a number, sorted. */
    static List<Long> numbers(Path directory) throws IOException {
        List<Long> numbers = new ArrayList<>();
        for (Path part : under(directory)) {
            Files.readAllLines(part).forEach(line -> numbers.add(Long.parseLong(line)));
        }
        numbers.sort(null);
        return numbers;
    }
}
