package io.spindle.api.windowing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWindowTest {

    @Test
    void theMaxTimestampIsTheLastMillisecondBeforeTheEnd() {
        assertThat(new TimeWindow(0, 10).maxTimestamp()).isEqualTo(9);
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> new TimeWindow(10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a window must end after it starts, got [10, 10)");
    }

    @Test
    void windowsThatTouchIntersect() {
        assertThat(new TimeWindow(0, 10).intersects(new TimeWindow(10, 20))).isTrue();
        assertThat(new TimeWindow(10, 20).intersects(new TimeWindow(0, 10))).isTrue();
    }

    @Test
    void windowsOneMillisecondApartDoNotIntersect() {
        assertThat(new TimeWindow(0, 10).intersects(new TimeWindow(11, 20))).isFalse();
        assertThat(new TimeWindow(11, 20).intersects(new TimeWindow(0, 10))).isFalse();
    }

    @Test
    void theCoverSpansBothWindowsAndTheGapBetweenThem() {
        assertThat(new TimeWindow(15, 20).cover(new TimeWindow(0, 10))).isEqualTo(new TimeWindow(0, 20));
    }

    @Test
    void windowsAreOrderedByStartThenEnd() {
        assertThat(new TimeWindow(0, 10)).isLessThan(new TimeWindow(0, 11)).isLessThan(new TimeWindow(1, 2));
    }

    @Test
    void aTimestampAtAWindowStartStartsTheWindow() {
        assertThat(TimeWindow.windowStart(10, 0, 5)).isEqualTo(10);
    }

    @Test
    void aTimestampBeforeAWindowStartIsInThePreviousWindow() {
        assertThat(TimeWindow.windowStart(9, 0, 5)).isEqualTo(5);
    }

    @Test
    void negativeTimestampsRoundDownToEarlierStarts() {
        assertThat(TimeWindow.windowStart(-1, 0, 5)).isEqualTo(-5);
        assertThat(TimeWindow.windowStart(-5, 0, 5)).isEqualTo(-5);
        assertThat(TimeWindow.windowStart(-6, 0, 5)).isEqualTo(-10);
    }

    @Test
    void anOffsetShiftsTheStarts() {
        assertThat(TimeWindow.windowStart(2, 3, 5)).isEqualTo(-2);
        assertThat(TimeWindow.windowStart(3, 3, 5)).isEqualTo(3);
        assertThat(TimeWindow.windowStart(2, -3, 5)).isEqualTo(2);
        assertThat(TimeWindow.windowStart(1, -3, 5)).isEqualTo(-3);
    }

    @Test
    void extremeTimestampsAndOffsetsDoNotOverflow() {
        assertThat(TimeWindow.windowStart(Long.MAX_VALUE, -4, 10)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(TimeWindow.windowStart(Long.MIN_VALUE + 10, 2, 10)).isEqualTo(Long.MIN_VALUE + 10);
    }

    @Test
    void aWindowStartNeedsAPositiveSize() {
        assertThatThrownBy(() -> TimeWindow.windowStart(1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window size must be positive, got 0");
    }

    @Test
    void theCodecWritesStartThenEndAsBigEndianLongs() throws IOException {
        assertThat(HexFormat.of().formatHex(encode(new TimeWindow(-1, 2))))
                .isEqualTo("ffffffffffffffff" + "0000000000000002");
        assertThat(TimeWindow.CODEC.id()).isEqualTo("time-window");
    }

    @Test
    void theCodecRoundTripsAWindow() throws IOException {
        TimeWindow window = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

        byte[] bytes = encode(window);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));

        assertThat(TimeWindow.CODEC.decode(in)).isEqualTo(window);
        assertThat(in.available()).isZero();
    }

    @Test
    void theCodecRefusesToDecodeAnEmptyWindow() {
        byte[] bytes = HexFormat.of().parseHex("0000000000000002" + "0000000000000002");

        assertThatThrownBy(() -> TimeWindow.CODEC.decode(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class)
                .hasMessage("time-window: a window must end after it starts, got [2, 2)");
    }

    @Test
    void theCodecRefusesNull() {
        assertThatThrownBy(() -> encode(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("time-window");
    }

    private static byte[] encode(TimeWindow window) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TimeWindow.CODEC.encode(window, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
