package io.spindle.protocol.status;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What a run of completed checkpoints looked like, as the status document and the benchmarks report it: the median
 * and the longest duration, and the median upload.
 */
public record CheckpointSummary(long durationMillisP50, long durationMillisMax, long incrementalBytesP50) {

    /** Of {@code completed}; empty if there are none. */
    public static Optional<CheckpointSummary> of(List<CompletedCheckpointStats> completed) {
        if (completed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckpointSummary(median(completed, CompletedCheckpointStats::durationMillis),
                completed.stream().mapToLong(CompletedCheckpointStats::durationMillis).max().orElseThrow(),
                median(completed, CompletedCheckpointStats::incrementalBytes)));
    }

    /** The upper median: a value one of the checkpoints had. */
    private static long median(List<CompletedCheckpointStats> completed, ToLongFunction<CompletedCheckpointStats> figure) {
        long[] values = completed.stream().mapToLong(figure).sorted().toArray();
        return values[values.length / 2];
    }
}
