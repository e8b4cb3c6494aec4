package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;

import java.util.List;

/** The options one class declares, under a title: a section of the configuration reference. */
public record OptionGroup(String title, Class<?> declaredIn, List<ConfigOption<?>> options) {

    public OptionGroup {
        options = List.copyOf(options);
    }
}
