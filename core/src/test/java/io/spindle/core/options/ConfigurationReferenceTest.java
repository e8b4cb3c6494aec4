package io.spindle.core.options;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/configuration.md is what the option definitions generate, so an option changed without its reference fails
 * the build. With {@code -Dspindle.writeReference=true} the test writes the file instead.
 */
class ConfigurationReferenceTest {

    @Test
    void theReferenceInTheRepositoryIsTheOneTheOptionsGenerate() throws IOException {
        Path file = repositoryRoot().resolve(ConfigurationReference.FILE);
        if (Boolean.getBoolean("spindle.writeReference")) {
            ConfigurationReference.write(file);
        }
        if (!Files.isRegularFile(file)
                || !Files.readString(file, StandardCharsets.UTF_8).equals(ConfigurationReference.markdown())) {
            fail(ConfigurationReference.FILE + " is not what the option definitions generate; regenerate it with: "
                    + ConfigurationReference.REGENERATE_COMMAND);
        }
    }

    /** The nearest directory above the module's (where Maven runs the test) that holds docs/. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("docs"))) {
                return directory;
            }
        }
        throw new AssertionError("no docs/ directory in " + start + " or above");
    }
}
