package io.spindle.client.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStatusTest {

    private static ApplicationStatus registeredAt(String originalTrackingUrl) {
        return new ApplicationStatus(ApplicationId.newInstance(1_700_000_000_000L, 1), "KeyedCounts", "SPINDLE", "alice",
                "default", YarnApplicationState.RUNNING, FinalApplicationStatus.UNDEFINED, "",
                "http://rm:8088/proxy/application_1700000000000_0001/", originalTrackingUrl, "nm-1", 0);
    }

    @Test
    void theMasterUrlIsTheAddressTheMasterRegistered() {
        assertThat(registeredAt("http://nm-1:40123/").masterUrl()).hasValue(URI.create("http://nm-1:40123/"));
        assertThat(registeredAt("http://nm-1:40123").masterUrl()).hasValue(URI.create("http://nm-1:40123/"));
    }

    @Test
    void thereIsNoMasterUrlBeforeTheMasterRegisters() {
        assertThat(registeredAt(null).masterUrl()).isEmpty();
        assertThat(registeredAt("").masterUrl()).isEmpty();
        assertThat(registeredAt("N/A").masterUrl()).isEmpty();
        assertThat(registeredAt("nm-1:40123").masterUrl()).isEmpty();
    }
}
