package io.spindle.connectors.kafka;

import io.spindle.api.connectors.ConnectorSettingsException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the Kafka source and sink check from the client before a job is submitted, each answer within a bounded time
 * so that a cluster nothing answers for refuses the job in about {@link #TIMEOUT} instead of hanging it.
 */
final class KafkaPreflight implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final Admin admin;

    private KafkaPreflight(String bootstrapServers, Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /** An admin client on the cluster; refuses servers that do not answer. */
    static KafkaPreflight connect(String bootstrapServers, Map<String, String> clientProperties)
            throws ConnectorSettingsException {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int millis = (int) TIMEOUT.toMillis();
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis / 2);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 4_000);
        Admin admin;
        try {
            admin = Admin.create(properties);
        } catch (KafkaException e) {
            throw new ConnectorSettingsException("bootstrap servers '" + bootstrapServers + "': " + rootMessage(e));
        }
        KafkaPreflight preflight = new KafkaPreflight(bootstrapServers, admin);
        try {
            preflight.get(admin.describeCluster().nodes(), "list its brokers");
        } catch (ConnectorSettingsException e) {
            preflight.close();
            throw e;
        }
        return preflight;
    }

    /** Refuses topics that do not exist, naming them. */
    void checkTopicsExist(Collection<String> topics) throws ConnectorSettingsException {
        if (topics.isEmpty()) {
            return;
        }
        Set<String> existing = get(admin.listTopics().names(), "list its topics");
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConnectorSettingsException((missing.size() == 1 ? "topic '" + missing.get(0) + "' does"
                    : "topics " + missing + " do") + " not exist on " + bootstrapServers);
        }
    }

    /** A broker setting, as one of the brokers has it. */
    String brokerConfig(String name) throws ConnectorSettingsException {
        Collection<Node> nodes = get(admin.describeCluster().nodes(), "list its brokers");
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, nodes.iterator().next().idString());
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(List.of(broker)).all(),
                "describe a broker's configuration");
        ConfigEntry entry = configs.get(broker).get(name);
        return entry == null ? null : entry.value();
    }

    private <V> V get(KafkaFuture<V> future, String what) throws ConnectorSettingsException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ConnectorSettingsException("bootstrap servers '" + bootstrapServers + "': no broker answered"
                    + " within " + TIMEOUT.toSeconds() + " s (asked to " + what + ")");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new ConnectorSettingsException("bootstrap servers '" + bootstrapServers + "': no broker"
                        + " answered within " + TIMEOUT.toSeconds() + " s (asked to " + what + ")");
            }
            throw new ConnectorSettingsException("bootstrap servers '" + bootstrapServers + "': could not " + what
                    + ": " + rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorSettingsException("interrupted while asking Kafka to " + what);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
