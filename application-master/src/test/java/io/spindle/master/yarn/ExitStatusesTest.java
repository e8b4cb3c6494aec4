package io.spindle.master.yarn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExitStatusesTest {

    @Test
    void namesYarnsCodesAndSignalsAndLeavesOtherExitCodesPlain() {
        assertThat(ExitStatuses.describe(-102)).isEqualTo("exit status -102 (preempted)");
        assertThat(ExitStatuses.describe(137)).isEqualTo("exit status 137 (killed by SIGKILL)");
        assertThat(ExitStatuses.describe(3)).isEqualTo("exit status 3");
    }
}
