package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;
import io.spindle.state.testing.MiniDfs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check before a restore on hdfs://, where the DataNodes compose each file's CRC32C from their block checksums.
 * Blocks of 4 KiB, so that the state files span several.
 */
@Tag("integration")
class SavepointVerifierOnHdfsTest {

    private static final int BLOCK_BYTES = 4096;

    @TempDir
    static java.nio.file.Path clusterDirectory;

    private static MiniDFSCluster cluster;
    private static Configuration configuration;

    @TempDir
    java.nio.file.Path tempDir;

    private SavepointTesting testing;
    private CompletedCheckpoint savepoint;
    /** The savepoint's largest file. */
    private StateFile file;

    @BeforeAll
    static void startMiniDfs() throws IOException {
        configuration = new Configuration();
        configuration.setLong("dfs.namenode.fs-limits.min-block-size", 0);
        configuration.setLong("dfs.blocksize", BLOCK_BYTES);
        cluster = MiniDfs.start(clusterDirectory, configuration);
    }

    @AfterAll
    static void stopMiniDfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @BeforeEach
    void copySavepointToHdfs(TestInfo test) throws IOException {
        testing = new SavepointTesting(tempDir);
        CompletedCheckpoint local = testing.savepoint(SavepointFormat.CANONICAL, 2);
        savepoint = Savepoints.copy(local.directory(), cluster.getURI() + "/" + test.getTestMethod().orElseThrow()
                .getName(), configuration);
        file = SavepointVerifier.referencedFiles(savepoint).values().stream()
                .max(Comparator.comparingLong(StateFile::size)).orElseThrow();
        assertThat(file.size()).as("size of %s", file.path()).isGreaterThan(2 * BLOCK_BYTES);
    }

    @AfterEach
    void tearDown() throws Exception {
        testing.close();
    }

    @Test
    void aCompleteSavepointPassesWithoutReadingItsFiles() throws IOException {
        long before = hdfsBytesRead();

        assertThat(SavepointVerifier.checkBeforeRestore(savepoint, configuration)).isEmpty();
        assertThat(hdfsBytesRead() - before).isZero();
    }

    @Test
    void aFlippedByteInAFileOfSeveralBlocksIsAChecksumMismatch() throws IOException {
        Path path = new Path(savepoint.resolve(file));
        FileSystem fileSystem = path.getFileSystem(configuration);
        byte[] bytes = new byte[(int) file.size()];
        try (FSDataInputStream in = fileSystem.open(path)) {
            in.readFully(bytes);
        }
        bytes[bytes.length / 2 + 1] ^= 0x10;
        try (FSDataOutputStream out = fileSystem.create(path, true)) {
            out.write(bytes);
        }

        assertThat(SavepointVerifier.checkBeforeRestore(savepoint, configuration)).singleElement().asString()
                .startsWith(savepoint.resolve(file) + " checksum mismatch").endsWith("corrupted");
    }

    private static long hdfsBytesRead() {
        return FileSystem.getGlobalStorageStatistics().get("hdfs").getLong("bytesRead");
    }
}
