package io.spindle.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink 1.x {@code flink-conf.yaml}: one {@code key: value} per line, {@code #} starts a comment
 * anywhere, the first ": " separates key from value, values are raw text. Where Flink only logs
 * and skips a malformed line, Spindle reports it, because a silently ignored setting is worse.
 */
public final class FlatConfigParser implements ConfigFileParser {

    @Override
    public ParsedFile parse(Path file, String text) {
        List<ConfigEntry> entries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String where = file + ":" + lineNo;
            String line = lines[i].split("#", 2)[0].trim();
            if (line.isEmpty()) {
                continue;
            }
            int separator = line.indexOf(": ");
            if (separator < 0) {
                diagnostics.add(Diagnostic.error(where, null,
                        "'" + line + "' is not a 'key: value' line (missing space after ':'?)"));
                continue;
            }
            String key = line.substring(0, separator).trim();
            String value = line.substring(separator + 2).trim();
            if (key.isEmpty() || value.isEmpty()) {
                diagnostics.add(Diagnostic.error(where, key.isEmpty() ? null : key,
                        key.isEmpty() ? "line has a value but no key" : "has no value"));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(key, lineNo);
            if (earlier != null) {
                diagnostics.add(Diagnostic.error(where, key, "duplicate key (first set on line " + earlier + ")"));
                continue;
            }
            entries.add(new ConfigEntry(key, value, new ValueSource.FileLine(file, lineNo)));
        }
        return new ParsedFile(entries, diagnostics);
    }
}
