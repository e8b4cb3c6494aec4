package io.spindle.client.yarn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibraryArchiveTest {

    @TempDir
    Path directory;

    @Test
    void zipsTheJarsOfTheDirectoryFlatAndNothingElse() throws IOException {
        Files.writeString(directory.resolve("b.jar"), "bee");
        Files.writeString(directory.resolve("a.jar"), "ay");
        Files.writeString(directory.resolve("notes.txt"), "not shipped");
        Files.createDirectories(directory.resolve("nested")).resolve("c.jar");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        LibraryArchive.write(directory, zip);

        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry.getName() + "=" + new String(in.readAllBytes()));
            }
        }
        assertThat(entries).containsExactly("a.jar=ay", "b.jar=bee");
    }

    @Test
    void refusesADirectoryWithoutJars() {
        assertThatThrownBy(() -> LibraryArchive.write(directory, new ByteArrayOutputStream()))
                .isInstanceOf(YarnClusterException.class)
                .hasMessage("library directory " + directory + " has no jars");
    }
}
