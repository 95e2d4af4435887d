package io.merx.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.VersionStats;

/** Answers questions about models and versions from the registry, the store and the serving table. */
final class Catalog {

    private final ModelStore store;
    private final ModelRegistry registry;
    private final ServingTable serving;
    private final TrafficStats stats;

    Catalog(ModelStore store, ModelRegistry registry, ServingTable serving, TrafficStats stats) {
        this.store = store;
        this.registry = registry;
        this.serving = serving;
        this.stats = stats;
    }

    ModelRecord record(String model) throws ModelNotFoundException {
        return registry.get(model).filter(r -> !r.versions().isEmpty())
                .orElseThrow(() -> new ModelNotFoundException("no model '" + model + "'"));
    }

    /** The version an alias names, or the version itself when it exists. */
    static String resolve(ModelRecord record, String aliasOrVersion) throws ModelNotFoundException {
        String target = record.aliases().get(aliasOrVersion);
        if (target != null) {
            return target;
        }
        if (record.versions().containsKey(aliasOrVersion)) {
            return aliasOrVersion;
        }
        if (ModelRuntime.LIVE.equals(aliasOrVersion)) {
            throw new ModelNotFoundException(noLive(record));
        }
        throw new ModelNotFoundException("model '" + record.name() + "' has no alias or version '"
                + aliasOrVersion + "'; versions " + record.versions().keySet() + ", aliases "
                + record.aliases().keySet());
    }

    static String noLive(ModelRecord record) {
        return "model '" + record.name() + "' has no live version; activate one with model:activate "
                + record.name() + " <version>";
    }

    static void requireVersion(ModelRecord record, String version) throws ModelNotFoundException {
        if (!record.versions().containsKey(version)) {
            throw new ModelNotFoundException("model '" + record.name() + "' has no version '" + version
                    + "'; versions " + record.versions().keySet());
        }
    }

    ModelVersionInfo info(String model, String aliasOrVersion) throws ModelNotFoundException {
        ModelRecord record = record(model);
        return info(record, resolve(record, aliasOrVersion));
    }

    List<ModelVersionInfo> versions(String model) throws ModelNotFoundException {
        ModelRecord record = record(model);
        List<ModelVersionInfo> infos = new ArrayList<>();
        for (String version : record.versions().keySet()) {
            infos.add(info(record, version));
        }
        return infos;
    }

    private ModelVersionInfo info(ModelRecord record, String version) {
        String model = record.name();
        ModelRecord.Status status = record.versions().get(version);
        String reason = status.reason();
        ArtifactManifest manifest = null;
        try {
            manifest = store.readManifest(model, version);
        } catch (IOException e) {
            reason = reason != null ? reason : e.getMessage();
        }
        long nativeBytes = serving.peek(model, version).map(h -> h.scorer().nativeMemoryBytes()).orElse(0L);
        VersionStats traffic = stats.get(model, version);
        if (manifest == null) {
            return new ModelVersionInfo(model, version, "?", "?", status.state(), reason,
                    record.referencesTo(version), null, null, null, nativeBytes, traffic);
        }
        return new ModelVersionInfo(model, version, manifest.kind(), manifest.kindRange(), status.state(), reason,
                record.referencesTo(version), manifest.createdAt(), manifest.provenance(), manifest.inputSchema(),
                nativeBytes, traffic);
    }

    List<ModelSummary> models() {
        List<ModelSummary> models = new ArrayList<>();
        for (ModelRecord record : registry.all()) {
            if (record.versions().isEmpty()) {
                continue;
            }
            String kind = "?";
            try {
                kind = store.readManifest(record.name(), record.versions().lastKey()).kind();
            } catch (IOException e) {
                // shown as '?'; model:info names the problem
            }
            models.add(new ModelSummary(record.name(), kind, List.copyOf(record.versions().keySet()),
                    record.aliases(), record.canary(), record.shadow()));
        }
        return models;
    }
}
