package io.spindle.core.config;

/** One {@code key: value} read from a configuration file, with the line it stands on. */
public record ConfigEntry(String key, String value, ValueSource.FileLine source) { }
