package io.merx.experiments.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.ShadowReport;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.api.runtime.VersionState;
import io.merx.api.runtime.VersionStats;

/**
 * The traffic-steering part of a runtime (live, canary, activation) for one model with a few stored versions, so
 * the manager's tests can run without the runtime's scorers; everything else is unsupported. The real runtime's
 * steering is tested in merx-runtime and, with this bundle, in ExperimentsIT.
 */
final class TwoVersionRuntime implements ModelRuntime {

    private final String model;
    private final List<String> versions;
    private String live;
    private CanarySplit canary;
    final List<String> calls = new ArrayList<>();

    TwoVersionRuntime(String model, String live, String... versions) {
        this.model = model;
        this.live = live;
        this.versions = List.of(versions);
    }

    synchronized String live() {
        return live;
    }

    synchronized CanarySplit canary() {
        return canary;
    }

    private void require(String name, String version) throws ModelNotFoundException {
        if (!model.equals(name) || (version != null && !versions.contains(version))) {
            throw new ModelNotFoundException("no model '" + name + "' version " + version);
        }
    }

    @Override
    public synchronized List<ModelSummary> models() {
        return List.of(new ModelSummary(model, "test", versions, Map.of(LIVE, live), canary, null));
    }

    @Override
    public synchronized ModelVersionInfo info(String name, String version) throws ModelNotFoundException {
        require(name, version);
        return new ModelVersionInfo(name, version, "test", "[1,2)", VersionState.READY, null, List.of(),
                Instant.EPOCH, null, null, 0, VersionStats.EMPTY);
    }

    @Override
    public synchronized ModelVersionInfo activate(String name, String version) throws ModelNotFoundException {
        require(name, version);
        calls.add("activate " + version);
        live = version;
        if (canary != null && canary.version().equals(version)) {
            canary = null;
        }
        return info(name, version);
    }

    @Override
    public synchronized void setCanary(String name, String version, double percent) throws ModelNotFoundException {
        require(name, version);
        calls.add("canary " + version + " " + percent);
        canary = new CanarySplit(version, percent);
    }

    @Override
    public synchronized void clearCanary(String name) throws ModelNotFoundException {
        require(name, null);
        calls.add("clear canary");
        canary = null;
    }

    @Override
    public ScoreResponse score(String name, ScoreRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScoreResponse score(String name, String aliasOrVersion, ScoreRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ScoreResponse> scoreBatch(String name, String aliasOrVersion, List<ScoreRequest> requests) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public boolean ready(String name, String aliasOrVersion) {
        return true;
    }

    @Override
    public List<KindInfo> kinds() {
        return List.of();
    }

    @Override
    public List<ModelVersionInfo> versions(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrainingJob train(TrainingRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TrainingJob> jobs() {
        return List.of();
    }

    @Override
    public Optional<TrainingJob> job(String name) {
        return Optional.empty();
    }

    @Override
    public ModelVersionInfo importArtifact(Path archive, String asModel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void exportArtifact(String name, String aliasOrVersion, Path archive) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ModelVersionInfo rollback(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setAlias(String name, String alias, String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeAlias(String name, String alias) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setShadow(String name, String version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearShadow(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShadowReport shadowReport(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String name, String version) {
        throw new UnsupportedOperationException();
    }
}
