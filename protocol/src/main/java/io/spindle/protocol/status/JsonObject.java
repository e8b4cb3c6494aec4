package io.spindle.protocol.status;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of one JSON object as jackson-jr gives it (Maps, Lists, Numbers, Strings); a missing
 * or ill-typed field is an {@link IllegalArgumentException} naming it, e.g. {@code tasks[0].subtask}.
 */
public final class JsonObject {

    private final Map<?, ?> fields;
    private final String path;

    private JsonObject(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    public static JsonObject parse(String json) {
        try {
            return new JsonObject(JSON.std.mapFrom(json), "");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    public String text(String key) {
        return optionalText(key).orElseThrow(() -> missing(key));
    }

    public Optional<String> optionalText(String key) {
        return optional(key, String.class, "a string");
    }

    public long number(String key) {
        return optionalNumber(key).orElseThrow(() -> missing(key));
    }

    public Optional<Long> optionalNumber(String key) {
        return optional(key, Number.class, "a number").map(Number::longValue);
    }

    /** A list of numbers; absent is an empty list. */
    public List<Long> numbers(String key) {
        List<?> list = optional(key, List.class, "a list").orElse(List.of());
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Number number)) {
                throw new IllegalArgumentException(name(key) + "[" + i + "] is not a number");
            }
            numbers.add(number.longValue());
        }
        return numbers;
    }

    public int integer(String key) {
        long number = number(key);
        if (number != (int) number) {
            throw new IllegalArgumentException(name(key) + " is out of range: " + number);
        }
        return (int) number;
    }

    public Optional<JsonObject> optionalObject(String key) {
        return optional(key, Map.class, "an object").map(map -> new JsonObject(map, name(key)));
    }

    public JsonObject object(String key) {
        return optionalObject(key).orElseThrow(() -> missing(key));
    }

    public List<JsonObject> objects(String key) {
        List<?> list = optional(key, List.class, "a list").orElseThrow(() -> missing(key));
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String element = name(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(element + " is not an object");
            }
            objects.add(new JsonObject(map, element));
        }
        return objects;
    }

    /** Absent and JSON null are the same: not there. */
    private <T> Optional<T> optional(String key, Class<T> type, String what) {
        Object value = fields.get(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(name(key) + " is not " + what + ": " + value);
        }
        return Optional.ofNullable(type.cast(value));
    }

    private IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("'" + name(key) + "' is missing");
    }

    private String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
