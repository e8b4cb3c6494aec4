package io.spindle.client.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One flat JSON object on one line: numbers, booleans, strings and nulls. */
public final class JsonLine {

    private JsonLine() { }

    public static String of(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + value(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return String.valueOf(value);
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? String.format(Locale.ROOT, "%.3f", number) : "null";
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
