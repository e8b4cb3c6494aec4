package io.spindle.client.logs;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.logs.NodeManagerLogs.LogFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class NodeManagerLogsTest {

    @Test
    void findsTheLocalFilesOfAListingWhateverWrapsThem() throws IOException {
        String listing = """
                {"containerLogsInfo": [
                  {"containerLogInfo": [{"fileName": "spindle.log", "fileSize": "120", "lastModifiedTime": "x"},
                                        {"fileName": "stdout", "fileSize": 0, "lastModifiedTime": "x"}],
                   "logAggregationType": "LOCAL", "containerId": "container_1_0001_01_000001", "nodeId": "h:1"},
                  {"containerLogInfo": [{"fileName": "spindle.log.1", "fileSize": "64", "lastModifiedTime": "x"}],
                   "logAggregationType": "AGGREGATED", "containerId": "container_1_0001_01_000001", "nodeId": "h:1"}
                ]}""";

        assertThat(LogFile.listedIn(JSON.std.anyFrom(listing)))
                .containsExactly(new LogFile("spindle.log", 120), new LogFile("stdout", 0));
    }

    @Test
    void addsTheSchemeToANodeAddressWithoutOne() {
        assertThat(NodeManagerLogs.baseUri("host:8042", false)).isEqualTo("http://host:8042");
        assertThat(NodeManagerLogs.baseUri("host:8044", true)).isEqualTo("https://host:8044");
        assertThat(NodeManagerLogs.baseUri("http://host:8042/", false)).isEqualTo("http://host:8042");
    }
}
