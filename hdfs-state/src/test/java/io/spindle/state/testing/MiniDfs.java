package io.spindle.state.testing;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.io.IOException;
import java.nio.file.Path;

/** A MiniDFSCluster of one NameNode and one DataNode under a test's directory, set up to write small files fast. */
public final class MiniDfs {

    private MiniDfs() { }

    /** Starts it with {@code configuration}, to which it adds its own settings; waits until it is active. */
    public static MiniDFSCluster start(Path directory, Configuration configuration) throws IOException {
        configuration.set("hadoop.tmp.dir", directory.resolve("tmp").toString());
        configuration.setInt("dfs.replication", 1);
        // close() asks the NameNode to complete the file before the DataNode has reported the block, and
        // the client's first retry waits 400 ms: 180 ms per file on average here, 20 ms with 5 ms
        configuration.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 5);
        // doubling from 5 ms, up to 20 s in all: the default 5 retries give up after 155 ms on a loaded machine
        configuration.setInt("dfs.client.block.write.locateFollowingBlock.retries", 12);
        configuration.setInt("dfs.heartbeat.interval", 1);
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(configuration, directory.resolve("dfs").toFile())
                .numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }
}
