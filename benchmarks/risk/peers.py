#!/usr/bin/python3
"""scikit-learn peers of risk.transaction on the same rows and split.

transaction.csv (written by RiskBenchmark): one row per order in time order, the split (fit, calibration,
evaluation), the label, Merx's calibrated probabilities with and without graph features, and the point-in-time
features the Merx trainer built (order features first, the five graph features last). lending.csv: the same for the
credit data (seeded random split). The peers train on fit + calibration rows (they have no separate calibration
step) and are scored on the evaluation rows: LogisticRegression (balanced class weights, standardised) and
GradientBoostingClassifier (defaults), each with all features and with the order features only.

Usage: peers.py transaction.csv lending.csv
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

GRAPH_FEATURES = 5


def load(path, merx_columns):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    split = np.array([r[1] for r in rows])
    y = np.array([int(r[2]) for r in rows])
    merx = {header[3 + k]: np.array([float(r[3 + k]) for r in rows]) for k in range(merx_columns)}
    x = np.array([[float(v) for v in r[3 + merx_columns:]] for r in rows])
    return split, y, merx, x


def recall_at_fpr(y, p, fpr_budget=0.01):
    fpr, tpr, _ = roc_curve(y, p)
    return float(tpr[fpr <= fpr_budget].max())


def report(name, y, p):
    print(f"  {name:<44} PR-AUC {average_precision_score(y, p):.3f}  ROC-AUC {roc_auc_score(y, p):.3f}  "
          f"recall@1%FPR {recall_at_fpr(y, p):.3f}")


def peers(x, y, train, test, label):
    lr = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000))
    lr.fit(x[train], y[train])
    report(f"sklearn LogisticRegression (balanced){label}", y[test], lr.predict_proba(x[test])[:, 1])
    gb = GradientBoostingClassifier(random_state=0)
    gb.fit(x[train], y[train])
    report(f"sklearn GradientBoosting{label}", y[test], gb.predict_proba(x[test])[:, 1])


def main():
    split, y, merx, x = load(sys.argv[1], 2)
    train, test = split != "evaluation", split == "evaluation"
    print(f"== simulated shop: {test.sum()} held-out orders (newest), {y[test].sum()} fraudulent")
    report("merx risk.transaction, graph features", y[test], merx["merx_graph"][test])
    report("merx risk.transaction, order features only", y[test], merx["merx_nograph"][test])
    peers(x, y, train, test, ", graph features")
    peers(x[:, :-GRAPH_FEATURES], y, train, test, ", order features only")
    split, y, merx, x = load(sys.argv[2], 1)
    train, test = split != "evaluation", split == "evaluation"
    print(f"== lending_club: {test.sum()} held-out loans, {y[test].sum()} bad")
    report("merx weighted L2 logistic + Platt", y[test], merx["merx"][test])
    peers(x, y, train, test, "")


if __name__ == "__main__":
    main()
