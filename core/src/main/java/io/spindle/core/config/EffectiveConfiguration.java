package io.spindle.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every option's effective value and where it came from, then the keys set that no option reads: what
 * {@code spindle config} prints and the dashboard's configuration page shows.
 */
public final class EffectiveConfiguration {

    /**
     * One key: its value as the option formats it (empty if it has none) and where it came from ("default",
     * "not set", a file and line, "-D", "job code", ...); {@code used} is false for a key no option reads.
     */
    public record Row(String key, String value, String where, boolean used) { }

    /** The {@code where} of an option that has neither a value nor a default. */
    public static final String NOT_SET = "not set";

    private EffectiveConfiguration() { }

    public static List<Row> of(Configuration configuration, OptionRegistry registry) {
        List<Row> rows = new ArrayList<>();
        for (ConfigOption<?> option : registry.options()) {
            rows.add(row(configuration, option));
        }
        for (String key : configuration.keys()) {
            if (registry.option(key).isEmpty()) {
                Configuration.Value value = configuration.raw(key).orElseThrow();
                rows.add(new Row(key, value.raw(), value.source().where(), false));
            }
        }
        return rows;
    }

    private static <T> Row row(Configuration configuration, ConfigOption<T> option) {
        Optional<T> value = configuration.getOptional(option);
        if (value.isEmpty()) {
            return new Row(option.key(), "", NOT_SET, true);
        }
        String where = configuration.find(option).map(set -> set.source().where()
                        + (set.writtenKey().equals(option.key()) ? "" : ", written as " + set.writtenKey()))
                .orElse("default");
        return new Row(option.key(), option.type().format(value.get()), where, true);
    }
}
