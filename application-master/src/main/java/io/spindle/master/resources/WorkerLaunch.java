package io.spindle.master.resources;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run in a worker container: a Java main class on the application's classpath (the job
 * jar and the shipped libraries), its arguments, extra JVM options and extra environment
 * variables. The pool chooses the heap size from the container's memory and adds the Java and
 * classpath environment itself.
 */
public record WorkerLaunch(String mainClass, List<String> arguments, List<String> jvmOptions,
                           Map<String, String> environment) {

    public WorkerLaunch {
        Objects.requireNonNull(mainClass, "mainClass");
        arguments = List.copyOf(arguments);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    public static WorkerLaunch of(String mainClass, String... arguments) {
        return new WorkerLaunch(mainClass, List.of(arguments), List.of(), Map.of());
    }
}
