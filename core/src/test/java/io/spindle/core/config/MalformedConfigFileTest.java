package io.spindle.core.config;

import static io.spindle.core.config.ConfigFixtures.fileLine;
import static io.spindle.core.config.ConfigFixtures.fixtureDir;
import static io.spindle.core.config.ConfigFixtures.load;
import static io.spindle.core.config.ConfigFixtures.singleError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken file is one error naming the file, the line and what is wrong. */
class MalformedConfigFileTest {

    private static Diagnostic errorOf(String fixture) {
        return singleError(load(fixtureDir("malformed/" + fixture)));
    }

    private static Path fixtureFile(String fixture, String fileName) {
        return fixtureDir("malformed/" + fixture).resolve(fileName);
    }

    @Test
    void badYamlIndentationIsAnErrorAtTheMisindentedLine() {
        Diagnostic error = errorOf("bad-indentation");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("bad-indentation", "config.yaml"), 6));
        assertThat(error.problem()).startsWith("invalid YAML").contains("indentation");
    }

    @Test
    void aTabUsedForIndentationIsAnErrorAtItsLineSayingSo() {
        Diagnostic error = errorOf("tab-indentation");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("tab-indentation", "config.yaml"), 4));
        assertThat(error.problem()).contains("tab").contains("spaces");
    }

    @Test
    void aDurationInAnUnknownUnitIsAnErrorNamingTheKeyAndLine() {
        Diagnostic error = errorOf("unknown-duration-unit");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("unknown-duration-unit", "config.yaml"), 7));
        assertThat(error.key()).isEqualTo("execution.checkpointing.interval");
        assertThat(error.problem()).contains("'10 lightyears'").contains("unknown time unit 'lightyears'");
    }

    @Test
    void aNegativeMemorySizeIsAnErrorNamingTheKeyAndLine() {
        Diagnostic error = errorOf("negative-memory-size");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("negative-memory-size", "flink-conf.yaml"), 4));
        assertThat(error.key()).isEqualTo("taskmanager.memory.process.size");
        assertThat(error.problem()).contains("'-1g' is negative");
    }

    @Test
    void aKeyWrittenTwiceInYamlIsAnErrorAtTheSecondLineNamingTheFirst() {
        Diagnostic error = errorOf("duplicate-yaml-key");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("duplicate-yaml-key", "config.yaml"), 4));
        assertThat(error.key()).isEqualTo("parallelism.default");
        assertThat(error.problem()).isEqualTo("duplicate key (first set on line 1)");
    }

    @Test
    void aDottedKeyAndTheSameKeyNestedAreADuplicate() {
        Diagnostic error = errorOf("duplicate-after-flattening");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("duplicate-after-flattening", "config.yaml"), 6));
        assertThat(error.key()).isEqualTo("execution.checkpointing.interval");
        assertThat(error.problem()).isEqualTo("duplicate key (first set on line 1)");
    }

    @Test
    void aYamlSectionWrittenTwiceIsADuplicateEvenWithDifferentKeysInside() {
        Diagnostic error = errorOf("duplicate-yaml-section");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("duplicate-yaml-section", "config.yaml"), 6));
        assertThat(error.key()).isEqualTo("execution");
        assertThat(error.problem()).isEqualTo("duplicate key (first set on line 1)");
    }

    @Test
    void aKeyWrittenTwiceInAFlatFlinkConfIsAnError() {
        Diagnostic error = errorOf("duplicate-flat-key");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("duplicate-flat-key", "flink-conf.yaml"), 5));
        assertThat(error.key()).isEqualTo("parallelism.default");
        assertThat(error.problem()).isEqualTo("duplicate key (first set on line 3)");
    }

    @Test
    void aFlatLineWithoutColonSpaceIsAnErrorAtItsLine() {
        Diagnostic error = errorOf("flat-line-without-separator");
        assertThat(error.where()).isEqualTo(fileLine(fixtureFile("flat-line-without-separator", "flink-conf.yaml"), 3));
        assertThat(error.problem()).contains("'taskmanager.numberOfTaskSlots:4' is not a 'key: value' line");
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheirLine(@TempDir Path confDir) throws IOException {
        byte[] head = "parallelism.default: 2\ntaskmanager.numberOfTaskSlots: 2\nyarn.application.name: caf"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\nyarn.application.queue: default\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // 'é' in Latin-1
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Path file = Files.write(confDir.resolve("spindle-conf.yaml"), bytes);

        Diagnostic error = singleError(load(confDir));

        assertThat(error.where()).isEqualTo(fileLine(file, 3));
        assertThat(error.problem()).contains("not valid UTF-8");
    }
}
