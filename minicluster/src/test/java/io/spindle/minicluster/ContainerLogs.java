package io.spindle.minicluster;

import io.spindle.client.logs.AggregatedLogs;
import io.spindle.client.logs.LogFrames;
import io.spindle.client.logs.LogPrinter;
import io.spindle.client.yarn.YarnApplications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stdout, stderr and spindle.log of an application's containers, from the NodeManagers' log directories or,
 * once the application has ended and they uploaded them, from the aggregated logs: for failing assertions.
 */
final class ContainerLogs {

    private ContainerLogs() { }

    static String of(EmbeddedCluster cluster, String applicationId) {
        try (Stream<Path> files = Files.walk(cluster.baseDirectory())) {
            String local = files.filter(file -> file.toString().contains("/" + applicationId + "/"))
                    .filter(file -> file.getFileName().toString().matches("stdout|stderr|spindle\\.log.*"))
                    .sorted()
                    .map(ContainerLogs::withHeader)
                    .collect(Collectors.joining("\n"));
            return local.isEmpty() ? aggregated(cluster, applicationId) : local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String aggregated(EmbeddedCluster cluster, String applicationId) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        LogPrinter printer = new LogPrinter(new PrintStream(text, true, StandardCharsets.UTF_8));
        try {
            new AggregatedLogs(cluster.hadoopConfiguration()).read(YarnApplications.parseId(applicationId),
                    System.getProperty("user.name"), Optional.empty(), new LogFrames(Long.MAX_VALUE, printer));
        } catch (IOException | RuntimeException e) {
            return "(no aggregated logs of " + applicationId + ": " + e + ")";
        }
        printer.finish();
        return text.toString(StandardCharsets.UTF_8);
    }

    private static String withHeader(Path file) {
        try {
            return "==> " + file.getParent().getFileName() + "/" + file.getFileName() + "\n" + Files.readString(file);
        } catch (IOException e) {
            return "==> " + file + ": " + e;
        }
    }
}
