package io.spindle.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hadoop settings carried in Spindle's configuration, as Flink does: {@code spindle.hadoop.<key>} (or
 * Flink's {@code flink.hadoop.<key>}) sets {@code <key>} in the Hadoop configuration Spindle uses for
 * checkpoints, savepoints and connectors, e.g. {@code spindle.hadoop.dfs.replication: 2}.
 */
public final class HadoopKeys {

    private static final String[] PREFIXES = {"spindle.hadoop.", "flink.hadoop."};

    private HadoopKeys() { }

    public static boolean isHadoopKey(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /** The Hadoop keys and values of {@code configuration}, prefixes removed; Spindle's prefix wins a tie. */
    public static Map<String, String> of(Configuration configuration) {
        Map<String, String> hadoop = new LinkedHashMap<>();
        for (int i = PREFIXES.length - 1; i >= 0; i--) {
            for (String key : configuration.keys()) {
                if (key.startsWith(PREFIXES[i]) && key.length() > PREFIXES[i].length()) {
                    hadoop.put(key.substring(PREFIXES[i].length()), configuration.raw(key).orElseThrow().raw());
                }
            }
        }
        return hadoop;
    }
}
