"""How the out-of-scope measure of nlp.customer-service was chosen (issue 22, part 2).

Inputs: the encoder's embeddings of Banking77 (NlpBenchmark --dumpEmbeddings DIR writes DIR/{train,test}.{f32,txt,lab}).
Run: /usr/bin/python3 benchmarks/nlp/oos_simulation.py DIR  (scikit-learn 1.2.1, numpy; ~7 min on 2 loaded cores).

Choice without looking at the test split: the 10 held-out intents of the benchmark are removed; inside the other
67 intents' training messages, two simulations each hold out 10 further random intents of the fit and 20 % of the
rows; the candidate measures are scored on those rows (out of scope: the rows of the 10 unseen intents). The head is
a scikit-learn proxy of Merx's (logistic regression on TF-IDF word 1-2 + char_wb 2-5 and the embedding), the
Mahalanobis distance is Merx's (shared covariance, 5 % ridge). Fused measures standardise each signal on the
in-scope rows only (what a trainer has). Afterwards, for the record, the same measures on the benchmark protocol
(fit on the 67 intents, the 3,080 test messages, 400 of them out of scope).
"""
import sys
import time

import numpy as np
from scipy import sparse
from scipy.special import logsumexp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_union

DIR = sys.argv[1]


def load(split):
    e = np.fromfile(f"{DIR}/{split}.f32", dtype=">f4").reshape(-1, 384).astype(np.float64)
    texts = open(f"{DIR}/{split}.txt", encoding="utf-8").read().split("\n")[: len(e)]
    labels = np.array(open(f"{DIR}/{split}.lab", encoding="utf-8").read().split("\n")[: len(e)])
    return e, texts, labels


def fit(e, texts, y):
    vec = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                     TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))
    x = sparse.hstack([vec.fit_transform(texts), sparse.csr_matrix(e)]).tocsr()
    clf = LogisticRegression(C=20, max_iter=200).fit(x, y)
    mu = np.array([e[y == c].mean(0) for c in clf.classes_])
    cov = np.zeros((384, 384))
    for i, c in enumerate(clf.classes_):
        d = e[y == c] - mu[i]
        cov += d.T @ d
    cov /= len(e)
    cov += 0.05 * np.trace(cov) / 384 * np.eye(384)
    return dict(vec=vec, clf=clf, mu=mu, precision=np.linalg.inv(cov), train=e)


def measures(m, e, texts):
    """Each measure: higher = more out of scope."""
    z = m["clf"].decision_function(sparse.hstack([m["vec"].transform(texts), sparse.csr_matrix(e)]).tocsr())
    p = np.exp(z - logsumexp(z, axis=1, keepdims=True))
    d = np.array([np.einsum("ij,jk,ik->i", e - mu, m["precision"], e - mu) for mu in m["mu"]]).T
    mun = m["mu"] / np.linalg.norm(m["mu"], axis=1, keepdims=True)
    sims = np.sort(e @ m["train"].T, axis=1)
    top = np.clip(p.max(1), 1e-9, 1 - 1e-9)
    return {"confidence": -p.max(1), "logit(confidence)": -np.log(top / (1 - top)), "energy": -logsumexp(z, axis=1), "mahalanobis": d.min(1),
            "centroid cosine": -(e @ mun.T).max(1), "nearest neighbour": -sims[:, -1], "5th neighbour": -sims[:, -5]}


def standardised(ms, inside, keys):
    return np.column_stack([(ms[k] - ms[k][inside].mean()) / ms[k][inside].std() for k in keys])


def report(name, ms, outside, others):
    row = {k: round(roc_auc_score(outside, v), 4) for k, v in ms.items()}
    for keys in (["confidence", "nearest neighbour"], ["logit(confidence)", "nearest neighbour"],
                 ["logit(confidence)", "nearest neighbour", "mahalanobis"],
                 ["logit(confidence)", "nearest neighbour", "centroid cosine"], ["energy", "nearest neighbour"]):
        row[" + ".join(keys)] = round(roc_auc_score(outside, standardised(ms, ~outside, keys).sum(1)), 4)
        if others:  # logistic weights fitted on the other simulation's rows
            oms, oout = others
            clf = LogisticRegression().fit(standardised(oms, ~oout, keys), oout)
            row["logistic " + " + ".join(keys)] = round(
                roc_auc_score(outside, clf.decision_function(standardised(ms, ~outside, keys))), 4)
    print(name, row, flush=True)


e_train, t_train, y_train = load("train")
e_test, t_test, y_test = load("test")
labels = sorted(set(y_train))
held = [labels[i] for i in range(3, 77, 7)][:10]
known = [l for l in labels if l not in held]
keep = np.isin(y_train, known)
E, T, Y = e_train[keep], [t for t, k in zip(t_train, keep) if k], y_train[keep]

rng = np.random.default_rng(0)
sims = []
for rep in range(2):
    order = rng.permutation(len(Y))
    cut = int(0.8 * len(Y))
    unseen = set(rng.choice(known, 10, replace=False))
    rows = np.array([i for i in order[:cut] if Y[i] not in unseen])
    start = time.time()
    m = fit(E[rows], [T[i] for i in rows], Y[rows])
    val = order[cut:]
    sims.append((measures(m, E[val], [T[i] for i in val]), np.array([Y[i] in unseen for i in val])))
    print(f"simulation {rep} fitted in {time.time() - start:.0f} s", flush=True)
for i, (ms, outside) in enumerate(sims):
    report(f"simulation {i}:", ms, outside, sims[1 - i])
m = fit(E, T, Y)
report("benchmark protocol (test split):", measures(m, e_test, t_test), np.isin(y_test, held), sims[0])
