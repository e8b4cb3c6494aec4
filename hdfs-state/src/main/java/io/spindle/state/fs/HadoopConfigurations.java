package io.spindle.state.fs;

import io.spindle.core.config.HadoopKeys;

/** The Hadoop configuration a job uses: Hadoop's own files on the class path, then the job's Hadoop keys. */
public final class HadoopConfigurations {

    private HadoopConfigurations() { }

    public static org.apache.hadoop.conf.Configuration of(io.spindle.core.config.Configuration configuration) {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        HadoopKeys.of(configuration).forEach(hadoop::set);
        return hadoop;
    }
}
