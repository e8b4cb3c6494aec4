package io.spindle.master.yarn;

import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell command that runs a Java main class in a YARN container. The NodeManager runs it with
 * bash after replacing {@code {{VAR}}} and {@code <LOG_DIR>}, so options and arguments are
 * single-quoted: they reach the JVM literally, without expansion.
 */
public final class JvmCommand {

    /** The heap's share of the container: the rest is metaspace, thread stacks, direct and native memory. */
    private static final double HEAP_FRACTION = 0.75;
    private static final int MIN_HEAP_MB = 64;
    private static final String LOG_CONFIGURATION_PROPERTY = "log4j2.configurationFile";
    /** On the containers' classpath, in the application-master jar. */
    private static final String LOG_CONFIGURATION = "log4j2-container.properties";
    /** Where that configuration writes spindle.log: the container's log directory, which YARN serves and aggregates. */
    private static final String LOG_DIRECTORY_PROPERTY = "spindle.log.dir";

    private JvmCommand() { }

    public static String line(int containerMemoryMb, List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> words = new ArrayList<>();
        words.add(Environment.JAVA_HOME.$$() + "/bin/java");
        words.add("-Xmx" + heapMb(containerMemoryMb) + "m");
        // YARN creates tmp/ in every container's directory but does not point java.io.tmpdir at it,
        // so native libraries (RocksDB) would be extracted to /tmp and outlive the container.
        words.add("-Djava.io.tmpdir=" + Environment.PWD.$$() + "/tmp");
        words.add("-D" + LOG_CONFIGURATION_PROPERTY + "=" + LOG_CONFIGURATION);
        words.add("-D" + LOG_DIRECTORY_PROPERTY + "=" + ApplicationConstants.LOG_DIR_EXPANSION_VAR);
        jvmOptions.forEach(option -> words.add(quoted(option)));
        words.add(quoted(mainClass));
        arguments.forEach(argument -> words.add(quoted(argument)));
        words.add("1>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stdout");
        words.add("2>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR + "/stderr");
        return String.join(" ", words);
    }

    static int heapMb(int containerMemoryMb) {
        return Math.max(MIN_HEAP_MB, (int) (containerMemoryMb * HEAP_FRACTION));
    }

    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
