package io.spindle.examples.nexmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The totals a query's checksum sink published: the sum over its subtasks' files. */
final class PublishedTotals {

    private PublishedTotals() { }

    static Totals in(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("checksum-"))
                    .map(PublishedTotals::read)
                    .reduce(Totals.NONE, Totals::plus);
        }
    }

    private static Totals read(Path file) {
        try {
            return Totals.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
