package io.spindle.client.yarn;

import io.spindle.master.yarn.ShippedFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A random per-application secret: whoever can read it may use the ApplicationMaster's REST control
 * actions. It lives in the application's owner-only staging directory.
 */
public final class ApplicationSecret {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationSecret() { }

    static String generate() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    static Path file(Path stagingDirectory) {
        return new Path(stagingDirectory, ShippedFiles.SECRET);
    }

    /**
     * Reads the secret of {@code id} staged under {@code stagingRoot} (the user's home if empty).
     *
     * @throws YarnClusterException naming the file if it cannot be read
     */
    public static String read(Configuration hadoop, Optional<String> stagingRoot, ApplicationId id) {
        try (FileSystem fileSystem = ClusterCalls.fileSystem(hadoop, "open the file system", () -> FileSystem.newInstance(hadoop))) {
            Path file = file(StagingDirectory.of(fileSystem, stagingRoot, id));
            String secret = ClusterCalls.fileSystem(hadoop, "read the secret of " + id + " at " + file, () -> {
                try (FSDataInputStream in = fileSystem.open(file)) {
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                }
            });
            if (secret.isEmpty()) {
                throw new YarnClusterException("the secret of " + id + " at " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new YarnClusterException("could not close the file system: " + ClusterCalls.oneLine(e.getMessage()), e);
        }
    }
}
