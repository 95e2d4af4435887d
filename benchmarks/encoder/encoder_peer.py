"""Peer for the encoder benchmark: scikit-learn TF-IDF (word 1-2 grams + char_wb 2-5 grams) + LinearSVC on Banking77.

The same pipeline as benchmarks/nlp/sklearn_peer.py, plus scoring speed measured like the encoder's: one message
per predict() call, and batches of 32. Run by EncoderBenchmark with /usr/bin/python3; prints one JSON line.
"""
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["category"] for r in rows]


def main():
    train_path, test_path, single_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    x_train, y_train = read(train_path)
    x_test, y_test = read(test_path)
    start = time.perf_counter()
    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
        ),
        LinearSVC(C=1.0),
    )
    model.fit(x_train, y_train)
    fit_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for text in x_test[:single_count]:
        model.predict([text])
    single_per_second = single_count / (time.perf_counter() - start)

    start = time.perf_counter()
    predicted = []
    for i in range(0, len(x_test), 32):
        predicted.extend(model.predict(x_test[i:i + 32]))
    batch_per_second = len(x_test) / (time.perf_counter() - start)

    print(json.dumps({
        "accuracy": accuracy_score(y_test, predicted),
        "macroF1": f1_score(y_test, predicted, average="macro"),
        "fitSeconds": fit_seconds,
        "singlePerSecond": single_per_second,
        "batch32PerSecond": batch_per_second,
    }))


if __name__ == "__main__":
    main()
