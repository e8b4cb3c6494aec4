package io.spindle.core.text;

/**
 * The first line of a text meant for a person: a reason or a diagnostic shown on one line, though Hadoop's remote
 * exceptions and YARN's diagnostics carry the server's stack trace or pages of stderr after it.
 */
public final class FirstLine {

    private FirstLine() { }

    /** The first non-blank line of {@code text}, stripped; empty for null or blank text. */
    public static String of(String text) {
        return text == null ? "" : text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .orElse("");
    }
}
