package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the options are declared: what the registry, {@code spindle config} and the reference rely on. */
class OptionDefinitionsTest {

    @Test
    void everyOptionAClassDeclaresIsInItsGroup() {
        for (OptionGroup group : SpindleOptions.GROUPS) {
            assertThat(group.options()).as(group.declaredIn().getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(declaredOptions(group.declaredIn()));
        }
    }

    @Test
    void everyDefaultFollowsItsOptionsRule() {
        for (ConfigOption<?> option : SpindleOptions.REGISTRY.options()) {
            assertDefaultFollowsRule(option);
        }
    }

    private static <T> void assertDefaultFollowsRule(ConfigOption<T> option) {
        option.defaultValue().ifPresent(value -> option.rule().ifPresent(rule ->
                assertThat(rule.allows().test(value)).as("default of %s is %s", option.key(), rule.description())
                        .isTrue()));
    }

    private static List<ConfigOption<?>> declaredOptions(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                        && field.getType() == ConfigOption.class)
                .map(OptionDefinitionsTest::valueOf)
                .toList();
    }

    private static ConfigOption<?> valueOf(Field field) {
        try {
            return (ConfigOption<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
