package io.spindle.examples;

import io.spindle.api.DataStream;
import io.spindle.api.JobBuilder;
import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.api.OutputTag;
import io.spindle.api.SpindleJob;
import io.spindle.api.connectors.Sources;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.examples.nexmark.Auction;
import io.spindle.examples.nexmark.Bid;
import io.spindle.examples.nexmark.Event;
import io.spindle.examples.nexmark.NexmarkCodecs;
import io.spindle.examples.nexmark.NexmarkGenerator;
import io.spindle.examples.nexmark.Person;
import io.spindle.examples.nexmark.Queries;

import java.time.Duration;

/**
 * The W5 workload of docs/benchmarks.md: one Nexmark query over a generated, deterministic event stream in event
 * time. The generator's slices are its splits, each with watermarks 4 s behind its largest timestamp; a chained
 * split-by-type sends bids on, persons and auctions to side outputs; the query's results go to a checksum sink.
 * Arguments: {@code --query q0|q5|q7|q8|q11|q20}, {@code --events N} (default 2,000,000), {@code --output dir}
 * where each sink subtask publishes its row count and checksum; {@code --rate R} events/s (absent: no limit);
 * {@code --fail-after R} (and {@code --failures F}) makes subtask 0 of the split fail after R events.
 */
public final class Nexmark implements SpindleJob {

    static final OutputTag<Person> PERSONS = new OutputTag<>("persons", NexmarkCodecs.PERSON);
    static final OutputTag<Auction> AUCTIONS = new OutputTag<>("auctions", NexmarkCodecs.AUCTION);

    @Override
    public void define(JobBuilder job, JobParams params) {
        String query = params.get("query").orElseThrow(() -> new JobParameterException(
                "--query is required: one of " + String.join(", ", Queries.ALL.stream().sorted().toList())));
        if (!Queries.ALL.contains(query)) {
            throw new JobParameterException("--query " + query + " is not one of "
                    + String.join(", ", Queries.ALL.stream().sorted().toList()));
        }
        long events = ArgumentChecks.atLeast("events", params.getLong("events", 2_000_000), 0);
        String checksums = ArgumentChecks.nonEmptyPath("output", params.get("output").orElseThrow(
                () -> new JobParameterException("--output <directory> is required: the checksums go there")));
        double rate = ArgumentChecks.recordsPerSecond(params);
        FailureInjection failures = FailureInjection.from(params);
        WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(4))
                .withTimestampAssigner((event, previous) -> event.dateTime());
        DataStream<Bid> bids = job.source("nexmark-source",
                        Sources.generator(events, NexmarkGenerator::event, NexmarkCodecs.EVENT, rate), watermarks)
                .process("split-by-type", new SplitByType(failures), NexmarkCodecs.BID);
        Queries.build(query, bids, bids.sideOutput(PERSONS), bids.sideOutput(AUCTIONS), checksums);
    }

    /** Bids on the main output, persons and auctions on side outputs. */
    static final class SplitByType extends ProcessFunction<Event, Bid> {
        private final FailureInjection failures;
        private long seen;

        SplitByType(FailureInjection failures) {
            this.failures = failures;
        }

        @Override
        public void processElement(Event event, ProcessContext context, Collector<Bid> out) {
            failures.check(context.subtaskIndex(), context.attemptNumber(), ++seen);
            if (event instanceof Bid bid) {
                out.collect(bid);
            } else if (event instanceof Auction auction) {
                context.output(AUCTIONS, auction);
            } else {
                context.output(PERSONS, (Person) event);
            }
        }
    }
}
