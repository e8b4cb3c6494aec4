package io.spindle.master.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;

/** Input files of file source tests: each line names its file and number, so every line is distinct. */
final class TextInput {

    private TextInput() { }

    /** Writes {@code count} lines {@code <file name>-<i>} to the file, creating its directory; returns them. */
    static List<String> write(Path file, int count) throws IOException {
        List<String> lines = lines(file, count);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return lines;
    }

    /** As {@link #write}, under a hidden name renamed at the end: a monitoring source never sees half a file. */
    static List<String> publish(Path file, int count) throws IOException {
        List<String> lines = lines(file, count);
        Path hidden = file.resolveSibling("." + file.getFileName());
        Files.createDirectories(file.getParent());
        Files.write(hidden, lines);
        Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE);
        return lines;
    }

    private static List<String> lines(Path file, int count) {
        return IntStream.range(0, count).mapToObj(i -> file.getFileName() + "-" + i).toList();
    }
}
