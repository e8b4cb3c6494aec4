package io.spindle.examples;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;

/**
 * Writes record i as the line {@code i}, one line per record, to text files: the simplest check of exactly-once
 * output, which anyone can make with {@code sort -n | uniq -d} and a line count. Arguments: {@code --records N}
 * (required), {@code --rate R} records/s in all (absent: as fast as it goes), {@code --output dir} (required).
 */
public final class Sequence implements SpindleJob {

    @Override
    public void define(JobBuilder job, JobParams params) {
        long records = ArgumentChecks.atLeast("records", params.requiredLong("records"), 0);
        double rate = ArgumentChecks.recordsPerSecond(params);
        String output = ArgumentChecks.nonEmptyPath("output", params.required("output"));
        job.source("sequence", Sources.generator(records, i -> i, Codecs.LONG, rate))
                .sink("lines", Sinks.textFiles(output));
    }

    /**
     * How the numbers of the output lines, sorted, differ from 0 .. records - 1 each exactly once: how many lines are
     * missing, how many written more than once and how many out of range, with the first missing and repeated one;
     * empty if they do not differ.
     */
    public static String problems(long[] sorted, long records) {
        long missing = 0;
        long repeated = 0;
        long firstMissing = -1;
        long firstRepeated = -1;
        int at = 0;
        while (at < sorted.length && sorted[at] < 0) {
            at++;
        }
        long outOfRange = at;
        for (long expected = 0; expected < records; expected++) {
            int seen = 0;
            while (at < sorted.length && sorted[at] == expected) {
                seen++;
                at++;
            }
            if (seen == 0 && missing++ == 0) {
                firstMissing = expected;
            }
            if (seen > 1 && repeated++ == 0) {
                firstRepeated = expected;
            }
        }
        outOfRange += sorted.length - at;
        if (missing == 0 && repeated == 0 && outOfRange == 0) {
            return "";
        }
        return missing + " of " + records + " lines missing (first " + firstMissing + "), " + repeated
                + " written more than once (first " + firstRepeated + "), " + outOfRange + " out of range";
    }
}
