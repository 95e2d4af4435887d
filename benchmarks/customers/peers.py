"""scikit-learn peer of the customers.segments benchmark, on the features SegmentsBenchmark wrote.

Same protocol as the Merx side: log-transformed RFM features and category shares, standardised (population
standard deviation), category shares weighted as in the model; KMeans with k-means++ and 5 restarts; k by the
mean silhouette over 2..8; stability as the adjusted Rand index between two fits on bootstrap samples of
customers (scaler refitted on each sample), both placing every customer; recovery of the demo shop's true groups.
Usage: python3 peers.py <bench dir>   (run.sh passes benchmarks/customers/target/bench)
"""
import sys
import time

import numpy as np
import csv
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

PAIRS = 10


def scaled(t, names, weight, fit_rows=None):
    fit = t if fit_rows is None else t[fit_rows]
    mean = fit.mean(axis=0)
    std = fit.std(axis=0)
    std[std < 1e-12] = 1.0
    w = np.array([weight if n.startswith("share:") else 1.0 for n in names])
    return (t - mean) / std * w


def load(path):
    """customers, feature names, features (n x d), category weight, Merx's segment per customer."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    names = header[1:-2]
    body = rows[1:]
    t = np.array([[float(v) for v in r[1:-2]] for r in body])
    return [r[0] for r in body], names, t, float(body[0][-2]), np.array([int(r[-1]) for r in body])


def choose_k(z):
    start = time.perf_counter()
    scores = {}
    models = {}
    for k in range(2, 9):
        km = KMeans(n_clusters=k, init="k-means++", n_init=5, random_state=42).fit(z)
        scores[k] = silhouette_score(z, km.labels_)
        models[k] = km
    best = max(scores, key=scores.get)
    return best, scores, models[best], time.perf_counter() - start


def report(name, path):
    customers, names, t, weight, merx = load(path)
    z = scaled(t, names, weight)
    k, scores, _, seconds = choose_k(z)
    print(f"{name}: {len(customers)} customers, chose k={k}, silhouette {scores[k]:.3f}, fit {seconds:.1f} s (k 2..8, 5 restarts)")
    print("  silhouette per k: " + " ".join(f"k{c}={s:.3f}" for c, s in scores.items()))
    print(f"  Merx's clustering (k={merx.max()}) scored by sklearn's silhouette_score: {silhouette_score(z, merx):.3f}")
    return customers, t, names, weight, int(merx.max())


def stability(name, t, names, weight, k):
    n = len(t)
    aris = []
    for pair in range(PAIRS):
        labels = []
        for side in range(2):
            rows = np.random.default_rng(1000 + 2 * pair + side).integers(0, n, n)
            km = KMeans(n_clusters=k, init="k-means++", n_init=5, random_state=2 * pair + side)
            km.fit(scaled(t, names, weight, rows)[rows])
            labels.append(km.predict(scaled(t, names, weight, rows)))
        aris.append(adjusted_rand_score(labels[0], labels[1]))
    print(f"{name} stability at k={k} over {PAIRS} bootstrap pairs: adjusted Rand index {np.mean(aris):.3f} "
          f"(sd {np.std(aris):.3f})")


def main():
    bench = sys.argv[1]
    print(f"scikit-learn {sklearn.__version__}")
    _, t, names, weight, k = report("superstore", f"{bench}/superstore-features.csv")
    stability("superstore", t, names, weight, k)
    customers, t, names, weight, _ = report("demo", f"{bench}/demo-features.csv")
    with open(f"{bench}/demo-truth.csv", newline="") as f:
        truth = {r["customer"]: r["group"] for r in csv.DictReader(f)}
    groups = [truth[c] for c in customers]
    km = KMeans(n_clusters=5, init="k-means++", n_init=5, random_state=42).fit(scaled(t, names, weight))
    print(f"demo k=5: adjusted Rand index vs the true groups {adjusted_rand_score(groups, km.labels_):.3f}")


if __name__ == "__main__":
    main()
