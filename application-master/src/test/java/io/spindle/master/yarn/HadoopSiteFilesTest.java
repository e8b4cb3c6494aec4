package io.spindle.master.yarn;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HadoopSiteFilesTest {

    @Test
    void putsYarnAndHdfsSettingsInTheirOwnFilesAndTheRestInCoreSite() {
        Map<String, org.apache.hadoop.conf.Configuration> files = HadoopSiteFiles.split(Map.of(
                "yarn.resourcemanager.scheduler.address", "rm:8030",
                "dfs.replication", "1",
                "fs.defaultFS", "hdfs://nn:8020").entrySet());

        assertThat(files).containsOnlyKeys("core-site.xml", "hdfs-site.xml", "yarn-site.xml");
        assertThat(files.get("yarn-site.xml").get("yarn.resourcemanager.scheduler.address")).isEqualTo("rm:8030");
        assertThat(files.get("hdfs-site.xml").get("dfs.replication")).isEqualTo("1");
        assertThat(files.get("core-site.xml").get("fs.defaultFS")).isEqualTo("hdfs://nn:8020");
        assertThat(files.get("core-site.xml").get("yarn.resourcemanager.scheduler.address")).isNull();
    }
}
