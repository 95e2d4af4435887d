package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.List;

import io.merx.api.NonFiniteOutputException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.ScoreResponse;

/**
 * Takes a request to the version that serves it (an alias, the canary's share of live, or a pinned version),
 * scores it there, counts the outcome, and copies live traffic to the shadow version. Every score holds a reference
 * to its {@link LoadedVersion} from routing to release, so a version switched away meanwhile closes only after the
 * request is done.
 */
final class RequestRouter {

    private static final String LIVE = ModelRuntime.LIVE;

    private final ModelRegistry registry;
    private final Catalog catalog;
    private final ServingTable serving;
    private final TrafficStats stats;
    private final ShadowRunner shadow;
    private final RequestBatcher batcher = new RequestBatcher();
    private volatile BatchingPolicy batching = BatchingPolicy.OFF;

    RequestRouter(ModelRegistry registry, Catalog catalog, ServingTable serving, TrafficStats stats,
            ShadowRunner shadow) {
        this.registry = registry;
        this.catalog = catalog;
        this.serving = serving;
        this.stats = stats;
        this.shadow = shadow;
    }

    ScoreResponse score(String model, String aliasOrVersion, ScoreRequest request)
            throws ScoringException, ModelNotFoundException {
        Routed routed = acquire(model, aliasOrVersion, request.key());
        ScoreResult result = scoreOne(routed.handle(), request);
        String candidate = routed.record().shadow();
        if (candidate != null && LIVE.equals(routed.route())) {
            shadow.submit(model, request, result,
                    r -> scoreWith(serving.acquire(model, candidate), List.of(r)).get(0));
        }
        return new ScoreResponse(model, routed.handle().version(), routed.route(), result);
    }

    /** Scores a batch with the version the first request's key routes to. */
    List<ScoreResponse> scoreBatch(String model, String aliasOrVersion, List<ScoreRequest> requests)
            throws ScoringException, ModelNotFoundException {
        if (requests.isEmpty()) {
            return List.of();
        }
        Routed routed = acquire(model, aliasOrVersion, requests.get(0).key());
        List<ScoreResult> results = scoreWith(routed.handle(), requests);
        List<ScoreResponse> responses = new ArrayList<>(results.size());
        for (ScoreResult result : results) {
            responses.add(new ScoreResponse(model, routed.handle().version(), routed.route(), result));
        }
        return responses;
    }

    /** A request's route and a reference to the version serving it. */
    private record Routed(ModelRecord record, String route, LoadedVersion handle) {
    }

    /**
     * Resolves the route and takes a reference to its version. A version that is not loaded is loaded only
     * when the registry has not moved on meanwhile; otherwise the route is resolved again, so a request that
     * raced with a switch never revives the version just retired.
     */
    private Routed acquire(String model, String aliasOrVersion, String key)
            throws ScoringException, ModelNotFoundException {
        while (true) {
            ModelRecord record = catalog.record(model);
            String[] route = route(record, aliasOrVersion, key);
            LoadedVersion handle = serving.tryAcquire(model, route[0]);
            if (handle == null && registry.get(model).orElse(null) == record) {
                handle = serving.acquire(model, route[0]);
            }
            if (handle != null) {
                return new Routed(record, route[1], handle);
            }
        }
    }

    /** {version, route name} for a request. */
    private static String[] route(ModelRecord record, String aliasOrVersion, String key)
            throws ScoringException, ModelNotFoundException {
        if (LIVE.equals(aliasOrVersion) && record.live() == null) {
            throw new ModelUnavailableException(Catalog.noLive(record));
        }
        String version = Catalog.resolve(record, aliasOrVersion);
        if (record.aliases().containsKey(aliasOrVersion)) {
            if (LIVE.equals(aliasOrVersion) && CanaryRouter.toCanary(record.canary(), key)) {
                return new String[] {record.canary().version(), ScoreResponse.ROUTE_CANARY};
            }
            return new String[] {version, aliasOrVersion};
        }
        return new String[] {version, ScoreResponse.ROUTE_PINNED};
    }

    /** Follows a changed batching policy from the next request on. */
    void batching(BatchingPolicy policy) {
        batching = policy;
    }

    /**
     * Scores one request with a version already acquired: batched with concurrent requests to the same version
     * when the policy says so, alone otherwise. Releases the version and counts the outcome, with the request's own
     * latency (its wait for the batch included).
     */
    private ScoreResult scoreOne(LoadedVersion handle, ScoreRequest request) throws ScoringException {
        BatchingPolicy policy = batching;
        if (!policy.batches(handle.model(), handle.kind().name())) {
            return scoreWith(handle, List.of(request)).get(0);
        }
        long start = System.nanoTime();
        boolean failed = true;
        try {
            // Validated on the caller's own thread: a bad request fails alone and never joins a batch.
            handle.scorer().inputSchema().validate(request.inputs());
            ScoreResult result = batcher.score(handle, request, policy, batch -> invoke(handle.scorer(), batch));
            failed = false;
            return result;
        } finally {
            stats.record(handle.model(), handle.version(), System.nanoTime() - start, failed);
            handle.release();
        }
    }

    /** Validates and scores with a version already acquired, releases it, and counts the outcome. */
    private List<ScoreResult> scoreWith(LoadedVersion handle, List<ScoreRequest> requests)
            throws ScoringException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Scorer scorer = handle.scorer();
            for (ScoreRequest request : requests) {
                scorer.inputSchema().validate(request.inputs());
            }
            List<ScoreResult> results = invoke(scorer, requests);
            failed = false;
            return results;
        } finally {
            long nanos = (System.nanoTime() - start) / requests.size();
            for (int i = 0; i < requests.size(); i++) {
                stats.record(handle.model(), handle.version(), nanos, failed);
            }
            handle.release();
        }
    }

    /** Calls the scorer once for the requests. */
    private static List<ScoreResult> invoke(Scorer scorer, List<ScoreRequest> requests) throws ScoringException {
        try {
            return requests.size() == 1 ? List.of(scorer.score(requests.get(0))) : scorer.scoreBatch(requests);
        } catch (NonFiniteOutputException e) {
            // the scorer's bug, not the caller's input: a scoring failure, never a "bad request"
            throw new ScoringException(e.getMessage(), e);
        }
    }
}
