package io.spindle.examples.nexmark;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;

/**
 * q0 into a {@link ChecksumSink}: {@code --events N --output dir}, {@code --rate R} events/s, and
 * {@code --fail-after B}: subtask 0 throws once, in the first execution, at its B-th bid.
 */
final class ChecksummedBids implements SpindleJob {

    @Override
    public void define(JobBuilder job, JobParams params) {
        job.source("events", Sources.generator(params.requiredLong("events"), NexmarkGenerator::event,
                        NexmarkCodecs.EVENT, params.getDouble("rate").orElse(0.0)))
                .process("bids", new Bids(params.getLong("fail-after", 0)), NexmarkCodecs.BID)
                .sink("checksum", new ChecksumSink<>(params.required("output"), Rows::q0));
    }

    private static final class Bids extends ProcessFunction<Event, Bid> {
        private final long failAfter;
        private long bids;

        Bids(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void processElement(Event event, ProcessContext context, Collector<Bid> out) {
            if (event instanceof Bid bid) {
                if (++bids == failAfter && context.subtaskIndex() == 0 && context.attemptNumber() == 0) {
                    throw new IllegalStateException("injected failure at bid " + bids);
                }
                out.collect(bid);
            }
        }
    }
}
