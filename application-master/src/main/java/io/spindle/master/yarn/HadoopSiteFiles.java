package io.spindle.master.yarn;

import org.apache.hadoop.conf.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hadoop settings split into the site files Hadoop reads them from. One file would not do:
 * Hadoop reads yarn-default.xml after core-site.xml, so yarn.* settings in core-site.xml lose to
 * their defaults (an ApplicationMaster then dials the scheduler at 0.0.0.0:8030), and likewise
 * dfs.* settings to hdfs-default.xml.
 */
public final class HadoopSiteFiles {

    public static final String CORE = "core-site.xml";
    public static final String HDFS = "hdfs-site.xml";
    public static final String YARN = "yarn-site.xml";
    public static final List<String> NAMES = List.of(CORE, HDFS, YARN);

    private HadoopSiteFiles() { }

    /** Every site file by name, each holding its share of {@code settings} (possibly none). */
    public static Map<String, Configuration> split(Iterable<Map.Entry<String, String>> settings) {
        Map<String, Configuration> files = new LinkedHashMap<>();
        NAMES.forEach(name -> files.put(name, new Configuration(false)));
        settings.forEach(setting -> files.get(fileFor(setting.getKey())).set(setting.getKey(), setting.getValue()));
        return files;
    }

    static String fileFor(String key) {
        if (key.startsWith("yarn.")) {
            return YARN;
        }
        return key.startsWith("dfs.") ? HDFS : CORE;
    }
}
