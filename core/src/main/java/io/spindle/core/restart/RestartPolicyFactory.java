package io.spindle.core.restart;

import io.spindle.core.config.ConfigException;
import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import static io.spindle.core.restart.RestartOptions.*;

/** Picks and builds the configured restart policy, as Flink 1.19+ does. */
final class RestartPolicyFactory {

    private RestartPolicyFactory() { }

    static RestartPolicy create(Configuration config, boolean checkpointingEnabled, RandomGenerator random) {
        RestartStrategyType type = config.getOptional(TYPE).orElse(
                checkpointingEnabled ? RestartStrategyType.EXPONENTIAL_DELAY : RestartStrategyType.NONE);
        return switch (type) {
            case NONE -> new NoRestartPolicy();
            case FIXED_DELAY -> build(config, () -> new FixedDelayRestartPolicy(
                    config.get(FIXED_DELAY_ATTEMPTS), config.get(FIXED_DELAY_DELAY).toMillis()));
            case FAILURE_RATE -> build(config, () -> new FailureRateRestartPolicy(
                    config.get(FAILURE_RATE_MAX_FAILURES), config.get(FAILURE_RATE_INTERVAL).toMillis(),
                    config.get(FAILURE_RATE_DELAY).toMillis()));
            case EXPONENTIAL_DELAY -> build(config, () -> new ExponentialDelayRestartPolicy(
                    config.get(EXPONENTIAL_INITIAL_BACKOFF).toMillis(), config.get(EXPONENTIAL_MAX_BACKOFF).toMillis(),
                    config.get(EXPONENTIAL_MULTIPLIER), config.get(EXPONENTIAL_RESET_THRESHOLD).toMillis(),
                    config.get(EXPONENTIAL_JITTER), config.get(EXPONENTIAL_ATTEMPTS), random));
        };
    }

    /** Turns a policy's rejection of its parameters into a configuration error at the offending key. */
    private static RestartPolicy build(Configuration config, Supplier<RestartPolicy> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (ConfigOption<?> option : ALL) {
                if (message.startsWith(option.key())) {
                    String where = config.find(option).map(v -> v.source().where()).orElse("default");
                    String key = config.find(option).map(v -> v.writtenKey()).orElse(option.key());
                    throw new ConfigException(Diagnostic.error(where, key,
                            message.substring(option.key().length()).trim()), e);
                }
            }
            throw new ConfigException(Diagnostic.error(null, TYPE.key(), message), e);
        }
    }
}
