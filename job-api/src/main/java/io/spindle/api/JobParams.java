package io.spindle.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The job's arguments, given after the jar as {@code --key value} (a {@code --flag} without a value
 * is "true"), like Flink's ParameterTool. Reading a missing or ill-typed argument throws
 * {@link JobParameterException} naming it, so Spindle can report it before anything starts.
 */
public final class JobParams {

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
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            String value = hasValue ? args.get(++i) : "true";
            if (values.put(key, value) != null) {
                throw new JobParameterException("job argument --" + key + " is given twice");
            }
        }
        return new JobParams(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new JobParameterException("missing job argument --" + name);
        }
        return value;
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

    public double getDouble(String name, double defaultValue) {
        return get(name).map(value -> parse(name, value, Double::parseDouble, "a number")).orElse(defaultValue);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(value -> switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new JobParameterException("job argument --" + name + ": '" + value + "' is not true or false");
        }).orElse(defaultValue);
    }

    public Map<String, String> toMap() {
        return values;
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
        return values.toString();
    }
}
