package io.spindle.core.graph;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;

/** Runs a job's {@code define} into a validated graph. */
public final class JobGraphs {

    private JobGraphs() { }

    /**
     * @throws io.spindle.api.JobDefinitionException if the graph is invalid
     * @throws io.spindle.api.JobParameterException if a job argument is missing or ill-typed
     * @throws io.spindle.core.config.ConfigException if a configuration value the graph reads is invalid
     */
    public static StreamGraph build(SpindleJob job, JobParams params, Configuration configuration) {
        StreamGraphBuilder builder = new StreamGraphBuilder(job.getClass().getSimpleName(), configuration);
        job.define(builder, params);
        return builder.build();
    }
}
