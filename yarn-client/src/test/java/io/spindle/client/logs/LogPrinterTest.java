package io.spindle.client.logs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LogPrinterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LogPrinter printer = new LogPrinter(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void headsEachFileWithItsContainerHostAndNameOnceWhileItGoesOn() {
        printer.header("container_1_0001_01_000001", "host-a:45454", "spindle.log");
        print("one\n");
        printer.header("container_1_0001_01_000001", "host-a:45454", "spindle.log");
        print("two");
        printer.header("container_1_0001_01_000002", "host-b:45454", "stdout");
        print("three\n");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                ==> container_1_0001_01_000001 on host-a:45454: spindle.log <==
                one
                two
                ==> container_1_0001_01_000002 on host-b:45454: stdout <==
                three
                """);
    }

    @Test
    void namesTheNodeOfAggregatedLogsAsHostAndPort() {
        assertThat(LogPrinter.readableNode("host-b_45454")).isEqualTo("host-b:45454");
        assertThat(LogPrinter.readableNode("host_b_45454_1700000000000")).isEqualTo("host_b:45454");
        assertThat(LogPrinter.readableNode("host-a:45454")).isEqualTo("host-a:45454");
    }

    private void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        printer.bytes(bytes, 0, bytes.length);
    }
}
