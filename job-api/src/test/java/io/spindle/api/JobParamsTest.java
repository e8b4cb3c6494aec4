package io.spindle.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobParamsTest {

    @Test
    void aFlagFollowedByAnotherFlagHasNoValueToRead() {
        JobParams params = JobParams.fromArgs(List.of("--keys", "--output", "/tmp/out"));

        assertThatThrownBy(() -> params.getLong("keys", 10)).isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --keys is given without a value");
        assertThat(params.required("output")).isEqualTo("/tmp/out");
    }

    @Test
    void aFlagGivenLastHasNoValueToRead() {
        JobParams params = JobParams.fromArgs(List.of("--records", "10", "--keys"));

        assertThatThrownBy(() -> params.required("keys")).isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --keys is given without a value");
    }

    @Test
    void aBareFlagIsTrueAsABoolean() {
        JobParams params = JobParams.fromArgs(List.of("--verbose"));

        assertThat(params.getBoolean("verbose", false)).isTrue();
        assertThat(params.toMap()).containsEntry("verbose", "true");
    }

    @Test
    void aNegativeNumberIsAValueNotAFlag() {
        assertThat(JobParams.fromArgs(List.of("--records", "-5")).requiredLong("records")).isEqualTo(-5);
    }
}
