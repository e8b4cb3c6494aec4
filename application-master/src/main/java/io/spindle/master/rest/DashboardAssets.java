package io.spindle.master.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, served at the tracking URL: one page that reads the JSON resources by relative URLs, so it
 * works as well through the ResourceManager's proxy ({@code /proxy/<application id>/}) as directly.
 */
final class DashboardAssets {

    /** A file's bytes and content type. */
    record Asset(byte[] body, String contentType) { }

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    private final Map<String, Asset> assets;

    private DashboardAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every file from the classpath once. */
    static DashboardAssets load() {
        Map<String, Asset> assets = new java.util.HashMap<>();
        FILES.forEach((path, file) -> assets.put(path, new Asset(read(file), contentType(file))));
        return new DashboardAssets(Map.copyOf(assets));
    }

    Optional<Asset> at(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    private static byte[] read(String file) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream("dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    }
}
