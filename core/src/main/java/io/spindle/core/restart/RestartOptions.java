package io.spindle.core.restart;

import io.spindle.core.config.ConfigOption;

import java.time.Duration;
import java.util.List;

/** Flink's {@code restart-strategy.*} keys with Flink 1.19+ defaults. */
public final class RestartOptions {

    private RestartOptions() { }

    public static final ConfigOption<RestartStrategyType> TYPE = ConfigOption.key("restart-strategy.type")
            .type(RestartStrategyType.VALUE_TYPE).noDefaultValue()
            .withFallbackKeys("restart-strategy")
            .withDescription("none, fixed-delay, failure-rate or exponential-delay. Unset: exponential-delay "
                    + "if checkpointing is on, none otherwise.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
            ConfigOption.key("restart-strategy.fixed-delay.attempts").intType().defaultValue(1)
                    .withDescription("Restarts allowed before the job fails.");

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY =
            ConfigOption.key("restart-strategy.fixed-delay.delay").durationType().defaultValue(Duration.ofSeconds(1))
                    .withDescription("Wait before each restart.");

    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES =
            ConfigOption.key("restart-strategy.failure-rate.max-failures-per-interval").intType().defaultValue(1)
                    .withDescription("Failures allowed within one interval.");

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL =
            ConfigOption.key("restart-strategy.failure-rate.failure-rate-interval").durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("The window in which failures are counted.");

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY =
            ConfigOption.key("restart-strategy.failure-rate.delay").durationType().defaultValue(Duration.ofSeconds(1))
                    .withDescription("Wait before each restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF =
            ConfigOption.key("restart-strategy.exponential-delay.initial-backoff").durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("Wait before the first restart.");

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF =
            ConfigOption.key("restart-strategy.exponential-delay.max-backoff").durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("Longest wait between restarts.");

    public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER =
            ConfigOption.key("restart-strategy.exponential-delay.backoff-multiplier").doubleType().defaultValue(1.5)
                    .withDescription("Growth of the wait from one restart to the next.");

    public static final ConfigOption<Duration> EXPONENTIAL_RESET_THRESHOLD =
            ConfigOption.key("restart-strategy.exponential-delay.reset-backoff-threshold").durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("A failure this long after the last restart starts the backoff over.");

    public static final ConfigOption<Double> EXPONENTIAL_JITTER =
            ConfigOption.key("restart-strategy.exponential-delay.jitter-factor").doubleType().defaultValue(0.1)
                    .withDescription("Random share of the wait added or removed, 0 to 1.");

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS =
            ConfigOption.key("restart-strategy.exponential-delay.attempts-before-reset-backoff").intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .withDescription("Restarts allowed before the backoff resets; unlimited by default.");

    public static final List<ConfigOption<?>> ALL = List.of(TYPE,
            FIXED_DELAY_ATTEMPTS, FIXED_DELAY_DELAY,
            FAILURE_RATE_MAX_FAILURES, FAILURE_RATE_INTERVAL, FAILURE_RATE_DELAY,
            EXPONENTIAL_INITIAL_BACKOFF, EXPONENTIAL_MAX_BACKOFF, EXPONENTIAL_MULTIPLIER,
            EXPONENTIAL_RESET_THRESHOLD, EXPONENTIAL_JITTER, EXPONENTIAL_ATTEMPTS);
}
