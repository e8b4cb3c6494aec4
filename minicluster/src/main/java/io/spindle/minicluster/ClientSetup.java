package io.spindle.minicluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a client of the embedded cluster needs: its Hadoop configuration directory and a Spindle configuration
 * sized for one machine (small containers, checkpoints into the cluster's HDFS every 300 ms, savepoints there
 * too, quick restarts),
 * as the environment {@code spindle} reads them from.
 */
public final class ClientSetup {

    private ClientSetup() { }

    /** Writes both directories under {@code directory}; returns {@code HADOOP_CONF_DIR} and {@code SPINDLE_CONF_DIR}. */
    public static Map<String, String> write(EmbeddedCluster cluster, Path directory) throws IOException {
        Path hadoopConf = directory.resolve("hadoop-conf");
        cluster.writeConfDir(hadoopConf);
        Path spindleConf = Files.createDirectories(directory.resolve("spindle-conf"));
        Files.writeString(spindleConf.resolve("spindle-conf.yaml"), String.join("\n",
                "jobmanager.memory.process.size: 512m",
                "taskmanager.memory.process.size: 512m",
                "taskmanager.numberOfTaskSlots: 1",
                "parallelism.default: 2",
                "execution.checkpointing.interval: 300 ms",
                "execution.checkpointing.dir: " + cluster.fileSystemUri() + "/checkpoints",
                "execution.checkpointing.incremental: true",
                "execution.checkpointing.savepoint-dir: " + cluster.fileSystemUri() + "/savepoints",
                "state.backend.rocksdb.memory.managed-size: 32m",
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 3",
                "restart-strategy.fixed-delay.delay: 500 ms",
                "heartbeat.interval: 1 s",
                "heartbeat.timeout: 10 s",
                ""));
        return Map.of("HADOOP_CONF_DIR", hadoopConf.toString(), "SPINDLE_CONF_DIR", spindleConf.toString());
    }
}
