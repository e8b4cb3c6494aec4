package io.spindle.core.options;

import static io.spindle.core.config.ConfigFixtures.assertSameEffectiveValues;
import static io.spindle.core.config.ConfigFixtures.fixtureDir;
import static io.spindle.core.config.ConfigFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.LoadedConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spindle-conf.yaml written with full dotted keys and written as a YAML tree. */
class SpindleConfFileStylesTest {

    @Test
    void flatAndNestedSpindleConfFilesLoadToTheSameValues() {
        Configuration flat = load(fixtureDir("spindle-flat")).configuration();
        Configuration nested = load(fixtureDir("spindle-nested")).configuration();

        assertSameEffectiveValues(nested, flat);
        assertThat(nested.keys()).containsExactlyInAnyOrderElementsOf(flat.keys());
        // Every option is set away from its default except the restore options and the unused policies'.
        assertThat(SpindleOptions.REGISTRY.options().stream()
                .filter(option -> flat.getOptional(option).equals(option.defaultValue()))
                .map(ConfigOption::key))
                .allMatch(key -> key.startsWith("execution.state-recovery.") && !key.endsWith("from-local")
                        || key.startsWith("restart-strategy.fixed-delay.")
                        || key.startsWith("restart-strategy.failure-rate.")
                        || key.equals("yarn.appmaster.vcores"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spindle-flat", "spindle-nested"})
    void bothStylesLoadWithoutAnyDiagnostic(String confDir) {
        LoadedConfiguration loaded = load(fixtureDir(confDir));

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.file()).contains(fixtureDir(confDir).resolve("spindle-conf.yaml"));
    }
}
