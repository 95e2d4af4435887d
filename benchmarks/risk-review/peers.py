#!/usr/bin/python3
"""scikit-learn peers of risk.review on the same features and split.

Reads features.csv written by ReviewBenchmark: one row per review in time order, with the trainer's split (fit,
calibration, evaluation), the 0/1 label, the kind of abuse, Merx's calibrated probability and the features as the
Merx trainer built them (counts on a log scale; an unknown account age is empty). The peers train on every training
row (fit + calibration: they have no separate calibration step), an unknown account age imputed with the training
mean, and are scored on the evaluation rows (the newest 20 % by time). Prints PR-AUC (average precision), ROC-AUC
and recall at 1 % false-positive rate for Merx and each peer, and the same with each feature group left out.

Usage: peers.py features.csv
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# as ReviewFeatures groups them
GROUPS = {
    "text": ["textPolarity", "textWords"],
    "mismatch": ["rating", "ratingTextMismatch", "oneStar", "fiveStars"],
    "behaviour": ["reviewerBurst", "accountAgeDays", "productNewAccountBurst", "newAccount",
                  "newAccountReviewerBurst", "newAccountProductBurst"],
    "duplicates": ["maxCopySimilarity", "nearCopies", "nearCopy", "newAccountNearCopy"],
}
PLAIN = ["textPolarity", "textWords", "rating", "ratingTextMismatch", "reviewerBurst", "accountAgeDays",
         "productNewAccountBurst", "maxCopySimilarity", "nearCopies"]


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    split = np.array([r[0] for r in rows])
    y = np.array([int(r[1]) for r in rows])
    merx = np.array([float(r[3]) for r in rows])
    x = np.array([[float(v) if v != "" else np.nan for v in r[4:]] for r in rows])
    return header[4:], split, y, merx, x


def recall_at_fpr(y, p, fpr_max=0.01):
    fpr, tpr, _ = roc_curve(y, p)
    return float(tpr[fpr <= fpr_max].max())


def figures(y, p):
    return average_precision_score(y, p), roc_auc_score(y, p), recall_at_fpr(y, p)


def peers(x_train, y_train, x_test):
    lr = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000))
    lr.fit(x_train, y_train)
    gb = GradientBoostingClassifier(random_state=0)
    gb.fit(x_train, y_train)
    return {"sklearn LogisticRegression": lr.predict_proba(x_test)[:, 1],
            "sklearn GradientBoosting": gb.predict_proba(x_test)[:, 1]}


def main():
    names, split, y, merx, x = load(sys.argv[1])
    train = split != "evaluation"
    test = split == "evaluation"
    means = np.nanmean(x[train], axis=0)
    x = np.where(np.isnan(x), means, x)
    print(f"{train.sum()} training reviews ({y[train].mean():.3f} abusive), {test.sum()} held out "
          f"({y[test].mean():.3f} abusive)")
    print(f"{'model':48s} {'PR-AUC':>7s} {'ROC-AUC':>8s} {'recall@1%FPR':>13s}")
    models = {"merx risk.review (L2 logistic + Platt)": merx[test]}
    models.update(peers(x[train], y[train], x[test]))
    for name, p in models.items():
        print("%-48s %7.3f %8.3f %13.3f" % ((name,) + figures(y[test], p)))
    plain = [i for i, n in enumerate(names) if n in PLAIN]
    for name, p in peers(x[train][:, plain], y[train], x[test][:, plain]).items():
        print("%-48s %7.3f %8.3f %13.3f" % ((name + ", 9 plain features",) + figures(y[test], p)))
    print("\nablation, peers (PR-AUC / ROC-AUC / recall@1%FPR) with one feature group left out:")
    for group, columns in GROUPS.items():
        keep = [i for i, n in enumerate(names) if n not in columns]
        for name, p in peers(x[train][:, keep], y[train], x[test][:, keep]).items():
            print("  without %-10s %-28s %.3f / %.3f / %.3f" % ((group, name) + figures(y[test], p)))


if __name__ == "__main__":
    main()
