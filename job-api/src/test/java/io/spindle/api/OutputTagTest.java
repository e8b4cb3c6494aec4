package io.spindle.api;

import io.spindle.api.codec.Codecs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTagTest {

    @Test
    void tagsOfTheSameNameAreEqual() {
        assertThat(new OutputTag<>("late", Codecs.STRING)).isEqualTo(new OutputTag<>("late", Codecs.STRING))
                .hasSameHashCodeAs(new OutputTag<>("late", Codecs.STRING))
                .isNotEqualTo(new OutputTag<>("early", Codecs.STRING));
    }

    @Test
    void aTagNeedsAName() {
        assertThatThrownBy(() -> new OutputTag<>(" ", Codecs.LONG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a side output needs a non-empty name");
        assertThatThrownBy(() -> new OutputTag<>(null, Codecs.LONG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTagNeedsACodec() {
        assertThatThrownBy(() -> new OutputTag<>("late", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("codec of side output late");
    }
}
