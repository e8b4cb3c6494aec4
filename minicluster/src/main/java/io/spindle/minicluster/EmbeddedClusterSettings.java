package io.spindle.minicluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the embedded HDFS and YARN servers, and the few a client needs to use them.
 * Chosen by measuring on small shared machines; the comments below say why each is set.
 */
final class EmbeddedClusterSettings {

    /** Per NodeManager: room for an ApplicationMaster and four workers of 1 GiB each. Bookkeeping only, no limit is enforced. */
    static final int NODE_MANAGER_MEMORY_MB = 8192;
    static final int NODE_MANAGER_VCORES = 16;
    private static final String HTTP_SECRET_FILE = "http-signature-secret";

    private EmbeddedClusterSettings() { }

    static Configuration hdfs(Path baseDirectory) {
        Configuration configuration = new Configuration();
        localDirectories(configuration, baseDirectory);
        configuration.setInt("dfs.replication", 1);
        configuration.setInt("dfs.heartbeat.interval", 1);
        configuration.setBoolean("dfs.webhdfs.enabled", false);
        return configuration;
    }

    static YarnConfiguration yarn(Path baseDirectory, URI fileSystem, Map<String, String> resourceManagerAddresses) {
        YarnConfiguration configuration = new YarnConfiguration();
        localDirectories(configuration, baseDirectory);
        configuration.set("fs.defaultFS", fileSystem.toString());
        // Fixed ports, chosen free: with ephemeral ones the RM's proxy URLs read localhost:0.
        configuration.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
        resourceManagerAddresses.forEach(configuration::set);

        // MiniYARNCluster copies this one over yarn.nodemanager.resource.memory-mb.
        configuration.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, NODE_MANAGER_MEMORY_MB);
        configuration.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MANAGER_MEMORY_MB);
        configuration.setInt(YarnConfiguration.NM_VCORES, NODE_MANAGER_VCORES);
        configuration.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        configuration.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        configuration.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // These disks are sometimes nearly full; at the default 90 % every NodeManager turns UNHEALTHY.
        configuration.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        configuration.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
        // Containers are granted on NodeManager heartbeats.
        configuration.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 200);
        // Stopping the cluster waits for log retention otherwise (34 s after five applications).
        configuration.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 1);
        // Ended applications' logs go to the cluster's HDFS (yarn.nodemanager.remote-app-log-dir), where
        // `spindle logs` reads them, as on a production cluster; rolling aggregation is left off (its shortest
        // interval is an hour unless lowered).
        configuration.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
        // So that repeated ApplicationMaster failures can be shown (Hadoop's default is 2).
        configuration.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 10);

        // The minicluster jar ships no capacity-scheduler.xml: one queue with everything.
        configuration.set("yarn.scheduler.capacity.root.queues", "default");
        configuration.set("yarn.scheduler.capacity.root.default.capacity", "100");
        // At the default 10 %, a second application's ApplicationMaster would wait for the first to end.
        configuration.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
        return configuration;
    }

    /** ResourceManager addresses on free loopback ports, by configuration key. */
    static Map<String, String> resourceManagerAddresses() throws IOException {
        List<String> keys = List.of(YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS);
        List<Integer> ports = FreePorts.pick(keys.size());
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            addresses.put(keys.get(i), "localhost:" + ports.get(i));
        }
        return addresses;
    }

    /** What a client of the cluster needs, by key. */
    static Map<String, String> client(URI fileSystem, Map<String, String> resourceManagerAddresses) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fs.defaultFS", fileSystem.toString());
        // One DataNode: files asking for three replicas would stay under-replicated.
        settings.put("dfs.replication", "1");
        // A closing file waits for the DataNode's block report; the client's first retry comes after 400 ms.
        // Retries double the wait: 12 from 5 ms wait up to 20 s in all, as Hadoop's defaults (5 from 400 ms) about
        // do; 5 from 5 ms gave up after 155 ms on a loaded machine, failing a checkpoint ("does not have enough
        // number of replicas").
        settings.put("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "5");
        settings.put("dfs.client.block.write.locateFollowingBlock.retries", "12");
        settings.putAll(resourceManagerAddresses);
        return settings;
    }

    /**
     * Keeps Hadoop's scratch files (Jetty's among them) under the cluster's directory instead of
     * /tmp, and points the web servers at a signing secret there: they look for one in the user's
     * home directory otherwise, and warn once per server when it is missing.
     */
    private static void localDirectories(Configuration configuration, Path baseDirectory) {
        Path tmp = baseDirectory.resolve("tmp");
        configuration.set("hadoop.tmp.dir", tmp.toString());
        configuration.set("hadoop.http.temp.dir", tmp.resolve("http").toString());
        configuration.set("hadoop.http.authentication.signature.secret.file", tmp.resolve(HTTP_SECRET_FILE).toString());
    }

    static void writeHttpSecret(Path baseDirectory) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path file = Files.createDirectories(baseDirectory.resolve("tmp")).resolve(HTTP_SECRET_FILE);
        Files.writeString(file, HexFormat.of().formatHex(secret));
    }
}
