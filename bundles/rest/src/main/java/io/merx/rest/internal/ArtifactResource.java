package io.merx.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.merx.api.runtime.ModelVersionInfo;

/**
 * Moving versions between installations: {@code POST /models/import[?name=]} takes a zip written by export as
 * the body; {@code GET /models/{name}/versions/{version}/export} answers one. The runtime checks archives
 * (size, paths, manifest, checksums); this class only spools them through temporary files.
 */
final class ArtifactResource {

    private final RestCore core;

    private ArtifactResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        ArtifactResource r = new ArtifactResource(core);
        router.add("POST", "/models/import", Role.OPERATOR, r::importArchive)
                .add("GET", "/models/{name}/versions/{version}/export", Role.OPERATOR, r::export);
    }

    private void importArchive(Exchange exchange, List<String> path) throws Exception {
        String type = exchange.request.getContentType();
        String mime = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!mime.startsWith("application/zip") && !mime.startsWith("application/octet-stream")) {
            throw new ApiException(415, "unsupported content type '" + type + "'; send the archive as"
                    + " application/zip", "Content-Type", false);
        }
        String name = exchange.query("name");
        if (name != null) {
            PathNames.model(name);
        }
        Path archive = exchange.upload(core.uploads(), ".zip");
        try {
            ModelVersionInfo info;
            try {
                info = core.runtime().importArtifact(archive, name);
            } catch (IOException e) {
                throw new ApiException(422, "cannot import: " + e.getMessage(), null, false);
            }
            exchange.response.setHeader("Location", exchange.request.getContextPath() + "/api/v1/models/"
                    + info.model() + "/versions/" + info.version());
            exchange.send(201, Views.version(info));
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private void export(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String version = PathNames.versionOrAlias(path.get(1), "version");
        String number = core.runtime().info(name, version).version();
        Files.createDirectories(core.uploads());
        Path archive = Files.createTempFile(core.uploads(), "export-", ".zip");
        try {
            Files.delete(archive);
            try {
                core.runtime().exportArtifact(name, number, archive);
            } catch (IOException e) {
                throw new ApiException(409, e.getMessage(), null, false);
            }
            exchange.response.setStatus(200);
            exchange.response.setContentType("application/zip");
            exchange.response.setHeader("Content-Disposition",
                    "attachment; filename=\"" + name + "-" + number + ".zip\"");
            exchange.response.setContentLengthLong(Files.size(archive));
            try (InputStream in = Files.newInputStream(archive)) {
                OutputStream out = exchange.response.getOutputStream();
                in.transferTo(out);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
    }
}
