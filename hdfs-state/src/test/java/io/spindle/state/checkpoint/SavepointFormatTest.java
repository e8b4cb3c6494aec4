package io.spindle.state.checkpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointFormatTest {

    @Test
    void formatsParseInAnyCase() {
        assertThat(SavepointFormat.parse("canonical")).isEqualTo(SavepointFormat.CANONICAL);
        assertThat(SavepointFormat.parse("NATIVE")).isEqualTo(SavepointFormat.NATIVE);
        assertThat(SavepointFormat.parse("Native")).isEqualTo(SavepointFormat.NATIVE);
    }

    @Test
    void anUnknownFormatIsRejectedListingTheAllowedOnes() {
        assertThatThrownBy(() -> SavepointFormat.parse("rocksdb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown savepoint format 'rocksdb': expected one of canonical, native");
    }
}
