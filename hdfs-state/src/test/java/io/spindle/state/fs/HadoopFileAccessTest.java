package io.spindle.state.fs;

import io.spindle.api.connectors.FileAccess;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HadoopFileAccessTest {

    private final FileAccess files = new HadoopFileAccess(new Configuration());

    @TempDir
    Path work;

    @Test
    void aRenameCreatesTheDirectoriesOfItsTarget() throws IOException {
        Path source = Files.writeString(work.resolve("staged"), "part");
        Path target = work.resolve("dt=2024-01-01").resolve("hour=00").resolve("part-0");

        files.rename(source.toString(), target.toString());

        assertThat(target).hasContent("part");
        assertThat(source).doesNotExist();
    }

    @Test
    void aRenameOntoAnExistingFileFailsLeavingBoth() throws IOException {
        Path source = Files.writeString(work.resolve("staged"), "new");
        Path target = Files.writeString(work.resolve("published"), "old");

        assertThatThrownBy(() -> files.rename(source.toString(), target.toString()))
                .hasMessageContaining("the target exists");
        assertThat(target).hasContent("old");
        assertThat(source).hasContent("new");
    }

    @Test
    void onlyAnExistingFileIsAFile() throws IOException {
        Path file = Files.writeString(work.resolve("file"), "x");

        assertThat(files.isFile(file.toString())).isTrue();
        assertThat(files.isFile(work.toString())).isFalse();
        assertThat(files.isFile(work.resolve("absent").toString())).isFalse();
    }
}
