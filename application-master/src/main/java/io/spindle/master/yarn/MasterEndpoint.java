package io.spindle.master.yarn;

import java.util.Objects;

/**
 * How clients reach the ApplicationMaster, as registered with the ResourceManager: its host, an
 * RPC port (0 if it has none) and the URL the ResourceManager's web proxy forwards to ("" if none).
 */
public record MasterEndpoint(String host, int rpcPort, String trackingUrl) {

    public MasterEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
    }
}
