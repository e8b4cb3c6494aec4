package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;

import java.util.Arrays;
import java.util.Map;

/**
 * The client's Hadoop settings that containers need to reach the cluster: those set by site
 * files or code rather than by Hadoop's {@code *-default.xml} files. Shipping the whole
 * configuration would ship every default of the client's Hadoop version as if it were a choice.
 * Whoever builds the client configuration must keep JVM-local settings out of it (a
 * MiniDFSCluster's test-only topology class, for one: the containers do not have it).
 */
final class ShippedHadoopSettings {

    private ShippedHadoopSettings() { }

    static Configuration of(Configuration client) {
        Configuration shipped = new Configuration(false);
        for (Map.Entry<String, String> setting : client) {
            if (!fromDefaultsOnly(client.getPropertySources(setting.getKey()))) {
                shipped.set(setting.getKey(), setting.getValue());
            }
        }
        return shipped;
    }

    private static boolean fromDefaultsOnly(String[] sources) {
        return sources != null && Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
    }
}
