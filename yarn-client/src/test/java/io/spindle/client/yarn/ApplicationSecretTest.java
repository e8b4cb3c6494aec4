package io.spindle.client.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationSecretTest {

    private static final ApplicationId ID = ApplicationId.newInstance(1_700_000_000_000L, 1);

    @TempDir
    Path root;

    @Test
    void readsTheSecretFromTheApplicationsStagingDirectory() throws IOException {
        Path directory = Files.createDirectories(root.resolve(".spindle").resolve(ID.toString()));
        Files.writeString(directory.resolve("secret"), ApplicationSecret.generate());

        assertThat(ApplicationSecret.read(new Configuration(), Optional.of(root.toString()), ID)).hasSize(64);
    }

    @Test
    void aSecretThatCannotBeReadIsNamedByItsPath() {
        assertThatThrownBy(() -> ApplicationSecret.read(new Configuration(), Optional.of(root.toString()), ID))
                .isInstanceOf(YarnClusterException.class)
                .hasMessageStartingWith("could not read the secret of " + ID + " at file:"
                        + root.resolve(".spindle/" + ID + "/secret"));
    }
}
