package io.spindle.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.conf.Configuration;

import java.util.Locale;

/** What the offline state commands share: their one path argument, Hadoop's configuration, sizes. */
final class OfflineState {

    private OfflineState() { }

    static String singlePath(CommandLine line, String what) {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expects one " + what + " path");
        }
        return line.getArgList().get(0);
    }

    /** From HADOOP_CONF_DIR on the class path (bin/spindle puts it there), else Hadoop's defaults. */
    static Configuration hadoopConfiguration() {
        return new Configuration();
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / (double) (1L << (unit * 10)), "KMGTPE".charAt(unit - 1));
    }
}
