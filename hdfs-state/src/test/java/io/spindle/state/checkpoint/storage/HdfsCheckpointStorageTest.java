package io.spindle.state.checkpoint.storage;

import io.spindle.state.testing.MiniDfs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on hdfs://, against one MiniDFSCluster (one NameNode, one DataNode) for the class. */
@Tag("integration")
class HdfsCheckpointStorageTest extends CheckpointStorageContractTest {

    @TempDir
    static Path clusterDirectory;

    private static MiniDFSCluster cluster;
    private static Configuration configuration;

    @BeforeAll
    static void startMiniDfs() throws IOException {
        configuration = new Configuration();
        long start = System.nanoTime();
        cluster = MiniDfs.start(clusterDirectory, configuration);
        System.out.printf("MiniDFSCluster at %s started in %d ms%n", cluster.getURI(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopMiniDfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Override
    protected String checkpointsBaseUri(String testName) {
        assertThat(cluster.getURI().getScheme()).isEqualTo("hdfs");
        return cluster.getURI() + "/checkpoints/" + testName;
    }

    @Override
    protected Configuration hadoopConfiguration() {
        return configuration;
    }

    @Override
    protected int manyCheckpoints() {
        return 30;
    }
}
