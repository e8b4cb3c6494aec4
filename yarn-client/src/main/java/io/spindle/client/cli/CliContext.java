package io.spindle.client.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command may use from its surroundings; tests hand in their own streams and environment. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> environment, Path spindleHome) {

    public static CliContext fromSystem() {
        String home = System.getProperty("spindle.home", ".");
        return new CliContext(System.out, System.err, System.getenv(), Path.of(home));
    }

    /** {@code $SPINDLE_CONF_DIR}, else the installation's {@code conf/}. */
    public Path confDir() {
        String fromEnvironment = environment.get("SPINDLE_CONF_DIR");
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? spindleHome.resolve("conf") : Path.of(fromEnvironment);
    }
}
