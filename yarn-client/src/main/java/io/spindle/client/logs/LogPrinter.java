package io.spindle.client.logs;

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints container log files for people: a line {@code ==> <container> on <host:port>: <file> <==} before each
 * file's text (as {@code tail} does for several files), none again while the same file goes on.
 */
public final class LogPrinter implements LogSink {

    /** Aggregated logs name the node by its file: {@code host_port}, in rolling aggregation {@code _<upload time>} after. */
    private static final Pattern AGGREGATED_NODE = Pattern.compile("(.+?)_(\\d+)(_\\d{13})?");

    private final PrintStream out;
    private String current;
    private boolean atLineStart = true;

    public LogPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(LogFrame frame) {
        header(frame.container(), frame.node(), frame.file());
    }

    /** The header line, unless this file was the last one printed. */
    public void header(String container, String node, String file) {
        String key = container + " " + file;
        if (key.equals(current)) {
            return;
        }
        if (!atLineStart) {
            out.println();
        }
        out.println("==> " + container + " on " + readableNode(node) + ": " + file + " <==");
        current = key;
        atLineStart = true;
    }

    @Override
    public void bytes(byte[] buffer, int offset, int length) {
        if (length > 0) {
            out.write(buffer, offset, length);
            atLineStart = buffer[offset + length - 1] == '\n';
        }
    }

    /** Ends an unfinished last line, so that what follows starts on a line of its own. */
    public void finish() {
        if (!atLineStart) {
            out.println();
            atLineStart = true;
        }
        out.flush();
    }

    static String readableNode(String node) {
        Matcher matcher = AGGREGATED_NODE.matcher(node);
        return node.contains(":") || !matcher.matches() ? node : matcher.group(1) + ":" + matcher.group(2);
    }
}
