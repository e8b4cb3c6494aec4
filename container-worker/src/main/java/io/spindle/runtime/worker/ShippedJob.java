package io.spindle.runtime.worker;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.ConfigLoader;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import io.spindle.core.graph.StreamGraph;
import io.spindle.core.options.SpindleOptions;
import io.spindle.core.plan.ExecutionPlan;

import java.nio.file.Path;
import java.util.List;

/**
 * The job as a container of the application finds it: its class on the classpath (the shipped job jar), its
 * arguments on the command line, and the effective configuration the client wrote into the working directory.
 */
public record ShippedJob(SpindleJob job, JobParams params, Configuration configuration, ExecutionPlan plan) {

    public static ShippedJob load(String jobClass, List<String> arguments) throws ReflectiveOperationException {
        Configuration configuration = new ConfigLoader(SpindleOptions.REGISTRY).load(Path.of("."), List.of()).orThrow();
        SpindleJob job = (SpindleJob) Class.forName(jobClass).getDeclaredConstructor().newInstance();
        JobParams params = JobParams.fromArgs(arguments);
        return new ShippedJob(job, params, configuration, ExecutionPlan.of(JobGraphs.build(job, params, configuration)));
    }

    /** A graph built anew, so that no two subtasks share a function object. */
    public StreamGraph freshGraph() {
        return JobGraphs.build(job, params, configuration);
    }
}
