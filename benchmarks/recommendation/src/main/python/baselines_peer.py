"""Peer for BaselinesBenchmark: item-kNN (cosine with shrinkage, top-N neighbours) and EASE (Steck 2019) written
independently with numpy, on the split the Java benchmark wrote (train.csv, test.csv: user,item indices).
Same definitions as the kinds: binary X, sim = co / (sqrt(n_i n_j) + shrinkage) keeping the N best per item,
EASE on the maxItems most popular items, seen items excluded, ties broken by a 1e-5 popularity share.
Usage: /usr/bin/python3 baselines_peer.py DIR [DIR ...]"""
import sys
import time

import numpy as np


def load(d):
    train = np.loadtxt(d + "/train.csv", delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    test = np.loadtxt(d + "/test.csv", delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    n_items = int(open(d + "/items.txt").read())
    n_users = int(max(train[:, 0].max(), test[:, 0].max())) + 1
    x = np.zeros((n_users, n_items), dtype=np.float32)
    x[train[:, 0], train[:, 1]] = 1
    return x, test


def evaluate(x, test, scores_of):
    pop = x.sum(axis=0)
    tie = 1e-5 * pop / max(pop.max(), 1)
    hits, ndcg = 0.0, 0.0
    users = test[:, 0]
    for start in range(0, len(users), 2048):
        u = users[start:start + 2048]
        s = scores_of(x[u]) + tie
        s[x[u] > 0] = -np.inf
        top = np.argsort(-s, axis=1, kind="stable")[:, :10]
        for row, user_items in enumerate(top):
            where = np.nonzero(user_items == test[start + row, 1])[0]
            if where.size:
                hits += 1
                ndcg += 1 / np.log2(where[0] + 2)
    return hits / len(users), ndcg / len(users)


def item_knn(x, neighbours=100, shrinkage=10.0):
    g = x.T @ x
    n = np.diag(g).copy()
    sim = g / (np.sqrt(np.outer(n, n)) + shrinkage)
    np.fill_diagonal(sim, 0)
    sim[g == 0] = 0
    if sim.shape[0] > neighbours:
        cut = np.argpartition(-sim, neighbours - 1, axis=1)[:, neighbours:]
        np.put_along_axis(sim, cut, 0, axis=1)
    return lambda rows: rows @ sim


def ease(x, lam=100.0, max_items=3000):
    pop = x.sum(axis=0)
    keep = np.argsort(-pop, kind="stable")[:max_items]
    xs = x[:, keep].astype(np.float64)
    g = xs.T @ xs + lam * np.eye(len(keep))
    p = np.linalg.inv(g)
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0)
    full = np.zeros((x.shape[1], x.shape[1]), dtype=np.float32)
    full[np.ix_(keep, keep)] = b
    return lambda rows: rows @ full


for d in sys.argv[1:]:
    x, test = load(d)
    for name, fit in (("numpy item-kNN (100, shrinkage 10)", item_knn), ("numpy EASE (lambda 100, 3000 items)", ease)):
        t = time.time()
        model = fit(x)
        seconds = time.time() - t
        hr, ndcg = evaluate(x, test, model)
        print("| %s | %s | %.4f | %.4f | %.2f | | | %d |" % (d.rstrip("/").split("/")[-1], name, hr, ndcg, seconds,
                                                          len(test)))
