#!/usr/bin/python3
"""scikit-learn peers of customers.propensity on the same features and split.

Reads features.csv written by PropensityBenchmark: one row per customer and cutoff, with the split (fit,
calibration, evaluation), the 0/1 label, Merx's calibrated probability and the features as the Merx model sees
them. The peers train on every training row (fit + calibration: they get the calibration slice as training data,
since they have no separate calibration step) and are scored on the evaluation rows, whose labels lie after every
training label. Prints AUC, Brier score, log loss and a 10-bin reliability table for each, side by side, and
draws the reliability curves to the PNG named by the second argument.

Usage: peers.py features.csv reliability.png
"""
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import csv


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    split = np.array([r[2] for r in rows])
    y = np.array([int(r[3]) for r in rows])
    merx = np.array([float(r[4]) for r in rows])
    x = np.array([[float(v) for v in r[5:]] for r in rows])
    return header[5:], split, y, merx, x


def reliability(p, y, bins=10):
    index = np.minimum((p * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        mask = index == b
        n = int(mask.sum())
        table.append((n, p[mask].mean() if n else float("nan"), y[mask].mean() if n else float("nan")))
    return table


def main():
    names, split, y, merx, x = load(sys.argv[1])
    train = split != "evaluation"
    test = split == "evaluation"
    models = {
        "merx (L2 logistic + Platt)": merx[test],
    }
    lr = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000))
    lr.fit(x[train], y[train])
    models["sklearn LogisticRegression"] = lr.predict_proba(x[test])[:, 1]
    gb = GradientBoostingClassifier(random_state=0)
    gb.fit(x[train], y[train])
    models["sklearn GradientBoosting"] = gb.predict_proba(x[test])[:, 1]
    rate = y[train].mean()
    models["base rate (training)"] = np.full(test.sum(), rate)

    yt = y[test]
    print(f"rows: {train.sum()} training ({(split == 'fit').sum()} fit + {(split == 'calibration').sum()} "
          f"calibration), {test.sum()} held out; held-out rate {yt.mean():.3f}; {len(names)} features")
    print(f"{'model':32s} {'AUC':>7s} {'Brier':>7s} {'logloss':>8s} {'mean p':>7s}")
    for name, p in models.items():
        auc = roc_auc_score(yt, p) if name != "base rate (training)" else 0.5
        print(f"{name:32s} {auc:7.4f} {brier_score_loss(yt, p):7.4f} {log_loss(yt, np.clip(p, 1e-12, 1 - 1e-12)):8.4f}"
              f" {p.mean():7.3f}")
    print("reliability (bin: n / mean predicted / observed)")
    tables = {name: reliability(p, yt) for name, p in models.items() if not name.startswith("base")}
    print("bin        " + "  ".join(f"{name[:26]:>26s}" for name in tables))
    for b in range(10):
        cells = []
        for table in tables.values():
            n, mp, ob = table[b]
            cells.append(f"{n:4d} / {mp:5.3f} / {ob:5.3f}" if n else f"{'-':>26s}")
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}    " + "  ".join(f"{c:>26s}" for c in cells))

    if len(sys.argv) > 2:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(5.5, 5))
        ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfectly calibrated")
        for (name, table), marker in zip(tables.items(), ["o", "s", "^"]):
            pts = [(mp, ob) for n, mp, ob in table if n >= 5]
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=marker, label=name)
        ax.set_xlabel("mean predicted probability (bins of 0.1, n >= 5)")
        ax.set_ylabel("observed purchase rate")
        ax.set_title("Superstore held-out reliability, purchase in 180 days")
        ax.legend(loc="upper left", fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        fig.tight_layout()
        fig.savefig(sys.argv[2], dpi=110)
        print(f"reliability curve: {sys.argv[2]}")


if __name__ == "__main__":
    main()
