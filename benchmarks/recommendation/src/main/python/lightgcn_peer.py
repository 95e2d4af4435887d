"""Peer for GraphBenchmark: LightGCN (He et al. 2020) written independently with numpy and scipy.sparse, on the
split the Java benchmark wrote (train.csv, test.csv: user,item indices; items.txt). Same definitions as the kind:
A_hat = D^-1/2 A D^-1/2 over the bipartite graph, E = mean of A_hat^k E0 for k = 0..K, BPR on (user, positive,
uniform unseen negative) with L2 / 2 on the batch's layer-0 rows, Adam, one propagation per batch, init N(0, 0.1),
every pair once per epoch. No early stopping: a fixed number of epochs (compare with the kind at
evalEvery = epochs, validationUsers = 1). Evaluation as baselines_peer.py: top 10 unseen, ties by popularity.
Usage: /usr/bin/python3 lightgcn_peer.py DIR [epochs [batch [lr [l2]]]]"""
import sys
import time

import numpy as np
import scipy.sparse as sp


def main(d, epochs=60, batch=8192, lr=0.01, l2=1e-4, dim=64, layers=3, seed=42):
    train = np.loadtxt(d + "/train.csv", delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    test = np.loadtxt(d + "/test.csv", delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    n_items = int(open(d + "/items.txt").read())
    n_users = int(max(train[:, 0].max(), test[:, 0].max())) + 1
    users, items = train[:, 0], train[:, 1]
    x = sp.csr_matrix((np.ones(len(users), dtype=np.float32), (users, items)), shape=(n_users, n_items))
    x.sum_duplicates()
    du = np.asarray(x.sum(axis=1)).ravel()
    di = np.asarray(x.sum(axis=0)).ravel()
    w = 1 / np.sqrt(du[users] * di[items])
    a = sp.bmat([[None, sp.csr_matrix((w, (users, items)), shape=(n_users, n_items))],
                 [sp.csr_matrix((w, (items, users)), shape=(n_items, n_users)), None]]).tocsr().astype(np.float32)

    def propagate(e):
        total, cur = e.copy(), e
        for _ in range(layers):
            cur = a @ cur
            total += cur
        return total / (layers + 1)

    rng = np.random.default_rng(seed)
    e0 = rng.normal(0, 0.1, (n_users + n_items, dim)).astype(np.float32)
    m = np.zeros_like(e0)
    v = np.zeros_like(e0)
    t = 0
    start = time.time()
    for epoch in range(epochs):
        order = rng.permutation(len(users))
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            u, i = users[idx], items[idx]
            j = rng.integers(0, n_items, len(idx))
            bad = np.asarray(x[u, j]).ravel() > 0
            while bad.any():
                j[bad] = rng.integers(0, n_items, bad.sum())
                bad = np.asarray(x[u, j]).ravel() > 0
            e = propagate(e0)
            eu, ei, ej = e[u], e[n_users + i], e[n_users + j]
            s = (-1 / (1 + np.exp(np.sum(eu * (ei - ej), axis=1))) / len(idx)).astype(np.float32)[:, None]
            g = np.zeros_like(e0)
            np.add.at(g, u, s * (ei - ej))
            np.add.at(g, n_users + i, s * eu)
            np.add.at(g, n_users + j, -s * eu)
            g = propagate(g)
            for rows in (u, n_users + i, n_users + j):
                np.add.at(g, rows, (l2 / len(idx)) * e0[rows])
            t += 1
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            e0 -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    seconds = time.time() - start
    e = propagate(e0)
    pop = di / max(di.max(), 1)
    hits, ndcg = 0.0, 0.0
    for begin in range(0, len(test), 2048):
        rows = test[begin:begin + 2048]
        scores = e[rows[:, 0]] @ e[n_users:].T + 1e-5 * pop
        scores[x[rows[:, 0]].toarray() > 0] = -np.inf
        top = np.argsort(-scores, axis=1, kind="stable")[:, :10]
        for r, row in enumerate(top):
            where = np.nonzero(row == rows[r, 1])[0]
            if where.size:
                hits += 1
                ndcg += 1 / np.log2(where[0] + 2)
    print(f"| {d.rstrip('/').split('/')[-1]} | numpy LightGCN ({epochs} epochs, batch {batch}, Adam {lr}, l2 {l2}) "
          f"| {hits / len(test):.4f} | {ndcg / len(test):.4f} | {seconds:.2f} | | | {len(test)} |")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], *[int(a) for a in args[1:3]], *[float(a) for a in args[3:5]])
