"""Peer for the Banking77 intent benchmark: scikit-learn TF-IDF (word 1-2 grams + char_wb 2-5 grams) + LinearSVC.

Run by NlpBenchmark with /usr/bin/python3 (Debian python3-sklearn); prints one JSON line.
"""
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def read(path, text_col, label_col):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r[text_col] for r in rows], [r[label_col] for r in rows]


def main():
    train_path, test_path, text_col, label_col = sys.argv[1:5]
    x_train, y_train = read(train_path, text_col, label_col)
    x_test, y_test = read(test_path, text_col, label_col)
    start = time.time()
    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
        ),
        LinearSVC(C=1.0),
    )
    model.fit(x_train, y_train)
    fit_seconds = time.time() - start
    predicted = model.predict(x_test)
    print(json.dumps({
        "accuracy": accuracy_score(y_test, predicted),
        "macroF1": f1_score(y_test, predicted, average="macro"),
        "fitSeconds": fit_seconds,
    }))


if __name__ == "__main__":
    main()
