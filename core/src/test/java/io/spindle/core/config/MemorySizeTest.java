package io.spindle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flink's memory size syntax: binary units, bare numbers are bytes. */
class MemorySizeTest {

    private static final long MIB = 1L << 20;

    static Stream<Arguments> flinkSyntax() {
        return Stream.of(
                arguments("512m", 512 * MIB),
                arguments("1g", 1L << 30),
                arguments("1024 mb", 1L << 30),
                arguments("1024m", 1_073_741_824L),
                arguments("1536m", 1536 * MIB),
                arguments("64MB", 64 * MIB),
                arguments("1728 mebibytes", 1728 * MIB),
                arguments("2 kb", 2048L),
                arguments("1t", 1L << 40),
                arguments("1000", 1000L),
                arguments("  1000 bytes ", 1000L),
                arguments("0", 0L));
    }

    @ParameterizedTest(name = "[{0}] is {1} bytes")
    @MethodSource("flinkSyntax")
    void parsesEveryFormFlinkAccepts(String text, long bytes) {
        assertThat(MemorySize.parse(text).bytes()).isEqualTo(bytes);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("-1g", "'-1g' is negative"),
                arguments("1.5g", "'1.5g' has an unknown memory unit '.5g'"),
                arguments("12 mib", "'12 mib' has an unknown memory unit 'mib'"),
                arguments("lots", "'lots' is not a memory size"),
                arguments("9999999999t", "'9999999999t' is too large a memory size"),
                arguments("", "empty value where a memory size is expected"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("rejected")
    void rejectsWhatFlinkRejectsSayingWhatIsWrong(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> MemorySize.parse(text)).withMessageContaining(message);
    }

    static Stream<Arguments> written() {
        return Stream.of(
                arguments(1L << 30, "1 gb"),
                arguments(1728 * MIB, "1728 mb"),
                arguments(1536 * MIB, "1536 mb"),
                arguments(1000L, "1000 bytes"),
                arguments(0L, "0 bytes"));
    }

    @ParameterizedTest(name = "{0} bytes is written \"{1}\"")
    @MethodSource("written")
    void printsTheLargestUnitThatDividesExactly(long bytes, String text) {
        assertThat(new MemorySize(bytes)).hasToString(text);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("written")
    void readsBackWhatItPrints(long bytes, String text) {
        assertThat(MemorySize.parse(text).bytes()).isEqualTo(bytes);
    }
}
