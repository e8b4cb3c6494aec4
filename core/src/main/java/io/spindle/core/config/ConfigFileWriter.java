package io.spindle.core.config;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a configuration as a {@code spindle-conf.yaml} that loads back to the same values and sources: the
 * effective configuration the client ships to the cluster, so every container runs with what the user saw checked,
 * and the ApplicationMaster can show where each value came from. Each value stands below a comment
 * {@value #SOURCE_COMMENT}{@code <where>}, which {@link ConfigLoader} reads back as a {@link ValueSource.Recorded}.
 */
public final class ConfigFileWriter {

    static final String SOURCE_COMMENT = "# from: ";

    private ConfigFileWriter() { }

    public static void write(Configuration configuration, Path file) throws IOException {
        Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
        StringBuilder yaml = new StringBuilder("# effective configuration written by spindle run\n");
        for (String key : new TreeSet<>(configuration.keys())) {
            Configuration.Value value = configuration.raw(key).orElseThrow();
            yaml.append(SOURCE_COMMENT).append(value.source().where().replace('\n', ' ')).append('\n')
                    .append(dump.dumpToString(Map.of(key, value.raw())));
        }
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }

    /** The source recorded on the line above {@code line} (1-based) of {@code text}, if the line is such a comment. */
    static Optional<ValueSource> recordedSource(List<String> lines, int line) {
        if (line < 2 || line - 2 >= lines.size() || !lines.get(line - 2).startsWith(SOURCE_COMMENT)) {
            return Optional.empty();
        }
        return Optional.of(new ValueSource.Recorded(lines.get(line - 2).substring(SOURCE_COMMENT.length())));
    }
}
