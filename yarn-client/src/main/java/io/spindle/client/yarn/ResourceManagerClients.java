package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.util.Arrays;

/** Starts YarnClients that give up on an unreachable ResourceManager in seconds rather than Hadoop's 15 minutes. */
final class ResourceManagerClients {

    private static final long CONNECT_MAX_WAIT_MS = 10_000;
    private static final long CONNECT_RETRY_INTERVAL_MS = 1_000;

    private ResourceManagerClients() { }

    static YarnClient start(Configuration configuration) {
        YarnConfiguration yarnConfiguration = new YarnConfiguration(configuration);
        setUnlessConfigured(yarnConfiguration, YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, CONNECT_MAX_WAIT_MS);
        setUnlessConfigured(yarnConfiguration, YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, CONNECT_RETRY_INTERVAL_MS);
        // Retrying is the ResourceManager proxy's job (the two settings above); the RPC layer's own
        // retries inside each of its attempts would multiply the wait, 10 s per attempt by default.
        yarnConfiguration.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_KEY, 0);
        yarnConfiguration.setInt(CommonConfigurationKeysPublic.IPC_CLIENT_CONNECT_MAX_RETRIES_ON_SOCKET_TIMEOUTS_KEY, 0);
        YarnClient client = YarnClient.createYarnClient();
        client.init(yarnConfiguration);
        client.start();
        return client;
    }

    /** A value the user's configuration files set wins; Hadoop's own default does not. */
    private static void setUnlessConfigured(Configuration configuration, String key, long value) {
        String[] sources = configuration.getPropertySources(key);
        boolean onlyDefault = sources == null || Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
        if (onlyDefault) {
            configuration.setLong(key, value);
        }
    }
}
