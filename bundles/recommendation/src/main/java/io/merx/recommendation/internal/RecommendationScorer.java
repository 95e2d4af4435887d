package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Answers {@link RecommendRequest}s from {@link ModelData}. With factors (ALS, LightGCN) a known user's list comes
 * from the factors ({@code "source":"als"} or {@code "graph"}), a user with {@code recentItems} is folded in
 * ({@code "foldin"}; for LightGCN by {@link GraphFoldIn}), and an unknown user without usable recent items gets
 * the popularity list ({@code "popularity"}). The sequential kind's factors are the users' encodings and the item
 * embeddings ({@code "sequential"}); its fold-in re-encodes the user's latest items with the recent ones appended,
 * in order. With item neighbours (item-kNN, EASE) a user's items, trained and recent, sum their neighbour rows
 * ({@code "itemknn"} or
 * {@code "ease"}, {@code "foldin"} when recent items took part). Without either (the popularity kind) every answer
 * is a popularity answer, and so is every answer to a user with fewer items than the model's {@code fallbackBelow}.
 *
 * <p>Unless a request says {@code "fresh": false}, what the user did since training ({@link RecentActivity}) counts
 * too: their recent interactions are folded in like {@code recentItems}, their recent purchases are left out, and
 * popularity answers include the online counts. The answer's {@code fresh} is how many of the user's recent
 * interactions were used, and {@code online} is true when online counts shaped a popularity answer.
 *
 * <p>A model with an {@link AnnIndex} (a large catalogue) answers factor-based {@code recommend} and {@code
 * similar} without a whitelist from the index, and scans exactly when the index finds too few items.
 *
 * <p>The model data is immutable and on the heap, so scoring takes no lock: the runtime closes a scorer only when
 * the last request holding its version has released it (merx-runtime's {@code LoadedVersion} reference count), and
 * a call that raced with {@code close()} elsewhere would only read heap arrays. The flag refuses calls after close.
 */
final class RecommendationScorer implements Scorer {

    static final String ALS = "als";
    static final String FOLD_IN = "foldin";
    static final String POPULARITY = "popularity";
    static final String UNKNOWN = "unknown";

    private final ModelData model;
    private final Supplier<RecentActivity> activity;
    /** The store's latest trending list resolved to this model; racy caching of an immutable value is safe. */
    private volatile OnlineBoost boost = OnlineBoost.NONE;
    private volatile boolean closed;

    /** A scorer of the trained model alone. */
    RecommendationScorer(ModelData model) {
        this(model, () -> RecentActivity.NONE);
    }

    /** A scorer that also reads the store {@code activity} supplies at each request (it may be rebound). */
    RecommendationScorer(ModelData model, Supplier<RecentActivity> activity) {
        this.model = model;
        this.activity = activity;
    }

    @Override
    public InputSchema inputSchema() {
        return RecommendRequest.SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        RecommendRequest parsed = RecommendRequest.parse(request);
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        return score(parsed);
    }

    /**
     * Scores in order. Top-K requests answered from factors without a whitelist are ranked together in one
     * blocked pass over the item factors ({@link Ranker#scanBatch}); the rest are answered one by one.
     */
    @Override
    public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        List<RecommendRequest> parsed = new ArrayList<>(requests.size());
        for (ScoreRequest request : requests) {
            parsed.add(RecommendRequest.parse(request));
        }
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        ScoreResult[] results = new ScoreResult[parsed.size()];
        List<Integer> batched = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            RecommendRequest request = parsed.get(i);
            // With an index each request walks the graph on its own: the blocked scan is the exact path's.
            if (RecommendRequest.RECOMMEND.equals(request.op()) && model.ann == null) {
                Query query = query(request);
                Filter filter = filter(request, query, -1);
                if (query.vector != null && filter.only() == null) {
                    batched.add(i);
                    queries.add(query);
                    filters.add(filter);
                    continue;
                }
            }
            results[i] = score(parsed.get(i));
        }
        if (!batched.isEmpty()) {
            int n = batched.size();
            float[][] vectors = new float[n][];
            TopK[] tops = new TopK[n];
            for (int j = 0; j < n; j++) {
                vectors[j] = queries.get(j).vector;
                tops[j] = new TopK(parsed.get(batched.get(j)).k());
            }
            Ranker.scanBatch(model, vectors, filters.toArray(new Filter[0]), tops);
            for (int j = 0; j < n; j++) {
                results[batched.get(j)] = recommendResult(parsed.get(batched.get(j)), queries.get(j), null, tops[j]);
            }
        }
        return List.of(results);
    }

    private ScoreResult score(RecommendRequest parsed) throws ScoringException {
        return switch (parsed.op()) {
            case RecommendRequest.SIMILAR -> similar(parsed);
            case RecommendRequest.SCORE -> scorePairs(parsed);
            default -> recommend(parsed);
        };
    }

    private ScoreResult recommend(RecommendRequest request) throws ScoringException {
        Query query = query(request);
        Filter filter = filter(request, query, -1);
        TopK top = new TopK(request.k());
        OnlineBoost.Popularity popularity = null;
        if (query.vector != null) {
            if (model.ann == null || filter.only() != null
                    || !model.ann.recommend(model, query.vector, filter, top, request.k())) {
                Ranker.scan(model, model.factors.items(), query.vector, filter, top);
            }
        } else if (query.scores != null) {
            Ranker.scanScores(model, query.scores, filter, top);
        } else {
            popularity = popularity(query.fresh);
            Ranker.popular(model, popularity, filter, top, request.k());
        }
        return recommendResult(request, query, popularity, top);
    }

    private ScoreResult recommendResult(RecommendRequest request, Query query, OnlineBoost.Popularity popularity,
            TopK top) throws ScoringException {
        ScoreResult.Builder result = ScoreResult.builder().put("op", request.op()).put("source", query.source);
        if (request.user() != null) {
            result.put("user", request.user());
        }
        freshness(result, query.fresh, popularity);
        return result.put("items", list(top)).build();
    }

    private static void freshness(ScoreResult.Builder result, Fresh fresh, OnlineBoost.Popularity popularity) {
        if (fresh.store != null) {
            result.put("fresh", (Object) fresh.itemCount); // an integer in JSON, not 5.0
            if (popularity != null && popularity.online()) {
                result.put("online", true);
            }
        }
    }

    private ScoreResult similar(RecommendRequest request) throws ScoringException {
        Integer item = model.itemIndex.get(request.item());
        int user = userIndex(request.user());
        Fresh fresh = fresh(request);
        Filter filter = filter(request, new Query(user, new int[0], 0, null, null, null, fresh),
                item == null ? -1 : item);
        TopK top = new TopK(request.k());
        String source;
        OnlineBoost.Popularity popularity = null;
        if (item != null && model.factors != null) {
            float[] unit = Ranker.row(model.unitItems, item, model.rank());
            if (model.ann == null || filter.only() != null
                    || !model.ann.similar(model, unit, filter, top, request.k())) {
                Ranker.scan(model, model.unitItems, unit, filter, top);
            }
            source = model.method;
        } else if (item != null && model.neighbours != null) {
            Ranker.scanScores(model, Ranker.itemScores(model, new int[] {item}, 1), filter, top);
            source = model.method;
        } else {
            if (item != null && request.categories().isEmpty() && model.itemCategory[item] >= 0) {
                // Without factors, "similar" means popular in the same category.
                boolean[] same = new boolean[model.categories.length];
                same[model.itemCategory[item]] = true;
                filter = new Filter(filter.excluded(), filter.only(), same);
            }
            popularity = popularity(fresh);
            Ranker.popular(model, popularity, filter, top, request.k());
            source = POPULARITY;
        }
        ScoreResult.Builder result = ScoreResult.builder().put("op", request.op()).put("source", source)
                .put("item", request.item());
        freshness(result, fresh, popularity);
        return result.put("items", list(top)).build();
    }

    private ScoreResult scorePairs(RecommendRequest request) throws ScoringException {
        Query query = query(request);
        OnlineBoost.Popularity popularity = query.vector == null && query.scores == null ? popularity(query.fresh)
                : null;
        List<Object> scores = new ArrayList<>(request.items().size());
        for (String id : request.items()) {
            Integer item = model.itemIndex.get(id);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", id);
            if (item == null) {
                entry.put("score", 0.0);
                entry.put("source", UNKNOWN);
            } else if (query.vector != null) {
                entry.put("score", finite(Ranker.dot(query.vector, model.factors.items(), item * model.rank(),
                        model.rank())));
                entry.put("source", query.source);
            } else if (query.scores != null) {
                entry.put("score", finite(query.scores[item]));
                entry.put("source", query.source);
            } else {
                entry.put("score", (double) popularity.of(item));
                entry.put("source", POPULARITY);
            }
            scores.add(entry);
        }
        ScoreResult.Builder result = ScoreResult.builder().put("op", request.op()).put("source", query.source);
        if (request.user() != null) {
            result.put("user", request.user());
        }
        freshness(result, query.fresh, popularity);
        return result.put("items", scores).build();
    }

    /**
     * The user's factor vector (trained, or folded in from the request's recent items and the store's), or their
     * item-item scores, or neither for a popularity answer.
     */
    private Query query(RecommendRequest request) {
        int user = userIndex(request.user());
        Fresh fresh = fresh(request);
        int[] recent = new int[request.recentItems().size() + fresh.itemCount];
        // Oldest first, for the sequential kind: the store's events, then the request's items (the newest).
        System.arraycopy(fresh.items, 0, recent, 0, fresh.itemCount);
        int count = fresh.itemCount;
        for (String id : request.recentItems()) {
            Integer item = model.itemIndex.get(id);
            if (item != null) {
                recent[count++] = item; // unknown recent items have no factors; they cannot inform the query
            }
        }
        int seen = user >= 0 ? model.seenPtr[user + 1] - model.seenPtr[user] : 0;
        if (!model.personal() || seen + count == 0 || seen + count < model.fallbackBelow) {
            return new Query(user, recent, count, null, null, POPULARITY, fresh);
        }
        if (model.neighbours != null) {
            int[] items = new int[seen + count];
            if (seen > 0) {
                System.arraycopy(model.seenItems, model.seenPtr[user], items, 0, seen);
            }
            System.arraycopy(recent, 0, items, seen, count);
            int[] distinct = Filter.sortedDistinct(items, items.length);
            return new Query(user, recent, count, null, Ranker.itemScores(model, distinct, distinct.length),
                    count > 0 ? FOLD_IN : model.method, fresh);
        }
        if (count > 0) {
            float[] vector = model.sequence != null ? model.sequence.encode(user, recent, count)
                    : foldIn(user, recent, count);
            return new Query(user, recent, count, vector, null, FOLD_IN, fresh);
        }
        return new Query(user, recent, count, Ranker.row(model.factors.users(), user, model.rank()), null,
                model.method, fresh);
    }

    /** The requesting user's recent interactions and purchases in the store, as this model's item indices. */
    private Fresh fresh(RecommendRequest request) {
        if (!request.fresh()) {
            return Fresh.OFF;
        }
        RecentActivity store = activity.get();
        long now = store.now();
        UserActivity user = store.user(request.user());
        if (user == null) {
            return new Fresh(store, now, Fresh.NO_ITEMS, 0, Fresh.NO_ITEMS, 0);
        }
        int[] items = new int[user.items().length];
        int itemCount = known(user.items(), user.itemTimes(), store.interactionsSince(now), items);
        int[] bought = new int[user.purchaseItems().length];
        int boughtCount = known(user.purchaseItems(), user.purchaseTimes(), store.purchasesSince(now), bought);
        return new Fresh(store, now, items, itemCount, bought, boughtCount);
    }

    /** Writes the indices of the known items at or after {@code since} into {@code into}; returns how many. */
    private int known(String[] ids, long[] times, long since, int[] into) {
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (times[i] >= since) {
                Integer item = model.itemIndex.get(ids[i]);
                if (item != null) {
                    into[n++] = item;
                }
            }
        }
        return n;
    }

    /** Trained popularity, plus the store's online counts unless the request opted out. */
    private OnlineBoost.Popularity popularity(Fresh fresh) {
        if (fresh.store == null) {
            return OnlineBoost.Popularity.trained(model);
        }
        OnlinePopularity.Trending trending = fresh.store.trending();
        OnlineBoost resolved = boost;
        if (resolved.source() != trending) {
            resolved = OnlineBoost.resolve(model, trending);
            boost = resolved;
        }
        return resolved.isEmpty() ? OnlineBoost.Popularity.trained(model)
                : resolved.at(model, trending.factor(fresh.now));
    }

    private float[] foldIn(int user, int[] recent, int count) {
        int seen = user >= 0 ? model.seenPtr[user + 1] - model.seenPtr[user] : 0;
        int[] items = new int[seen + count];
        float[] weights = new float[seen + count];
        if (seen > 0) {
            System.arraycopy(model.seenItems, model.seenPtr[user], items, 0, seen);
            System.arraycopy(model.seenWeights, model.seenPtr[user], weights, 0, seen);
        }
        for (int i = 0; i < count; i++) {
            items[seen + i] = recent[i];
            weights[seen + i] = 1f;
        }
        // A recent item the user already had adds one more interaction to it, as training would.
        int[] distinct = Filter.sortedDistinct(items, items.length);
        float[] merged = new float[distinct.length];
        for (int i = 0; i < items.length; i++) {
            merged[Arrays.binarySearch(distinct, items[i])] += weights[i];
        }
        if (Method.GRAPH.equals(model.method)) {
            return GraphFoldIn.of(model, distinct, distinct.length);
        }
        return Ranker.foldIn(model, distinct, merged, distinct.length);
    }

    private int userIndex(String id) {
        if (id == null) {
            return -1;
        }
        Integer user = model.userIndex.get(id);
        return user == null ? -1 : user;
    }

    private Filter filter(RecommendRequest request, Query query, int self) {
        int user = query.user;
        int[] recent = query.recent;
        int recentCount = query.recentCount;
        int seen = request.unseenOnly() && user >= 0 ? model.seenPtr[user + 1] - model.seenPtr[user] : 0;
        int[] excluded = new int[seen + (request.unseenOnly() ? recentCount : 0) + query.fresh.boughtCount
                + request.unavailable().size() + request.exclude().size() + 1];
        int n = 0;
        // Recently bought items stay out even when the request allows seen items: the shopper has them now.
        System.arraycopy(query.fresh.bought, 0, excluded, n, query.fresh.boughtCount);
        n += query.fresh.boughtCount;
        if (seen > 0) {
            System.arraycopy(model.seenItems, model.seenPtr[user], excluded, n, seen);
            n += seen;
        }
        if (request.unseenOnly()) {
            for (int i = 0; i < recentCount; i++) {
                excluded[n++] = recent[i];
            }
        }
        n = addKnown(request.unavailable(), excluded, n);
        n = addKnown(request.exclude(), excluded, n);
        if (self >= 0) {
            excluded[n++] = self;
        }
        int[] only = null;
        if (!request.include().isEmpty()) {
            int[] allowed = new int[request.include().size()];
            only = Filter.sortedDistinct(allowed, addKnown(request.include(), allowed, 0));
        }
        boolean[] categories = null;
        if (!request.categories().isEmpty()) {
            categories = new boolean[model.categories.length];
            for (String name : request.categories()) {
                Integer c = model.categoryIndex.get(name);
                if (c != null) {
                    categories[c] = true;
                }
            }
        }
        return new Filter(Filter.sortedDistinct(excluded, n), only, categories);
    }

    private int addKnown(List<String> ids, int[] into, int n) {
        for (String id : ids) {
            Integer item = model.itemIndex.get(id);
            if (item != null) {
                into[n++] = item;
            }
        }
        return n;
    }

    private List<Object> list(TopK top) throws ScoringException {
        int n = top.size();
        int[] items = new int[n];
        float[] scores = new float[n];
        top.drainBestFirst(items, scores);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", model.itemIds[items[i]]);
            entry.put("score", finite(scores[i]));
            int c = model.itemCategory[items[i]];
            if (c >= 0) {
                entry.put("category", model.categories[c]);
            }
            list.add(entry);
        }
        return list;
    }

    private static double finite(float score) throws ScoringException {
        if (!Float.isFinite(score)) {
            throw new ScoringException("a score is not finite; the model's factors are out of range");
        }
        return score;
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Who is asking: the user index (or -1), their known recent items, and the factor vector or the item-item
     * scores to rank with (neither for popularity).
     */
    private record Query(int user, int[] recent, int recentCount, float[] vector, float[] scores, String source,
            Fresh fresh) {
    }

    /**
     * The store's view of the requesting user at one time: interactions to fold in and purchases to leave out
     * (the first {@code itemCount} and {@code boughtCount} entries). {@code store} is null when the request
     * opted out.
     */
    private record Fresh(RecentActivity store, long now, int[] items, int itemCount, int[] bought, int boughtCount) {

        static final int[] NO_ITEMS = new int[0];
        static final Fresh OFF = new Fresh(null, 0, NO_ITEMS, 0, NO_ITEMS, 0);
    }
}
