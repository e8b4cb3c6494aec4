package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.ValueRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code docs/configuration.md}, written from the options Spindle registers, so that the reference changes with
 * them: ConfigurationReferenceTest fails the build when the file in the repository differs from this.
 */
public final class ConfigurationReference {

    /** Where the reference lives, relative to the repository's root. */
    public static final String FILE = "docs/configuration.md";

    /** Rewrites {@link #FILE} from the options; the test runs this when the property is set. */
    public static final String REGENERATE_COMMAND = "mvn -q -pl core -am test -Dtest=ConfigurationReferenceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dspindle.writeReference=true";

    private ConfigurationReference() { }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConfigurationReference <file to write>");
        }
        write(Path.of(args[0]));
    }

    public static void write(Path file) throws IOException {
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    public static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# Configuration reference\n\n")
                .append("> Generated from the option definitions by `").append(ConfigurationReference.class.getName())
                .append("`; do not edit. After changing an option, regenerate it with\n> `")
                .append(REGENERATE_COMMAND).append("`\n\n")
                .append("""
                        Every key Spindle reads. Spindle takes Flink's keys as they are, so a Flink `flink-conf.yaml` \
                        (flat) or `config.yaml` (nested) works unchanged; in the Flink column, "same key" means the key \
                        is Flink's. Values are read from `$SPINDLE_CONF_DIR/spindle-conf.yaml` (else `config.yaml`, \
                        else `flink-conf.yaml`); precedence: defaults < file < `-D key=value` < the job's code. \
                        `spindle config` prints the effective values and where each came from, `spindle config --check` \
                        checks them, and `spindle run` checks them before anything starts.

                        Durations: `500 ms`, `10 s`, `2 min`, `1 h`, `1 d` (a bare number is milliseconds). Memory \
                        sizes: `512m`, `1g`, `1024 mb` (a bare number is bytes; units are binary).
                        """);
        for (OptionGroup group : SpindleOptions.GROUPS) {
            text.append("\n## ").append(group.title()).append("\n\n")
                    .append("Declared in `").append(group.declaredIn().getName()).append("`.\n\n")
                    .append("| Key | Type | Default | Flink | Meaning |\n")
                    .append("|---|---|---|---|---|\n");
            group.options().forEach(option -> text.append(row(option)));
        }
        text.append("\n## Flink keys Spindle ignores\n\n")
                .append("A Flink configuration may set these; Spindle warns that they are ignored, not that they are "
                        + "unknown: ")
                .append(SpindleOptions.REGISTRY.ignoredFlinkKeys().stream().sorted().map(ConfigurationReference::code)
                        .collect(Collectors.joining(", ")))
                .append(".\n");
        return text.toString();
    }

    private static <T> String row(ConfigOption<T> option) {
        String type = option.type().name() + option.rule().map(ValueRule::description).map(rule -> ", " + rule).orElse("");
        String defaultValue = option.defaultValue().map(value -> code(option.type().format(value))).orElse("none");
        String flink = option.flinkKey().equals(option.key()) ? "same key" : code(option.flinkKey());
        if (!option.fallbackKeys().isEmpty()) {
            flink += "; older names also read: " + codes(option.fallbackKeys());
        }
        return List.of(code(option.key()), type, defaultValue, flink, option.description()).stream()
                .map(cell -> cell.replace("|", "\\|"))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String codes(List<String> keys) {
        return keys.stream().map(ConfigurationReference::code).collect(Collectors.joining(", "));
    }

    private static String code(String text) {
        return "`" + (text.isEmpty() ? "\"\"" : text) + "`";
    }
}
