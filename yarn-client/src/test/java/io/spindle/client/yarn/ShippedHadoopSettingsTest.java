package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedHadoopSettingsTest {

    @Test
    void shipsWhatWasSetAndNoneOfHadoopsDefaults() {
        Configuration client = new YarnConfiguration();
        client.set("fs.defaultFS", "hdfs://namenode:8020");
        client.set("yarn.resourcemanager.scheduler.address", "rm:8030");

        assertThat(settings(ShippedHadoopSettings.of(client))).isEqualTo(Map.of(
                "fs.defaultFS", "hdfs://namenode:8020",
                "yarn.resourcemanager.scheduler.address", "rm:8030"));
    }

    private static Map<String, String> settings(Configuration configuration) {
        Map<String, String> settings = new HashMap<>();
        configuration.forEach(setting -> settings.put(setting.getKey(), setting.getValue()));
        return settings;
    }
}
