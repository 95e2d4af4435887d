package io.merx.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The console's static files, inside the bundle under {@code console/}, and uPlot's at {@code lib/} from where its
 * WebJar keeps them. Only names made of letters, digits, dashes and dots in at most one sub-folder, with a known
 * extension, are looked up, so a request path can never reach another resource of the bundle (no {@code ..}, no
 * class files).
 */
final class Assets {

    /** A file to send: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+/)?[a-zA-Z0-9][a-zA-Z0-9.-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;
    /** The WebJar's folder inside the bundle, e.g. {@code META-INF/resources/webjars/uplot/1.6.30}. */
    private final String uplot;

    Assets(ClassLoader loader) {
        this.loader = loader;
        Properties webjars = new Properties();
        try (InputStream in = loader.getResourceAsStream("console/webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("console/webjars.properties is missing from the bundle");
            }
            webjars.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console/webjars.properties", e);
        }
        this.uplot = webjars.getProperty("uplot");
    }

    /** The file at a path below {@code /merx/} ({@code ""} is the page), or null when there is none. */
    Asset find(String path) throws IOException {
        String name = path.isEmpty() ? "index.html" : path;
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return null;
        }
        URL url = loader.getResource(resource(name));
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new Asset(in.readAllBytes(), type);
        }
    }

    private String resource(String name) {
        return switch (name) {
            case "lib/uPlot.esm.js" -> uplot + "/dist/uPlot.esm.js";
            case "lib/uPlot.min.css" -> uplot + "/dist/uPlot.min.css";
            case "lib/LICENSE-uPlot.txt" -> uplot + "/LICENSE";
            default -> "console/" + name;
        };
    }
}
