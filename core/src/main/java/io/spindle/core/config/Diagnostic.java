package io.spindle.core.config;

/** One problem found in a configuration, printed as one line: {@code where: severity: key: problem}. */
public record Diagnostic(Severity severity, String where, String key, String problem) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String where, String key, String problem) {
        return new Diagnostic(Severity.ERROR, where, key, problem);
    }

    public static Diagnostic warning(String where, String key, String problem) {
        return new Diagnostic(Severity.WARNING, where, key, problem);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        if (where != null) {
            line.append(where).append(": ");
        }
        line.append(severity == Severity.ERROR ? "error: " : "warning: ");
        if (key != null) {
            line.append(key).append(": ");
        }
        return line.append(problem).toString();
    }
}
