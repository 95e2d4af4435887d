"""Peer for the Banking77 intent benchmark: scikit-learn TF-IDF (word 1-2 grams + char_wb 2-5 grams) + LinearSVC.

Run by NlpBenchmark with /usr/bin/python3 (Debian python3-sklearn); prints one JSON line.
Arguments: train.csv test.csv text_column label_column [held-out intents, comma-separated].
With held-out intents, those intents are removed from training; their test messages are out of scope, and the
out-of-scope score is minus the largest decision value (AUROC of in-scope vs held-out test messages).
"""
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def read(path, text_col, label_col):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r[text_col] for r in rows], [r[label_col] for r in rows]


def pipeline():
    return make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
        ),
        LinearSVC(C=1.0),
    )


def main():
    train_path, test_path, text_col, label_col = sys.argv[1:5]
    held_out = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else set()
    x_train, y_train = read(train_path, text_col, label_col)
    x_test, y_test = read(test_path, text_col, label_col)
    result = {}
    start = time.time()
    model = pipeline().fit(x_train, y_train)
    result["fitSeconds"] = time.time() - start
    start = time.time()
    predicted = model.predict(x_test)
    result["messagesPerSecondBatch"] = len(x_test) / (time.time() - start)
    start = time.time()
    for text in x_test[:300]:
        model.predict([text])
    result["messagesPerSecondSingle"] = 300 / (time.time() - start)
    result["accuracy"] = accuracy_score(y_test, predicted)
    result["macroF1"] = f1_score(y_test, predicted, average="macro")
    if held_out:
        keep = [i for i, y in enumerate(y_train) if y not in held_out]
        start = time.time()
        known = pipeline().fit([x_train[i] for i in keep], [y_train[i] for i in keep])
        result["heldOutFitSeconds"] = time.time() - start
        scores = -known.decision_function(x_test).max(axis=1)
        outside = [1 if y in held_out else 0 for y in y_test]
        result["oosAuroc"] = roc_auc_score(outside, scores)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
