package io.spindle.minicluster;

import io.spindle.master.yarn.HadoopSiteFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.rmnode.RMNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HDFS (one NameNode, one DataNode) and YARN (one ResourceManager, some NodeManagers) in this
 * JVM, with all their files under one directory and their ports chosen free. Containers are real
 * processes on this machine.
 *
 * <p>Two clusters in one JVM work only in part: once the second has started, applications submitted to
 * the first get ids with the second's cluster timestamp and never run (observed; Hadoop's ResourceManager
 * keeps that timestamp JVM-wide). Submit to the first cluster before starting the second, or use two JVMs.
 */
public final class EmbeddedCluster implements AutoCloseable {

    /** MiniYARNCluster finds its directory through this JVM-wide property; see {@link #startYarn}. */
    private static final String TEST_DATA_PROPERTY = "test.build.data";
    private static final Object TEST_DATA_PROPERTY_LOCK = new Object();
    private static final long NODE_MANAGERS_TIMEOUT_MS = 60_000;
    /** The ResourceManager's and NodeManagers' web apps share this JVM, which Guice warns about on java.util.logging. */
    private static final java.util.logging.Logger GUICE_FILTER_LOG =
            java.util.logging.Logger.getLogger("org.apache.hadoop.shaded.com.google.inject.servlet.GuiceFilter");

    static {
        GUICE_FILTER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Path baseDirectory;
    private final MiniDFSCluster hdfs;
    private final MiniYARNCluster yarn;
    private final Map<String, String> clientSettings;

    private EmbeddedCluster(Path baseDirectory, MiniDFSCluster hdfs, MiniYARNCluster yarn, Map<String, String> clientSettings) {
        this.baseDirectory = baseDirectory;
        this.hdfs = hdfs;
        this.yarn = yarn;
        this.clientSettings = clientSettings;
    }

    /** Starts the cluster under {@code baseDirectory} and returns once every NodeManager can take containers. */
    public static EmbeddedCluster start(Path baseDirectory, int nodeManagers) throws IOException {
        if (nodeManagers < 1) {
            throw new IllegalArgumentException("an embedded cluster needs at least one NodeManager, got " + nodeManagers);
        }
        Path base = Files.createDirectories(baseDirectory.toAbsolutePath());
        EmbeddedClusterSettings.writeHttpSecret(base);
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(EmbeddedClusterSettings.hdfs(base), base.resolve("hdfs").toFile())
                .numDataNodes(1).build();
        MiniYARNCluster yarn = null;
        try {
            hdfs.waitActive();
            URI fileSystem = hdfs.getURI();
            Map<String, String> resourceManagerAddresses = EmbeddedClusterSettings.resourceManagerAddresses();
            yarn = startYarn(base, nodeManagers,
                    EmbeddedClusterSettings.yarn(base, fileSystem, resourceManagerAddresses));
            awaitRunningNodeManagers(yarn, nodeManagers);
            return new EmbeddedCluster(base, hdfs, yarn,
                    EmbeddedClusterSettings.client(fileSystem, resourceManagerAddresses));
        } catch (IOException | RuntimeException e) {
            if (yarn != null) {
                yarn.stop();
            }
            hdfs.shutdown(true);
            throw e;
        }
    }

    /**
     * MiniYARNCluster puts its files under the directory named by the {@code test.build.data}
     * system property, read once by its constructor: set it for that moment, one cluster at a time.
     */
    private static MiniYARNCluster startYarn(Path base, int nodeManagers, YarnConfiguration configuration) {
        MiniYARNCluster yarn;
        synchronized (TEST_DATA_PROPERTY_LOCK) {
            String previous = System.getProperty(TEST_DATA_PROPERTY);
            System.setProperty(TEST_DATA_PROPERTY, base.toString());
            try {
                yarn = new MiniYARNCluster("yarn", nodeManagers, 1, 1);
            } finally {
                if (previous == null) {
                    System.clearProperty(TEST_DATA_PROPERTY);
                } else {
                    System.setProperty(TEST_DATA_PROPERTY, previous);
                }
            }
        }
        yarn.init(configuration);
        yarn.start();
        return yarn;
    }

    /** An UNHEALTHY NodeManager (a full disk, say) is never given containers: fail now rather than hang later. */
    private static void awaitRunningNodeManagers(MiniYARNCluster yarn, int expected) throws IOException {
        long deadline = System.currentTimeMillis() + NODE_MANAGERS_TIMEOUT_MS;
        while (true) {
            Collection<RMNode> nodes = yarn.getResourceManager().getRMContext().getRMNodes().values();
            if (nodes.size() == expected && nodes.stream().allMatch(node -> node.getState() == NodeState.RUNNING)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the embedded NodeManagers did not all become healthy: " + nodes.stream()
                        .map(node -> node.getNodeID() + " " + node.getState() + " " + node.getHealthReport())
                        .collect(Collectors.joining("; ")) + " (" + nodes.size() + " of " + expected + " registered)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the NodeManagers", e);
            }
        }
    }

    /** A fresh client configuration for this cluster: its file system and ResourceManager. */
    public Configuration hadoopConfiguration() {
        Configuration configuration = new YarnConfiguration();
        clientSettings.forEach(configuration::set);
        return configuration;
    }

    /** Writes core-site.xml, hdfs-site.xml and yarn-site.xml for clients in other JVMs (HADOOP_CONF_DIR). */
    public void writeConfDir(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, Configuration> siteFile : HadoopSiteFiles.split(clientSettings.entrySet()).entrySet()) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(siteFile.getKey()))) {
                siteFile.getValue().writeXml(out);
            }
        }
    }

    public URI fileSystemUri() {
        return hdfs.getURI();
    }

    /** host:port of the ResourceManager's client service. */
    public String resourceManagerAddress() {
        return clientSettings.get(YarnConfiguration.RM_ADDRESS);
    }

    /** host:port of the ResourceManager's web UI and application proxy. */
    public String resourceManagerWebAddress() {
        return clientSettings.get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /** Stops YARN (killing any containers left), then HDFS; their ports are free afterwards. */
    @Override
    public void close() {
        try {
            yarn.stop();
        } finally {
            hdfs.shutdown(true);
        }
    }
}
