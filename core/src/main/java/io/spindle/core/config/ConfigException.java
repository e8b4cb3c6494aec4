package io.spindle.core.config;

/** Invalid configuration; the message is one line naming where (file and line, or -D) and the key. */
public final class ConfigException extends RuntimeException {

    private final Diagnostic diagnostic;

    public ConfigException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public ConfigException(Diagnostic diagnostic, Throwable cause) {
        super(diagnostic.toString(), cause);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
