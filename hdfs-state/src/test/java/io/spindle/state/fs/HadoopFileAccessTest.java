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

    @TempDir
    Path work;

    private final FileAccess files = new HadoopFileAccess(new Configuration());

    @Test
    void aHiddenFileOrDirectoryThePathNamesLiterallyIsListed() throws Exception {
        Files.createDirectories(work.resolve("_staging/2026"));
        Files.writeString(work.resolve("_staging/2026/part-0"), "line\n");
        Files.writeString(work.resolve("_SUCCESS"), "");

        assertThat(files.listFiles(work + "/_staging/*/part-*")).extracting(FileAccess.FileInfo::path)
                .singleElement().asString().endsWith("/_staging/2026/part-0");
        assertThat(files.listFiles(work + "/_SUCCESS")).hasSize(1);
    }

    @Test
    void aPathOrPatternThatMatchesNothingListsNoFiles() throws Exception {
        assertThat(files.listFiles(work + "/missing")).isEmpty();
        assertThat(files.listFiles(work + "/missing-*/part-*")).isEmpty();
    }

    @Test
    void aLocalFileHasTheLocalFileSystemsBlockSize() throws Exception {
        Files.writeString(work.resolve("part-0"), "line\n");

        assertThat(files.listFiles(work.toString())).singleElement()
                .extracting(FileAccess.FileInfo::blockSize).isEqualTo(32L << 20);
    }

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

    @Test
    void aDirectoryWithAnEntryIsNotDeletedAsEmpty() throws IOException {
        Files.createDirectories(work.resolve("attempt/writer"));
        Files.writeString(work.resolve("attempt/writer/part-0"), "staged");

        assertThat(files.deleteIfEmpty(work.resolve("attempt").toString())).isFalse();
        assertThat(work.resolve("attempt/writer/part-0")).hasContent("staged");
        assertThat(files.deleteIfEmpty(work.resolve("attempt/writer/missing").toString())).isTrue();
    }

    @Test
    void anEmptyDirectoryIsDeleted() throws IOException {
        Files.createDirectories(work.resolve("attempt"));

        assertThat(files.deleteIfEmpty(work.resolve("attempt").toString())).isTrue();
        assertThat(work.resolve("attempt")).doesNotExist();
    }
}
