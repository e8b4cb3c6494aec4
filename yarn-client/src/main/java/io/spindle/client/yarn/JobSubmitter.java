package io.spindle.client.yarn;

import io.spindle.api.SpindleJob;
import io.spindle.core.config.ConfigFileWriter;
import io.spindle.core.config.Configuration;
import io.spindle.core.io.LocalFiles;
import io.spindle.core.options.ClusterOptions;
import io.spindle.core.options.YarnOptions;
import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.yarn.ApplicationMasterMain;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Submits a validated job as a YARN application: the job jar, this client's classpath as the libraries, and
 * the effective configuration (file, {@code -D} and command-line options merged) as the one every container
 * reads, so the cluster runs the job exactly as it was checked here.
 */
public final class JobSubmitter {

    private final org.apache.hadoop.conf.Configuration hadoop;

    public JobSubmitter(org.apache.hadoop.conf.Configuration hadoop) {
        this.hadoop = hadoop;
    }

    public ApplicationId submit(SpindleJob job, Path jobJar, List<String> jobArguments, Configuration configuration) {
        Path work;
        try {
            work = Files.createTempDirectory("spindle-submit-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local directory to prepare the submission", e);
        }
        try {
            Path configurationFile = work.resolve("spindle-conf.yaml");
            ConfigFileWriter.write(configuration, configurationFile);
            Path libraries = RuntimeClasspath.libraryDirectory(work.resolve("lib"), jobJar.toAbsolutePath().normalize());
            return new YarnSubmission(hadoop).submit(request(job, jobJar, jobArguments, configuration, configurationFile,
                    libraries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the submission: " + e.getMessage(), e);
        } finally {
            try {
                LocalFiles.deleteRecursively(work);
            } catch (IOException ignored) {
                // a temporary directory left behind does no harm
            }
        }
    }

    static SubmissionRequest request(SpindleJob job, Path jobJar, List<String> jobArguments, Configuration configuration,
                                     Path configurationFile, Path libraries) {
        List<String> masterArguments = new ArrayList<>(List.of(job.getClass().getName()));
        masterArguments.addAll(jobArguments);
        SubmissionRequest.Builder request = SubmissionRequest.builder()
                .name(configuration.getOptional(YarnOptions.APPLICATION_NAME).orElse(job.getClass().getSimpleName()))
                .tags(tags(configuration))
                .maxAttempts(configuration.get(YarnOptions.APPLICATION_ATTEMPTS))
                .master((int) configuration.get(ClusterOptions.MASTER_MEMORY).mebiBytes(),
                        configuration.get(YarnOptions.MASTER_VCORES))
                .largestWorker(new WorkerSpec((int) configuration.get(ClusterOptions.WORKER_MEMORY).mebiBytes(),
                        YarnOptions.workerVcores(configuration)))
                .masterMainClass(ApplicationMasterMain.class.getName())
                .masterArguments(masterArguments)
                .libraryDirectory(libraries)
                .jobJar(jobJar)
                .configurationFile(configurationFile);
        configuration.getOptional(YarnOptions.QUEUE).ifPresent(request::queue);
        configuration.getOptional(YarnOptions.STAGING_DIRECTORY).ifPresent(request::stagingRoot);
        String rolledLogs = configuration.get(YarnOptions.ROLLED_LOGS_INCLUDE_PATTERN);
        if (!rolledLogs.isEmpty()) {
            request.rolledLogsIncludePattern(rolledLogs);
        }
        var interval = configuration.get(YarnOptions.ATTEMPT_FAILURES_VALIDITY_INTERVAL);
        if (!interval.equals(YarnOptions.UNBOUNDED)) {
            request.attemptFailuresValidityInterval(interval);
        }
        return request.build();
    }

    private static Set<String> tags(Configuration configuration) {
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(configuration.get(YarnOptions.TAGS).split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .forEach(tags::add);
        return tags;
    }
}
