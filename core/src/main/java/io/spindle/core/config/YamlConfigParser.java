package io.spindle.core.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard YAML, as Flink 2.x's {@code config.yaml}: nested mappings are flattened with dots
 * ({@code execution: {checkpointing: {interval: 10 s}}} is {@code execution.checkpointing.interval}),
 * and flat dotted keys work as well, so a Flink 1.x style file of {@code key: value} lines loads too.
 * Lists become {@code ;}-separated text, Flink's legacy list encoding. Duplicate keys, also after
 * flattening, are errors.
 */
public final class YamlConfigParser implements ConfigFileParser {

    @Override
    public ParsedFile parse(Path file, String text) {
        List<ConfigEntry> entries = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<Node> root;
        try {
            root = compose(file, text);
        } catch (MarkedYamlEngineException e) {
            return new ParsedFile(entries, List.of(syntaxError(file, e)));
        } catch (YamlEngineException e) {
            return new ParsedFile(entries, List.of(Diagnostic.error(file.toString(), null, "invalid YAML: " + e.getMessage())));
        }
        if (root.isEmpty()) {
            return new ParsedFile(entries, diagnostics);
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            diagnostics.add(Diagnostic.error(where(file, root.get()), null,
                    "expected 'key: value' lines or nested keys, found " + describe(root.get())));
            return new ParsedFile(entries, diagnostics);
        }
        flatten(file, "", mapping, entries, diagnostics, new HashMap<>());
        return new ParsedFile(entries, diagnostics);
    }

    private static Optional<Node> compose(Path file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
        Optional<Node> node = composer.getSingleNode();
        return node;
    }

    private static void flatten(Path file, String prefix, MappingNode mapping, List<ConfigEntry> entries,
                                List<Diagnostic> diagnostics, Map<String, Integer> firstLine) {
        // A key written twice in one mapping is a YAML duplicate even when its values are sections
        // whose flattened keys differ (two "execution:" blocks), as in Flink 2.x.
        Map<String, Integer> keysHere = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Node valueNode = tuple.getValueNode();
            if (!(keyNode instanceof ScalarNode scalarKey) || scalarKey.getValue().isBlank()) {
                diagnostics.add(Diagnostic.error(where(file, keyNode), null, "a key must be plain text"));
                continue;
            }
            String key = prefix + scalarKey.getValue().trim();
            int line = line(keyNode);
            Integer earlierHere = keysHere.putIfAbsent(key, line);
            if (earlierHere != null) {
                diagnostics.add(Diagnostic.error(file + ":" + line, key, "duplicate key (first set on line " + earlierHere + ")"));
                continue;
            }
            if (valueNode instanceof MappingNode nested) {
                flatten(file, key + ".", nested, entries, diagnostics, firstLine);
                continue;
            }
            Optional<String> value = leafValue(valueNode);
            if (value.isEmpty()) {
                diagnostics.add(Diagnostic.error(file + ":" + line, key,
                        valueNode instanceof ScalarNode ? "has no value" : "nested lists are not supported"));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(key, line);
            if (earlier != null) {
                diagnostics.add(Diagnostic.error(file + ":" + line, key, "duplicate key (first set on line " + earlier + ")"));
                continue;
            }
            entries.add(new ConfigEntry(key, value.get(), new ValueSource.FileLine(file, line)));
        }
    }

    private static Optional<String> leafValue(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? Optional.empty() : Optional.of(scalar.getValue());
        }
        if (node instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    return Optional.empty();
                }
                items.add(scalar.getValue());
            }
            return Optional.of(String.join(";", items));
        }
        return Optional.empty();
    }

    private static Diagnostic syntaxError(Path file, MarkedYamlEngineException e) {
        String where = e.getProblemMark().or(e::getContextMark).map(mark -> file + ":" + (mark.getLine() + 1))
                .orElse(file.toString());
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        if (problem.contains("\\t")) {
            problem = "a tab character; YAML indents with spaces only";
        } else if (e.getContext() != null) {
            problem = problem + " (" + e.getContext() + "); check the indentation";
        }
        return Diagnostic.error(where, null, "invalid YAML: " + problem.replace('\n', ' '));
    }

    private static String where(Path file, Node node) {
        return file + ":" + line(node);
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'" : "a list";
    }
}
