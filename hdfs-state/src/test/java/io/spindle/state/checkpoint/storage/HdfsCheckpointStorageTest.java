package io.spindle.state.checkpoint.storage;

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
        configuration.set("hadoop.tmp.dir", clusterDirectory.resolve("tmp").toString());
        configuration.setInt("dfs.replication", 1);
        // close() asks the NameNode to complete the file before the DataNode has reported the block, and
        // the client's first retry waits 400 ms: 180 ms per file on average here, 20 ms with 5 ms
        configuration.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 5);
        configuration.setInt("dfs.heartbeat.interval", 1);
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        long start = System.nanoTime();
        cluster = new MiniDFSCluster.Builder(configuration, clusterDirectory.resolve("dfs").toFile())
                .numDataNodes(1).build();
        cluster.waitActive();
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
