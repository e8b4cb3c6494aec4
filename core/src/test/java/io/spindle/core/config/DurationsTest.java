package io.spindle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flink's duration syntax. */
class DurationsTest {

    static Stream<Arguments> flinkSyntax() {
        return Stream.of(
                arguments("500 ms", Duration.ofMillis(500)),
                arguments("500ms", Duration.ofMillis(500)),
                arguments("10 s", Duration.ofSeconds(10)),
                arguments("10s", Duration.ofSeconds(10)),
                arguments("2 min", Duration.ofMinutes(2)),
                arguments("3m", Duration.ofMinutes(3)),
                arguments("1 h", Duration.ofHours(1)),
                arguments("1h", Duration.ofHours(1)),
                arguments("1d", Duration.ofDays(1)),
                arguments("2 days", Duration.ofDays(2)),
                arguments("1 MIN", Duration.ofMinutes(1)),
                arguments("155", Duration.ofMillis(155)),
                arguments("      155      ms   ", Duration.ofMillis(155)),
                arguments("0", Duration.ZERO),
                arguments("7 µs", Duration.ofNanos(7_000)),
                arguments("42 ns", Duration.ofNanos(42)),
                arguments("PT20.345S", Duration.ofMillis(20_345)),
                arguments("PT15M", Duration.ofMinutes(15)),
                arguments("P2DT3H4M", Duration.ofMinutes(3_064)),
                arguments("9223372036854775807000001 ns", Duration.ofMillis(Long.MAX_VALUE).plusNanos(1)));
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @MethodSource("flinkSyntax")
    void parsesEveryFormFlinkAccepts(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("16 gjah", "'16 gjah' has an unknown time unit 'gjah'"),
                arguments("-100 ms", "'-100 ms' is negative"),
                arguments("-PT6H3M", "'-PT6H3M' is negative"),
                arguments("16 16 17 18 ms", "'16 16 17 18 ms' has an unknown time unit"),
                arguments("foobar", "'foobar' is not a duration"),
                arguments("1.5 s", "'1.5 s' has an unknown time unit '.5 s'"),
                arguments("100000000000000000 h", "'100000000000000000 h' is too long a duration"),
                arguments("9223372036854775808 ms", "'9223372036854775808 ms' is too long a duration"),
                arguments("P106751991167300D", "'P106751991167300D' is too long a duration"),
                arguments("   ", "empty value where a duration is expected"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("rejected")
    void rejectsWhatFlinkRejectsSayingWhatIsWrong(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text)).withMessageContaining(message);
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                arguments(Duration.ofMinutes(1), "1 min"),
                arguments(Duration.ofSeconds(3_601), "3601 s"),
                arguments(Duration.ZERO, "0 ms"),
                arguments(Duration.ofHours(48), "2 d"),
                arguments(Duration.ofMillis(1_500), "1500 ms"));
    }

    @ParameterizedTest(name = "{0} is written \"{1}\"")
    @MethodSource("formatted")
    void formatsWithTheLargestUnitThatDividesExactly(Duration duration, String text) {
        assertThat(Durations.format(duration)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatted")
    void readsBackWhatItWrites(Duration duration, String ignored) {
        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
