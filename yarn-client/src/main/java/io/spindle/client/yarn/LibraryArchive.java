package io.spindle.client.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The runtime jars as one zip: one upload and one localization per node instead of one per jar.
 * YARN unpacks it as an ARCHIVE resource.
 */
final class LibraryArchive {

    private LibraryArchive() { }

    /** Writes the {@code *.jar} files directly in {@code libraryDirectory} to {@code out}, which it closes. */
    static void write(Path libraryDirectory, OutputStream out) throws IOException {
        List<Path> jars = jars(libraryDirectory);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // jars are compressed already: deflating them again costs seconds and saves nothing
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (Path jar : jars) {
                zip.putNextEntry(new ZipEntry(jar.getFileName().toString()));
                Files.copy(jar, zip);
                zip.closeEntry();
            }
        }
    }

    static List<Path> jars(Path libraryDirectory) throws IOException {
        if (!Files.isDirectory(libraryDirectory)) {
            throw new YarnClusterException("library directory " + libraryDirectory + " does not exist");
        }
        try (Stream<Path> files = Files.list(libraryDirectory)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (jars.isEmpty()) {
                throw new YarnClusterException("library directory " + libraryDirectory + " has no jars");
            }
            return jars;
        }
    }
}
