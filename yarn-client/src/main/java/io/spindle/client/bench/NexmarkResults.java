package io.spindle.client.bench;

import io.spindle.client.job.JobJar;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * W5's queries, result totals and published results as the examples jar defines them ({@code Queries},
 * {@code Totals}, {@code PublishedResults}), called through the jar's class loader as {@link ExactCounts} does, so
 * the harness cannot drift from the job it runs.
 */
public final class NexmarkResults {

    /** Result rows and their checksum, 16 hex digits. */
    public record Totals(long rows, String checksum) { }

    private static final String PACKAGE = "io.spindle.examples.nexmark.";

    private final Set<String> queries;
    private final Object none;
    private final MethodHandle parse;
    private final MethodHandle plus;
    private final MethodHandle published;

    private NexmarkResults(ClassLoader examples) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> totals = Class.forName(PACKAGE + "Totals", true, examples);
        Class<?> published = Class.forName(PACKAGE + "PublishedResults", true, examples);
        @SuppressWarnings("unchecked")
        Set<String> queries = (Set<String>) Class.forName(PACKAGE + "Queries", true, examples).getField("ALL").get(null);
        this.queries = queries;
        this.none = totals.getField("NONE").get(null);
        this.parse = lookup.findStatic(totals, "parse", MethodType.methodType(totals, String.class));
        this.plus = lookup.findVirtual(totals, "plus", MethodType.methodType(totals, totals));
        this.published = lookup.findStatic(published, "of",
                MethodType.methodType(Optional.class, String.class, long.class));
    }

    /** From the classes of the examples jar at {@code jar}. */
    public static NexmarkResults load(Path jar) {
        try {
            return new NexmarkResults(JobJar.load(jar, Optional.of(NexmarkBench.JOB_CLASS)).getClass().getClassLoader());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the examples jar " + jar + " has no Nexmark totals or published results", e);
        }
    }

    public Set<String> queries() {
        return queries;
    }

    /** The sum of the totals in these {@code rows<TAB>checksum} texts, the checksum files' contents. */
    public Totals sum(List<String> texts) {
        Object sum = none;
        try {
            for (String text : texts) {
                sum = plus.invoke(sum, parse.invoke(text));
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot add up the checksum files: " + e.getMessage(), e);
        }
        return of(sum);
    }

    /** The published totals of {@code query} over {@code events} events; empty where none were published. */
    public Optional<Totals> published(String query, long events) {
        try {
            return ((Optional<?>) published.invoke(query, events)).map(NexmarkResults::of);
        } catch (Throwable e) {
            throw new IllegalStateException("PublishedResults.of failed", e);
        }
    }

    /** The examples' Totals, from its text {@code rows<TAB>checksum}. */
    private static Totals of(Object examplesTotals) {
        String[] fields = examplesTotals.toString().split("\t");
        return new Totals(Long.parseLong(fields[0]), fields[1]);
    }
}
