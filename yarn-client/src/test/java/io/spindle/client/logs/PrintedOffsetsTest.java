package io.spindle.client.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PrintedOffsetsTest {

    private static final String CONTAINER = "container_1_0001_01_000001";

    private final PrintedOffsets offsets = new PrintedOffsets();

    @Test
    void asksForTheBytesAfterThosePrinted() {
        offsets.printedUpTo(CONTAINER, "spindle.log", 100);

        assertThat(offsets.tailSize(CONTAINER, "spindle.log", 130)).isEqualTo(-30);
        assertThat(offsets.tailSize(CONTAINER, "spindle.log", 100)).isZero();
        assertThat(offsets.tailSize(CONTAINER, "stdout", 7)).isEqualTo(-7);
    }

    @Test
    void readsAFileShorterThanWhatWasPrintedFromItsStart() {
        offsets.printedUpTo(CONTAINER, "spindle.log", 100);

        assertThat(offsets.tailSize(CONTAINER, "spindle.log", 40)).isEqualTo(-40);
    }

    @Test
    void keepsOnlyTheUnprintedPartOfATailThatReachesBackFurther() {
        offsets.printedUpTo(CONTAINER, "spindle.log", 8);

        byte[] unprinted = offsets.unprinted(frame(12, 6), "bcdefg".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(unprinted, StandardCharsets.UTF_8)).isEqualTo("defg");
        assertThat(offsets.tailSize(CONTAINER, "spindle.log", 12)).isZero();
    }

    @Test
    void refusesATailThatStartsAfterTheFirstUnprintedByte() {
        offsets.printedUpTo(CONTAINER, "spindle.log", 8);

        assertThat(offsets.unprinted(frame(20, 4), "wxyz".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(offsets.tailSize(CONTAINER, "spindle.log", 20)).isEqualTo(-12);
    }

    private static LogFrame frame(long length, long bodyLength) {
        return new LogFrame(CONTAINER, "host:1", "spindle.log", "LOCAL", length, bodyLength);
    }
}
