package io.spindle.api.connectors;

/**
 * A source or sink refuses its settings before anything runs: an address nothing answers at, a topic that does not
 * exist, an output path that is a file. The message is one line that names the setting and what is wrong with it.
 */
public final class ConnectorSettingsException extends Exception {

    public ConnectorSettingsException(String message) {
        super(message);
    }
}
