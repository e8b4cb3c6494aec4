package io.spindle.core.config;

import java.nio.file.Path;

/** Reads one configuration file into entries; never throws for the file's content. */
public interface ConfigFileParser {

    ParsedFile parse(Path file, String text);
}
