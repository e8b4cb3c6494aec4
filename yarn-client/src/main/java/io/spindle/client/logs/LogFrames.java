package io.spindle.client.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes apart the text in which Hadoop serves container log files (LogToolUtils' format, from a NodeManager's
 * {@code containerlogs} web service and from the log aggregation file controllers): a
 * {@code Container: <id> on <node>} line, then per file {@code LogType:<file>}, {@code LogLength:<n>},
 * {@code LogContents:}, the file's bytes and an {@code End of LogType} trailer. Streams: a log of gigabytes is
 * never held whole.
 */
public final class LogFrames extends OutputStream {

    private static final int LONGEST_HEADER_LINE = 4096;

    private final long requestedBytes;
    private final LogSink sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String container = "";
    private String node = "";
    private String aggregationType = "";
    private String file = "";
    private long length = -1;
    private long bodyLeft;

    /**
     * @param requestedBytes the {@code size} asked of Hadoop: negative for a file's last bytes, positive for its
     *                       first, {@link Long#MAX_VALUE} for all of it; a frame carries at most this many
     */
    public LogFrames(long requestedBytes, LogSink sink) {
        this.requestedBytes = requestedBytes;
        this.sink = sink;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int count) {
        int position = offset;
        int end = offset + count;
        while (position < end) {
            if (bodyLeft > 0) {
                int body = (int) Math.min(bodyLeft, end - position);
                sink.bytes(buffer, position, body);
                bodyLeft -= body;
                position += body;
            } else {
                byte b = buffer[position++];
                if (b == '\n') {
                    headerLine(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (line.size() < LONGEST_HEADER_LINE) {
                    line.write(b);
                }
            }
        }
    }

    private void headerLine(String text) {
        if (text.startsWith("Container: ")) {
            String[] words = text.substring("Container: ".length()).split(" on ", 2);
            container = words[0].strip();
            node = words.length > 1 ? words[1].strip() : "";
        } else if (text.startsWith("LogAggregationType:")) {
            aggregationType = valueOf(text);
        } else if (text.startsWith("LogType:")) {
            file = valueOf(text);
            length = -1;
        } else if (text.startsWith("LogLength:")) {
            length = parseLength(valueOf(text));
        } else if (text.equals("LogContents:") && length >= 0) {
            long body = Math.min(Math.abs(requestedBytes), length);
            sink.start(new LogFrame(container, node, file, aggregationType, length, body));
            bodyLeft = body;
        }
    }

    private static String valueOf(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
