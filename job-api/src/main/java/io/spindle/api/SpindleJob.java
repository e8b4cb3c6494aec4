package io.spindle.api;

/**
 * A Spindle job. {@link #define} describes the dataflow; Spindle calls it in the client (to check the
 * job before anything starts) and again wherever the job's tasks run, so it must describe the same
 * graph every time for the same parameters, and should do no work itself.
 */
public interface SpindleJob {

    void define(JobBuilder job, JobParams params);
}
