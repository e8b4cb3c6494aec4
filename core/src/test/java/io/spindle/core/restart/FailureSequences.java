package io.spindle.core.restart;

import java.util.ArrayList;
import java.util.List;

/** Drives a policy through a sequence of failures, as the job master would. */
final class FailureSequences {

    private FailureSequences() {
    }

    /** Notifies a failure at each time and records {@code canRestart} right after it, at the same time. */
    static List<Boolean> canRestartAfterEach(RestartPolicy policy, long... failureTimes) {
        List<Boolean> results = new ArrayList<>();
        for (long now : failureTimes) {
            policy.notifyFailure(now);
            results.add(policy.canRestart(now));
        }
        return results;
    }
}
