package io.spindle.core.config;

import io.spindle.core.options.SpindleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFileWriterTest {

    @TempDir
    Path directory;

    @Test
    void writtenConfigurationLoadsBackToTheSameValues() throws Exception {
        Map<String, String> values = Map.of(
                "parallelism.default", "4",
                "execution.checkpointing.dir", "hdfs://namenode:8020/spindle/checkpoints#x",
                "execution.checkpointing.interval", "500 ms",
                "yarn.tags", "a, b: c",
                "spindle.hadoop.dfs.client.retry", "'quoted'",
                "restart-strategy.type", "fixed-delay");
        ConfigFileWriter.write(Configuration.fromMap(values), directory.resolve("spindle-conf.yaml"));

        LoadedConfiguration loaded = new ConfigLoader(SpindleOptions.REGISTRY).load(directory, List.of());

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.configuration().toMap()).isEqualTo(values);
    }

    @Test
    void writtenConfigurationLoadsBackWithWhereEachValueCameFrom() throws Exception {
        Configuration configuration = new Configuration()
                .set("parallelism.default", "4", new ValueSource.FileLine(Path.of("/etc/spindle/spindle-conf.yaml"), 7))
                .set("execution.checkpointing.interval", "500 ms", ValueSource.DYNAMIC)
                .set("yarn.tags", "a, b: c", ValueSource.JOB_CODE);
        ConfigFileWriter.write(configuration, directory.resolve("spindle-conf.yaml"));

        Configuration loaded = new ConfigLoader(SpindleOptions.REGISTRY).load(directory, List.of()).orThrow();

        assertThat(loaded.raw("parallelism.default").orElseThrow().source().where())
                .isEqualTo("/etc/spindle/spindle-conf.yaml:7");
        assertThat(loaded.raw("execution.checkpointing.interval").orElseThrow().source().where()).isEqualTo("-D");
        assertThat(loaded.raw("yarn.tags").orElseThrow().source().where()).isEqualTo("job code");
    }
}
