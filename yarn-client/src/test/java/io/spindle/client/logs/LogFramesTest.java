package io.spindle.client.logs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogFramesTest {

    private static final String LOCAL = """
            Container: container_1_0001_01_000001 on host-a:45454
            LogAggregationType: LOCAL
            ====================================================
            LogType:spindle.log
            LogLastModifiedTime:Mon Jan 01 00:00:00 +0000 2024
            LogLength:15
            LogContents:
            first
            LogType:
            End of LogType:spindle.log.This log file belongs to a running container (container_1_0001_01_000001) and so may not be complete.
            ***************************************************************************************

            """;

    private static final String AGGREGATED = """
            Container: container_1_0001_01_000002 on host-b_45454
            LogAggregationType: AGGREGATED
            ==================================================
            LogType:stderr
            LogLastModifiedTime:Mon Jan 01 00:00:00 +0000 2024
            LogLength:0
            LogContents:

            End of LogType:stderr.
            **************************************************

            LogType:stdout
            LogLastModifiedTime:Mon Jan 01 00:00:00 +0000 2024
            LogLength:4
            LogContents:
            out

            End of LogType:stdout.
            """;

    @Test
    void passesOnAFilesBytesWithWhereTheyCameFromAndNotTheFraming() {
        Recorder recorder = write(LOCAL, Long.MAX_VALUE);

        assertThat(recorder.frames).containsExactly(
                new LogFrame("container_1_0001_01_000001", "host-a:45454", "spindle.log", "LOCAL", 15, 15));
        assertThat(recorder.text()).isEqualTo("first\nLogType:\n");
    }

    @Test
    void givesEveryFileOfAContainerItsContainerAndNode() {
        Recorder recorder = write(AGGREGATED, Long.MAX_VALUE);

        assertThat(recorder.frames).containsExactly(
                new LogFrame("container_1_0001_01_000002", "host-b_45454", "stderr", "AGGREGATED", 0, 0),
                new LogFrame("container_1_0001_01_000002", "host-b_45454", "stdout", "AGGREGATED", 4, 4));
        assertThat(recorder.text()).isEqualTo("out\n");
    }

    @Test
    void aTailCarriesTheRequestedNumberOfLastBytes() {
        String tail = LOCAL.replace("LogLength:15", "LogLength:100").replace("first\nLogType:\n", "tail\n");

        Recorder recorder = write(tail, -5);

        assertThat(recorder.frames.get(0).tailStart()).isEqualTo(95);
        assertThat(recorder.text()).isEqualTo("tail\n");
    }

    @Test
    void readsTheSameWhateverPiecesTheTextArrivesIn() {
        Recorder recorder = new Recorder();
        LogFrames frames = new LogFrames(Long.MAX_VALUE, recorder);
        for (byte b : (LOCAL + AGGREGATED).getBytes(StandardCharsets.UTF_8)) {
            frames.write(b);
        }

        assertThat(recorder.frames).hasSize(3);
        assertThat(recorder.text()).isEqualTo("first\nLogType:\nout\n");
    }

    private static Recorder write(String text, long requestedBytes) {
        Recorder recorder = new Recorder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new LogFrames(requestedBytes, recorder).write(bytes, 0, bytes.length);
        return recorder;
    }

    private static final class Recorder implements LogSink {

        private final List<LogFrame> frames = new ArrayList<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void start(LogFrame frame) {
            frames.add(frame);
        }

        @Override
        public void bytes(byte[] buffer, int offset, int length) {
            bytes.write(buffer, offset, length);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
