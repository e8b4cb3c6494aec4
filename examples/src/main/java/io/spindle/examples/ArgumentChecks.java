package io.spindle.examples;

import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the examples check their own arguments: in {@code define}, which Spindle runs before anything starts, a value
 * the job cannot run with throws {@link JobParameterException} naming the argument, so {@code spindle run} reports
 * it as one line (exit 2) instead of the job failing later.
 */
final class ArgumentChecks {

    /** What {@code Sources.generator} takes for "no rate limit". */
    private static final double NO_RATE_LIMIT = 0;
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*");

    private ArgumentChecks() { }

    static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new JobParameterException("job argument --" + name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code --rate R} records/s, more than 0; for no limit, the argument is left out (0 is not "unlimited"). */
    static double recordsPerSecond(JobParams params) {
        Optional<Double> rate = params.getDouble("rate");
        if (rate.isPresent() && !(rate.get() > 0 && Double.isFinite(rate.get()))) {
            throw new JobParameterException("job argument --rate must be more than 0 records/s (leave it out for no "
                    + "limit), got " + params.get("rate").orElseThrow());
        }
        return rate.orElse(NO_RATE_LIMIT);
    }

    static String nonEmpty(String name, String value) {
        if (value.isBlank()) {
            throw new JobParameterException("job argument --" + name + " is empty");
        }
        return value;
    }

    static String nonEmptyPath(String name, String path) {
        if (path.isBlank()) {
            throw new JobParameterException("job argument --" + name + " is an empty path");
        }
        return path;
    }

    /**
     * A path to read that must exist. Only paths on this machine ({@code /data}, {@code file:///data}) can be
     * checked here; on other file systems ({@code hdfs://...}) the source reports a missing path when it starts.
     */
    static String existingInput(String name, String path) {
        nonEmptyPath(name, path);
        if (localPath(path).filter(Files::notExists).isPresent()) {
            throw new JobParameterException("job argument --" + name + ": " + path + " does not exist");
        }
        return path;
    }

    /** The local file a path names, if it names one: no scheme, or {@code file:} (as Hadoop reads it). */
    private static Optional<Path> localPath(String path) {
        Matcher scheme = SCHEME.matcher(path);
        if (!scheme.matches()) {
            return Optional.of(Path.of(path));
        }
        if (!scheme.group(1).equalsIgnoreCase("file")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path.substring(scheme.end(1) + 1).replaceFirst("^//(?=/)", "")));
    }
}
