package io.spindle.examples;

import io.spindle.api.JobParams;

/**
 * A deliberate failure for recovery tests and benchmarks: subtask 0 of an operator throws after {@code afterRecords}
 * records in each of the first {@code attempts} executions; none if {@code afterRecords} is 0. Arguments
 * {@code --fail-after R} and {@code --failures F} (default 1).
 */
record FailureInjection(long afterRecords, int attempts) {

    static FailureInjection from(JobParams params) {
        return new FailureInjection(ArgumentChecks.atLeast("fail-after", params.getLong("fail-after", 0), 0),
                (int) ArgumentChecks.atLeast("failures", params.getInt("failures", 1), 0));
    }

    /** Throws if this record, the {@code counted}-th of this subtask in this execution, is the one to fail on. */
    void check(int subtaskIndex, int attemptNumber, long counted) {
        if (afterRecords > 0 && counted == afterRecords && subtaskIndex == 0 && attemptNumber < attempts) {
            throw new IllegalStateException("injected failure after " + counted + " records (execution "
                    + attemptNumber + ")");
        }
    }
}
