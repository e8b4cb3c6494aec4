package io.spindle.examples.recovery;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** The exactly-once suite with checkpoints on HDFS (hdfs://), one MiniDFSCluster for the class. */
@Tag("integration")
class ExactlyOnceOnHdfsTest extends ExactlyOnceContract {

    /** HdfsConstants.QUOTA_DONT_SET and QUOTA_RESET. */
    private static final long QUOTA_DONT_SET = Long.MAX_VALUE;
    private static final long QUOTA_RESET = -1L;
    /** close() waits for the DataNode's block report; the client's first retry otherwise waits 400 ms. */
    private static final String BLOCK_DELAY_KEY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    /** Doubling from 5 ms, up to 20 s in all: the default 5 retries give up after 155 ms on a loaded machine. */
    private static final String BLOCK_RETRIES_KEY = "dfs.client.block.write.locateFollowingBlock.retries";

    @TempDir
    static java.nio.file.Path clusterDirectory;
    private static MiniDFSCluster cluster;

    @TempDir
    java.nio.file.Path work;

    @BeforeAll
    static void startMiniDfs() throws IOException {
        Configuration configuration = new Configuration();
        configuration.set("hadoop.tmp.dir", clusterDirectory.resolve("tmp").toString());
        configuration.setInt("dfs.replication", 1);
        configuration.setInt(BLOCK_DELAY_KEY, 5);
        configuration.setInt(BLOCK_RETRIES_KEY, 12);
        configuration.setInt("dfs.heartbeat.interval", 1);
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        cluster = new MiniDFSCluster.Builder(configuration, clusterDirectory.resolve("dfs").toFile())
                .numDataNodes(1).build();
        cluster.waitActive();
    }

    @AfterAll
    static void stopMiniDfs() {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Override
    protected String checkpointBase() {
        return cluster.getURI() + "/checkpoints/" + UUID.randomUUID();
    }

    @Override
    protected Map<String, String> fileSystemSettings() {
        return Map.of("spindle.hadoop." + BLOCK_DELAY_KEY, "5", "spindle.hadoop." + BLOCK_RETRIES_KEY, "12");
    }

    @Override
    protected FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    @Override
    protected java.nio.file.Path localDirectory() {
        return work;
    }

    /** A space quota of one byte: every new block in the directory is refused, even for the superuser. */
    @Override
    protected void refuseUploads(Path shared) throws IOException {
        ((DistributedFileSystem) fileSystem()).setQuota(shared, QUOTA_DONT_SET, 1);
    }

    @Override
    protected void allowUploads(Path shared) throws IOException {
        ((DistributedFileSystem) fileSystem()).setQuota(shared, QUOTA_DONT_SET, QUOTA_RESET);
    }
}
