package io.spindle.core.restart;

import io.spindle.core.config.Configuration;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Decides whether and when a failed job restarts. Implementations are pure state machines over the
 * times the caller passes in (milliseconds): they never read a clock or sleep, so the coordinator
 * and the tests drive them the same way. Semantics are Flink's (1.19+), see docs/user-guide.md.
 */
public interface RestartPolicy {

    /**
     * Records a failure seen at {@code nowMillis}. Returns true if it starts a new restart attempt,
     * false if it is merged into the attempt already waiting (exponential-delay only).
     */
    boolean notifyFailure(long nowMillis);

    /** Whether the job may restart, given the failures recorded so far, as seen at {@code nowMillis}. */
    boolean canRestart(long nowMillis);

    /**
     * How long to wait before restarting, as seen at {@code nowMillis}.
     *
     * @throws IllegalStateException if no failure was recorded yet
     */
    long backoffMillis(long nowMillis);

    /** The longest a restart may ever wait: what a transaction that must outlive a restart has to allow for. */
    long longestBackoffMillis();

    /**
     * Builds the configured policy from flat keys as in a flink-conf.yaml.
     *
     * @param random drives jitter; tests pass a seeded one
     * @throws io.spindle.core.config.ConfigException naming the offending key
     */
    static RestartPolicy fromConfig(Map<String, String> config, boolean checkpointingEnabled,
                                    RandomGenerator random) {
        return RestartPolicyFactory.create(Configuration.fromMap(config), checkpointingEnabled, random);
    }

    /** Builds the configured policy from Spindle's typed configuration. */
    static RestartPolicy fromConfig(Configuration config, boolean checkpointingEnabled, RandomGenerator random) {
        return RestartPolicyFactory.create(config, checkpointingEnabled, random);
    }
}
