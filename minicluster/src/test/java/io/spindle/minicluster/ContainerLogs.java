package io.spindle.minicluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The stdout and stderr of an application's containers, from the NodeManagers' log directories: for failing assertions. */
final class ContainerLogs {

    private ContainerLogs() { }

    static String of(EmbeddedCluster cluster, String applicationId) {
        try (Stream<Path> files = Files.walk(cluster.baseDirectory())) {
            return files.filter(file -> file.toString().contains("/" + applicationId + "/"))
                    .filter(file -> file.getFileName().toString().matches("stdout|stderr"))
                    .sorted()
                    .map(ContainerLogs::withHeader)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withHeader(Path file) {
        try {
            return "==> " + file.getParent().getFileName() + "/" + file.getFileName() + "\n" + Files.readString(file);
        } catch (IOException e) {
            return "==> " + file + ": " + e;
        }
    }
}
