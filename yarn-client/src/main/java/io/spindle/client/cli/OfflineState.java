package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.util.Locale;

/** What the offline state commands share: their path arguments, Hadoop's configuration, sizes, failures. */
final class OfflineState {

    private OfflineState() { }

    /** Work on checkpoint or savepoint files; its IOException is bad input. */
    @FunctionalInterface
    interface FileWork<T> {
        T run() throws IOException;
    }

    static String singlePath(CommandLine line, String what) {
        return paths(line, "one " + what + " path", 1)[0];
    }

    /**
     * The positional arguments, which must be as many as {@code expected} ("a source and a target path") says, none
     * empty: Hadoop cannot make a path of an empty one.
     */
    static String[] paths(CommandLine line, String expected, int count) {
        if (line.getArgList().size() != count) {
            throw new UsageException("expects " + expected);
        }
        if (line.getArgList().stream().anyMatch(String::isBlank)) {
            throw new UsageException("expects " + expected + ", got an empty argument");
        }
        return line.getArgList().toArray(String[]::new);
    }

    /**
     * Runs {@code work}; its IOException, whose one-line message names the path (the state library's
     * messages do), becomes bad input.
     */
    static <T> T badInputOnFailure(FileWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** From HADOOP_CONF_DIR on the class path (bin/spindle puts it there), else Hadoop's defaults. */
    static Configuration hadoopConfiguration() {
        return new Configuration();
    }

    /** "1 file", "2 files". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / (double) (1L << (unit * 10)), "KMGTPE".charAt(unit - 1));
    }
}
