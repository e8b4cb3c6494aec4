package io.spindle.examples;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;

/**
 * Writes record i as the line {@code i}, one line per record, to text files: the simplest check of exactly-once
 * output, which anyone can make with {@code sort -n | uniq -d} and a line count. Arguments: {@code --records N}
 * (required), {@code --rate R} records/s in all (default: as fast as it goes), {@code --output dir} (required).
 */
public final class Sequence implements SpindleJob {

    @Override
    public void define(JobBuilder job, JobParams params) {
        long records = params.requiredLong("records");
        if (records < 0) {
            throw new JobParameterException("job argument --records must not be negative, got " + records);
        }
        double rate = params.getDouble("rate", 0);
        if (rate < 0) {
            throw new JobParameterException("job argument --rate must not be negative, got " + rate);
        }
        String output = params.required("output");
        job.source("sequence", Sources.generator(records, i -> i, Codecs.LONG, rate))
                .sink("lines", Sinks.textFiles(output));
    }
}
