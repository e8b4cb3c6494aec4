package io.spindle.core.restart;

import io.spindle.core.config.ValueType;

import java.util.List;
import java.util.Locale;

/** The restart policies by name, with every spelling Flink accepts. */
public enum RestartStrategyType {
    NONE("none", "off", "disable"),
    FIXED_DELAY("fixed-delay", "fixeddelay"),
    FAILURE_RATE("failure-rate", "failurerate"),
    EXPONENTIAL_DELAY("exponential-delay", "exponentialdelay");

    private final List<String> names;

    RestartStrategyType(String... names) {
        this.names = List.of(names);
    }

    public String displayName() {
        return names.get(0);
    }

    static final ValueType<RestartStrategyType> VALUE_TYPE = ValueType.of("restart strategy",
            RestartStrategyType::parse, RestartStrategyType::displayName);

    static RestartStrategyType parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (RestartStrategyType type : values()) {
            if (type.names.contains(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + text.trim()
                + "' is not a restart strategy (none, fixed-delay, failure-rate or exponential-delay)");
    }
}
