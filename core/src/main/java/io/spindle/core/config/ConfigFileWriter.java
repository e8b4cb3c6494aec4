package io.spindle.core.config;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Writes a configuration as a {@code spindle-conf.yaml} that loads back to the same values: the effective
 * configuration the client ships to the cluster, so every container runs with what the user saw checked.
 */
public final class ConfigFileWriter {

    private ConfigFileWriter() { }

    public static void write(Configuration configuration, Path file) throws IOException {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        String yaml = new Dump(settings).dumpToString(new TreeMap<>(configuration.toMap()));
        Files.writeString(file, "# effective configuration written by spindle run\n" + yaml, StandardCharsets.UTF_8);
    }
}
