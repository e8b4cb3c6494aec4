package io.spindle.core.config;

import java.util.List;

/** What a parser read from one file: its entries in order, and the problems it found. */
public record ParsedFile(List<ConfigEntry> entries, List<Diagnostic> diagnostics) { }
