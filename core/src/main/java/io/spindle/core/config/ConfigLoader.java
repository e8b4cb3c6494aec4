package io.spindle.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the effective configuration: defaults, then the file in the conf dir, then {@code -D}
 * properties. Older key names are stored under the current name, so a {@code -D} of either name
 * overrides a file line of either name. Problems are collected, never thrown, so
 * {@code spindle config --check} can list them all.
 */
public final class ConfigLoader {

    /** Looked for in this order; the first present is read. */
    public static final List<String> FILE_NAMES = List.of("spindle-conf.yaml", "config.yaml", "flink-conf.yaml");

    private final OptionRegistry registry;

    public ConfigLoader(OptionRegistry registry) {
        this.registry = registry;
    }

    public LoadedConfiguration load(Path confDir, List<String> dynamicProperties) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Configuration configuration = new Configuration();
        Optional<Path> file = Optional.empty();
        if (Files.isDirectory(confDir)) {
            file = configFile(confDir, diagnostics);
            file.ifPresent(path -> readFile(path, configuration, diagnostics));
        } else {
            diagnostics.add(Diagnostic.error(confDir.toString(), null, Files.exists(confDir)
                    ? "is a file, not a configuration directory"
                    : "configuration directory does not exist"));
        }
        readDynamicProperties(dynamicProperties, configuration, diagnostics);
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            validate(configuration, diagnostics);
        }
        return new LoadedConfiguration(configuration, file, List.copyOf(diagnostics));
    }

    private static Optional<Path> configFile(Path confDir, List<Diagnostic> diagnostics) {
        List<Path> directories = FILE_NAMES.stream().map(confDir::resolve).filter(Files::isDirectory).toList();
        if (!directories.isEmpty()) {
            diagnostics.add(Diagnostic.error(directories.get(0).toString(), null,
                    "is a directory, not a configuration file"));
            return Optional.empty();
        }
        List<Path> present = FILE_NAMES.stream().map(confDir::resolve).filter(Files::isRegularFile).toList();
        for (Path ignored : present.subList(Math.min(1, present.size()), present.size())) {
            diagnostics.add(Diagnostic.warning(ignored.toString(), null, "ignored: " + present.get(0) + " is read instead"));
        }
        return present.stream().findFirst();
    }

    private void readFile(Path file, Configuration configuration, List<Diagnostic> diagnostics) {
        String text;
        try {
            text = ConfigFileText.read(file);
        } catch (ConfigException e) {
            diagnostics.add(e.diagnostic());
            return;
        }
        ConfigFileParser parser = file.getFileName().toString().equals("flink-conf.yaml")
                ? new FlatConfigParser() : new YamlConfigParser();
        ParsedFile parsed = parser.parse(file, text);
        diagnostics.addAll(parsed.diagnostics());
        Map<String, Configuration.Value> layer = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (ConfigEntry entry : parsed.entries()) {
            ValueSource source = ConfigFileWriter.recordedSource(lines, entry.source().line())
                    .orElse(entry.source());
            addToLayer(layer, entry.key(), new Configuration.Value(entry.value(), entry.key(), source), diagnostics);
        }
        layer.forEach(configuration::set);
    }

    private void readDynamicProperties(List<String> properties, Configuration configuration, List<Diagnostic> diagnostics) {
        Map<String, Configuration.Value> layer = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                diagnostics.add(Diagnostic.error("-D", null, "'" + property + "' is not key=value"));
                continue;
            }
            String key = property.substring(0, equals).trim();
            layer.put(registry.currentKey(key),
                    new Configuration.Value(property.substring(equals + 1).trim(), key, ValueSource.DYNAMIC));
        }
        layer.forEach(configuration::set);
    }

    /** Within one layer the current key name beats an older one, whatever their order. */
    private void addToLayer(Map<String, Configuration.Value> layer, String writtenKey, Configuration.Value value,
                            List<Diagnostic> diagnostics) {
        String key = registry.currentKey(writtenKey);
        Configuration.Value earlier = layer.get(key);
        if (earlier == null) {
            layer.put(key, value);
            return;
        }
        boolean valueIsCurrent = writtenKey.equals(key);
        Configuration.Value kept = valueIsCurrent ? value : earlier;
        Configuration.Value dropped = valueIsCurrent ? earlier : value;
        diagnostics.add(Diagnostic.warning(dropped.source().where(), dropped.writtenKey(),
                "ignored: " + kept.writtenKey() + " (" + kept.source().where() + ") is its current name and is set too"));
        layer.put(key, kept);
    }

    private void validate(Configuration configuration, List<Diagnostic> diagnostics) {
        for (String key : configuration.keys()) {
            Configuration.Value value = configuration.raw(key).orElseThrow();
            Optional<ConfigOption<?>> option = registry.option(key);
            if (option.isPresent()) {
                check(() -> option.get().parse(value.raw()), value, diagnostics);
            } else if (HadoopKeys.isHadoopKey(key)) {
                continue;
            } else if (registry.isIgnoredFlinkKey(key)) {
                diagnostics.add(Diagnostic.warning(value.source().where(), key, "Flink setting with no meaning in Spindle; ignored"));
            } else {
                diagnostics.add(Diagnostic.warning(value.source().where(), key,
                        "unknown key; did you mean " + registry.nearestKey(key) + "?"));
            }
        }
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            for (Consumer<Configuration> check : registry.crossChecks()) {
                try {
                    check.accept(configuration);
                } catch (ConfigException e) {
                    diagnostics.add(e.diagnostic());
                }
            }
        }
    }

    private static void check(Runnable parse, Configuration.Value value, List<Diagnostic> diagnostics) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(value.source().where(), value.writtenKey(), e.getMessage()));
        }
    }
}
