package io.spindle.client.yarn;

import io.spindle.master.resources.WorkerSpec;
import io.spindle.master.yarn.JavaLaunchContexts;
import io.spindle.master.yarn.ShippedFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LogAggregationContext;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a Spindle application on YARN: stages the libraries, job jar and configuration in
 * {@code <home>/.spindle/<appId>/} and submits an ApplicationMaster container that runs from them.
 * Problems the user can fix (an unreachable cluster, a container too large for it, a missing
 * file) come out as a {@link YarnClusterException} with a one-line message.
 */
public final class YarnSubmission {

    /** The YARN application type of every Spindle application. */
    public static final String APPLICATION_TYPE = "SPINDLE";

    private final Configuration hadoop;

    public YarnSubmission(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    public ApplicationId submit(SubmissionRequest request) {
        checkLocalFiles(request);
        try (YarnClient yarn = ResourceManagerClients.start(hadoop);
             FileSystem fileSystem = ClusterCalls.fileSystem(hadoop, "open the file system", () -> FileSystem.newInstance(hadoop))) {
            YarnClientApplication application = ClusterCalls.resourceManager(hadoop, "create an application",
                    yarn::createApplication);
            Resource largest = application.getNewApplicationResponse().getMaximumResourceCapability();
            checkFits("the ApplicationMaster", new WorkerSpec(request.masterMemoryMb(), request.masterVcores()), largest);
            request.largestWorker().ifPresent(worker -> checkFits("a worker", worker, largest));

            ApplicationSubmissionContext context = application.getApplicationSubmissionContext();
            ApplicationId applicationId = context.getApplicationId();
            Path staging = StagingDirectory.of(fileSystem, request.stagingRoot(), applicationId);
            try {
                ContainerLaunchContext master = ClusterCalls.fileSystem(hadoop, "stage the application in " + staging, () -> {
                    StagingDirectory.stage(fileSystem, staging, request, hadoop);
                    return masterLaunchContext(request, fileSystem, staging);
                });
                describe(context, request, master);
                ClusterCalls.resourceManager(hadoop, "submit the application", () -> yarn.submitApplication(context));
            } catch (RuntimeException e) {
                deleteQuietly(fileSystem, staging, e);
                throw e;
            }
            return applicationId;
        } catch (IOException e) {
            throw new YarnClusterException("could not close the cluster connections: " + ClusterCalls.oneLine(e.getMessage()), e);
        }
    }

    private static ContainerLaunchContext masterLaunchContext(SubmissionRequest request, FileSystem fileSystem,
                                                              Path staging) throws IOException {
        JavaLaunchContexts launchContexts = new JavaLaunchContexts(
                ShippedFiles.localResources(fileSystem, staging), request.javaHome());
        Map<String, String> environment = new HashMap<>(request.masterEnvironment());
        environment.put(ShippedFiles.STAGING_DIRECTORY_ENV, staging.toString());
        return launchContexts.create(request.masterMemoryMb(), request.masterMainClass(), request.masterArguments(),
                request.masterJvmOptions(), environment);
    }

    static void describe(ApplicationSubmissionContext context, SubmissionRequest request, ContainerLaunchContext master) {
        context.setApplicationName(request.name());
        context.setApplicationType(APPLICATION_TYPE);
        request.queue().ifPresent(context::setQueue);
        context.setApplicationTags(request.tags());
        context.setMaxAppAttempts(request.maxAttempts());
        request.attemptFailuresValidityInterval()
                .ifPresent(interval -> context.setAttemptFailuresValidityInterval(interval.toMillis()));
        // Without a LogAggregationContext the NodeManagers upload logs only once the application has ended, even
        // with yarn.nodemanager.log-aggregation.roll-monitoring-interval-seconds set: a job that runs for weeks
        // would keep its logs on the nodes until then.
        request.rolledLogsIncludePattern().ifPresent(pattern ->
                context.setLogAggregationContext(LogAggregationContext.newInstance(null, null, pattern, null)));
        context.setResource(Resource.newInstance(request.masterMemoryMb(), request.masterVcores()));
        context.setAMContainerSpec(master);
    }

    private static void checkLocalFiles(SubmissionRequest request) {
        for (java.nio.file.Path file : new java.nio.file.Path[] {request.jobJar(), request.configurationFile()}) {
            if (!Files.isRegularFile(file)) {
                throw new YarnClusterException("cannot submit: " + file + " does not exist or is not a file");
            }
        }
        try {
            LibraryArchive.jars(request.libraryDirectory());
        } catch (IOException e) {
            throw new YarnClusterException("cannot read the library directory " + request.libraryDirectory()
                    + ": " + ClusterCalls.oneLine(e.getMessage()), e);
        }
    }

    private static void checkFits(String what, WorkerSpec size, Resource largest) {
        if (size.memoryMb() > largest.getMemorySize()) {
            throw new YarnClusterException(what + " needs " + size.memoryMb() + " MiB, more than this cluster's largest container, "
                    + largest.getMemorySize() + " MiB (yarn.scheduler.maximum-allocation-mb)");
        }
        if (size.vcores() > largest.getVirtualCores()) {
            throw new YarnClusterException(what + " needs " + size.vcores() + " vcores, more than this cluster's largest container, "
                    + largest.getVirtualCores() + " vcores (yarn.scheduler.maximum-allocation-vcores)");
        }
    }

    private static void deleteQuietly(FileSystem fileSystem, Path staging, RuntimeException failure) {
        try {
            fileSystem.delete(staging, true);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
