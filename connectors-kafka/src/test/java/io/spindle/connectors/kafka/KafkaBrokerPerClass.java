package io.spindle.connectors.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One {@link EmbeddedKafkaBroker} for all tests of a class: started before the first, closed after the last.
 * {@code @RegisterExtension static final KafkaBrokerPerClass kafka = new KafkaBrokerPerClass();}
 */
public final class KafkaBrokerPerClass implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private EmbeddedKafkaBroker broker;

    public KafkaBrokerPerClass() {
        this(Map.of());
    }

    /** A broker with these broker settings over the defaults. */
    public KafkaBrokerPerClass(Map<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = EmbeddedKafkaBroker.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** An admin client on the broker; the caller closes it. */
    public Admin admin() {
        return broker.admin();
    }

    public void createTopic(String name, int partitions) throws Exception {
        broker.createTopic(name, partitions);
    }
}
