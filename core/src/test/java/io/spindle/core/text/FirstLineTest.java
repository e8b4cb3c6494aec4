package io.spindle.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstLineTest {

    @Test
    void keepsTheFirstLineOfARemoteExceptionsMessage() {
        assertThat(FirstLine.of("/savepoints/a-file (is not a directory)\n\tat org.apache.hadoop.Checker.check(C.java:9)"
                + "\n\tat org.apache.hadoop.Server.run(S.java:1)")).isEqualTo("/savepoints/a-file (is not a directory)");
    }

    @Test
    void skipsLeadingBlankLinesAndStripsTheLine() {
        assertThat(FirstLine.of("\n  \n  container killed  \nmore")).isEqualTo("container killed");
    }

    @Test
    void nullOrBlankTextHasAnEmptyFirstLine() {
        assertThat(FirstLine.of(null)).isEmpty();
        assertThat(FirstLine.of(" \n ")).isEmpty();
    }
}
