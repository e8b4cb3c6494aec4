package io.spindle.client.yarn;

import io.spindle.master.resources.WorkerSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link YarnSubmission} needs to start an application: what to ship, how to start
 * the ApplicationMaster, and how YARN should treat the application. Built with {@link #builder()}.
 */
public final class SubmissionRequest {

    private final String name;
    private final String queue;
    private final Set<String> tags;
    private final int maxAttempts;
    private final Duration attemptFailuresValidityInterval;
    private final String rolledLogsIncludePattern;
    private final int masterMemoryMb;
    private final int masterVcores;
    private final WorkerSpec largestWorker;
    private final String masterMainClass;
    private final List<String> masterArguments;
    private final List<String> masterJvmOptions;
    private final Map<String, String> masterEnvironment;
    private final Path libraryDirectory;
    private final Path jobJar;
    private final Path configurationFile;
    private final String stagingRoot;
    private final String javaHome;

    private SubmissionRequest(Builder builder) {
        name = require(builder.name, "name");
        queue = builder.queue;
        tags = Set.copyOf(builder.tags);
        maxAttempts = builder.maxAttempts;
        attemptFailuresValidityInterval = builder.attemptFailuresValidityInterval;
        rolledLogsIncludePattern = builder.rolledLogsIncludePattern;
        masterMemoryMb = builder.masterMemoryMb;
        masterVcores = builder.masterVcores;
        largestWorker = builder.largestWorker;
        masterMainClass = require(builder.masterMainClass, "masterMainClass");
        masterArguments = List.copyOf(builder.masterArguments);
        masterJvmOptions = List.copyOf(builder.masterJvmOptions);
        masterEnvironment = Map.copyOf(builder.masterEnvironment);
        libraryDirectory = require(builder.libraryDirectory, "libraryDirectory");
        jobJar = require(builder.jobJar, "jobJar");
        configurationFile = require(builder.configurationFile, "configurationFile");
        stagingRoot = builder.stagingRoot;
        javaHome = require(builder.javaHome, "javaHome");
        if (maxAttempts < 1 || masterMemoryMb < 1 || masterVcores < 1) {
            throw new IllegalArgumentException("attempts, master memory and master vcores must be positive, got "
                    + maxAttempts + ", " + masterMemoryMb + " MiB, " + masterVcores);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** Empty for the cluster's default queue. */
    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    public Set<String> tags() {
        return tags;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Empty to count every attempt failure over the application's life. */
    public Optional<Duration> attemptFailuresValidityInterval() {
        return Optional.ofNullable(attemptFailuresValidityInterval);
    }

    /** The container log files NodeManagers upload while the application runs; empty for none. */
    public Optional<String> rolledLogsIncludePattern() {
        return Optional.ofNullable(rolledLogsIncludePattern);
    }

    public int masterMemoryMb() {
        return masterMemoryMb;
    }

    public int masterVcores() {
        return masterVcores;
    }

    /** The largest worker the ApplicationMaster will ask for, checked against the cluster before submitting. */
    public Optional<WorkerSpec> largestWorker() {
        return Optional.ofNullable(largestWorker);
    }

    public String masterMainClass() {
        return masterMainClass;
    }

    public List<String> masterArguments() {
        return masterArguments;
    }

    public List<String> masterJvmOptions() {
        return masterJvmOptions;
    }

    public Map<String, String> masterEnvironment() {
        return masterEnvironment;
    }

    /** Local directory whose jars are the runtime classpath of every container. */
    public Path libraryDirectory() {
        return libraryDirectory;
    }

    public Path jobJar() {
        return jobJar;
    }

    /** Local Spindle configuration file, shipped as {@code spindle-conf.yaml}. */
    public Path configurationFile() {
        return configurationFile;
    }

    /** The directory under which {@code .spindle/<appId>} is made; empty for the user's home directory. */
    public Optional<String> stagingRoot() {
        return Optional.ofNullable(stagingRoot);
    }

    /** Java on the NodeManagers. */
    public String javaHome() {
        return javaHome;
    }

    private static <T> T require(T value, String field) {
        return Objects.requireNonNull(value, () -> "a submission request needs " + field);
    }

    public static final class Builder {

        private String name;
        private String queue;
        private Set<String> tags = Set.of();
        private int maxAttempts = 1;
        private Duration attemptFailuresValidityInterval;
        private String rolledLogsIncludePattern;
        private int masterMemoryMb = 1024;
        private int masterVcores = 1;
        private WorkerSpec largestWorker;
        private String masterMainClass;
        private List<String> masterArguments = List.of();
        private List<String> masterJvmOptions = List.of();
        private Map<String, String> masterEnvironment = Map.of();
        private Path libraryDirectory;
        private Path jobJar;
        private Path configurationFile;
        private String stagingRoot;
        /** Right when the NodeManagers run on this machine (the embedded cluster) or have Java where this JVM has it. */
        private String javaHome = System.getProperty("java.home");

        private Builder() { }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder attemptFailuresValidityInterval(Duration interval) {
            this.attemptFailuresValidityInterval = interval;
            return this;
        }

        public Builder rolledLogsIncludePattern(String pattern) {
            this.rolledLogsIncludePattern = pattern;
            return this;
        }

        public Builder master(int memoryMb, int vcores) {
            this.masterMemoryMb = memoryMb;
            this.masterVcores = vcores;
            return this;
        }

        public Builder largestWorker(WorkerSpec largestWorker) {
            this.largestWorker = largestWorker;
            return this;
        }

        public Builder masterMainClass(String mainClass) {
            this.masterMainClass = mainClass;
            return this;
        }

        public Builder masterArguments(List<String> arguments) {
            this.masterArguments = arguments;
            return this;
        }

        public Builder masterJvmOptions(List<String> jvmOptions) {
            this.masterJvmOptions = jvmOptions;
            return this;
        }

        public Builder masterEnvironment(Map<String, String> environment) {
            this.masterEnvironment = environment;
            return this;
        }

        public Builder libraryDirectory(Path libraryDirectory) {
            this.libraryDirectory = libraryDirectory;
            return this;
        }

        public Builder jobJar(Path jobJar) {
            this.jobJar = jobJar;
            return this;
        }

        public Builder configurationFile(Path configurationFile) {
            this.configurationFile = configurationFile;
            return this;
        }

        public Builder stagingRoot(String stagingRoot) {
            this.stagingRoot = stagingRoot;
            return this;
        }

        public Builder javaHome(String javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public SubmissionRequest build() {
            return new SubmissionRequest(this);
        }
    }
}
