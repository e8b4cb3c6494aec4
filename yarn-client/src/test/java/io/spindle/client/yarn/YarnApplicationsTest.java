package io.spindle.client.yarn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YarnApplicationsTest {

    @Test
    void parsesApplicationIdsAndExplainsWhatIsNotOne() {
        assertThat(YarnApplications.parseId("application_1700000000000_0007").getId()).isEqualTo(7);
        assertThatThrownBy(() -> YarnApplications.parseId("job-7"))
                .isInstanceOf(YarnClusterException.class)
                .hasMessage("not an application id: job-7");
    }
}
