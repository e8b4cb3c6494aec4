package io.spindle.connectors.kafka;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactional ids of an exactly-once sink: {@code <prefix>-<subtask>-<k>}, k from a small pool per subtask.
 * An id belongs to the subtask {@code subtask mod parallelism}, so that after a rescale every id of the job, of
 * subtasks that no longer exist included, has exactly one owner.
 */
final class TransactionalIds {

    private static final Pattern ID = Pattern.compile("(.+)-(\\d+)-(\\d+)");

    private TransactionalIds() { }

    static String id(String prefix, int subtask, int k) {
        return prefix + "-" + subtask + "-" + k;
    }

    /** The subtask whose pool the id is of; empty if the id is not of the form {@code <prefix>-<subtask>-<k>}. */
    static Optional<Integer> subtaskOf(String transactionalId) {
        Matcher matcher = ID.matcher(transactionalId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The prefix of the id; empty if the id is not of the form {@code <prefix>-<subtask>-<k>}. */
    static Optional<String> prefixOf(String transactionalId) {
        Matcher matcher = ID.matcher(transactionalId);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the id is one of this prefix's. */
    static boolean hasPrefix(String transactionalId, String prefix) {
        Matcher matcher = ID.matcher(transactionalId);
        return matcher.matches() && matcher.group(1).equals(prefix);
    }

    /** Whether subtask {@code subtask} of {@code parallelism} owns the id. */
    static boolean owns(String transactionalId, int subtask, int parallelism) {
        return subtaskOf(transactionalId).map(s -> s % parallelism == subtask).orElse(false);
    }

    /**
     * The default prefix: unique per job and sink, the same in all attempts of the job. Kafka accepts any string as
     * a transactional id; the sink name is kept readable but cut short, and the job id keeps it unique.
     */
    static String defaultPrefix(String jobId, String sinkName) {
        String name = sinkName.replaceAll("[^A-Za-z0-9._]", "_");
        return "spindle-" + jobId + "-" + (name.length() > 60 ? name.substring(0, 60) : name);
    }
}
