package io.spindle.core.config;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every option a program knows, looked up by current or older key; knows which Flink keys have no
 * meaning here, finds the nearest known key for a misspelt one, and runs the checks that span keys.
 */
public final class OptionRegistry {

    private final List<ConfigOption<?>> options;
    private final Map<String, ConfigOption<?>> byAnyKey = new LinkedHashMap<>();
    private final Set<String> ignoredFlinkKeys;
    private final List<Consumer<Configuration>> crossChecks;

    /**
     * @param ignoredFlinkKeys keys a Flink configuration may hold that Spindle does not use
     * @param crossChecks checks over several keys; each throws {@link ConfigException} naming a key
     */
    public OptionRegistry(List<ConfigOption<?>> options, Set<String> ignoredFlinkKeys,
                          List<Consumer<Configuration>> crossChecks) {
        this.options = List.copyOf(options);
        this.ignoredFlinkKeys = Set.copyOf(ignoredFlinkKeys);
        this.crossChecks = List.copyOf(crossChecks);
        for (ConfigOption<?> option : options) {
            for (String key : option.allKeys()) {
                if (byAnyKey.putIfAbsent(key, option) != null) {
                    throw new IllegalArgumentException("key declared twice: " + key);
                }
            }
        }
    }

    public List<ConfigOption<?>> options() {
        return options;
    }

    public Optional<ConfigOption<?>> option(String anyKey) {
        return Optional.ofNullable(byAnyKey.get(anyKey));
    }

    /** The current name for a key that may be an older one; unknown keys are returned as they are. */
    public String currentKey(String anyKey) {
        return option(anyKey).map(ConfigOption::key).orElse(anyKey);
    }

    public boolean isIgnoredFlinkKey(String key) {
        return ignoredFlinkKeys.contains(key);
    }

    public Set<String> ignoredFlinkKeys() {
        return ignoredFlinkKeys;
    }

    /** The known key closest to a misspelt one, by edit distance. */
    public String nearestKey(String key) {
        return byAnyKey.keySet().stream()
                .min(Comparator.comparingInt((String known) -> EditDistance.between(key, known))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    List<Consumer<Configuration>> crossChecks() {
        return crossChecks;
    }
}
