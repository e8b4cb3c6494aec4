package io.spindle.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The job's arguments, given after the jar as {@code --key value}, like Flink's ParameterTool. A {@code --flag}
 * without a value (followed by another {@code --key}, or last) is true when read as a boolean; read as anything
 * else it is an error naming it, as is a missing or ill-typed argument: each throws {@link JobParameterException},
 * so Spindle can report it before anything starts.
 */
public final class JobParams {

    /** A bare {@code --flag} maps to null. */
    private final Map<String, String> values;

    private JobParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static JobParams of(Map<String, String> values) {
        return new JobParams(new LinkedHashMap<>(values));
    }

    public static JobParams fromArgs(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new JobParameterException("job argument '" + arg + "' is not of the form --key value");
            }
            String key = arg.substring(2);
            if (values.containsKey(key)) {
                throw new JobParameterException("job argument --" + key + " is given twice");
            }
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            values.put(key, hasValue ? args.get(++i) : null);
        }
        return new JobParams(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, if the argument is given; a bare {@code --name} is an error, as it has none. */
    public Optional<String> get(String name) {
        if (isBareFlag(name)) {
            throw new JobParameterException("job argument --" + name + " is given without a value");
        }
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> new JobParameterException("missing job argument --" + name));
    }

    public long requiredLong(String name) {
        return parse(name, required(name), Long::parseLong, "a whole number");
    }

    public Optional<Long> getLong(String name) {
        return get(name).map(value -> parse(name, value, Long::parseLong, "a whole number"));
    }

    public long getLong(String name, long defaultValue) {
        return getLong(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return get(name).map(value -> parse(name, value, Integer::parseInt, "a whole number")).orElse(defaultValue);
    }

    public Optional<Double> getDouble(String name) {
        return get(name).map(value -> parse(name, value, Double::parseDouble, "a number"));
    }

    public double getDouble(String name, double defaultValue) {
        return getDouble(name).orElse(defaultValue);
    }

    /** A bare {@code --name} is true. */
    public boolean getBoolean(String name, boolean defaultValue) {
        if (isBareFlag(name)) {
            return true;
        }
        return get(name).map(value -> switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new JobParameterException("job argument --" + name + ": '" + value + "' is not true or false");
        }).orElse(defaultValue);
    }

    /** The arguments as given, a bare {@code --flag} as true. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, value == null ? "true" : value));
        return Collections.unmodifiableMap(map);
    }

    private boolean isBareFlag(String name) {
        return values.containsKey(name) && values.get(name) == null;
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new JobParameterException("job argument --" + name + ": '" + value + "' is not " + what);
        }
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
