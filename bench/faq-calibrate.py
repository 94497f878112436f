#!/usr/bin/env python3
"""Fits the FAQ confidence curves (src/KlassenouderBot/Faq/Calibration.cs) on the development questions.

    dotnet run --project src/KlassenouderBot -- eval-faq tests/KlassenouderBot.Tests/TestData/faq-dev.tsv --details > /tmp/candidates.tsv
    python3 bench/faq-calibrate.py /tmp/candidates.tsv [THRESHOLD [OTHER-CANDIDATES.tsv]]

Each candidate (entry or passage) of each question is one example, labelled by whether it is the expected
answer. One logistic curve for entries and one for passages (plain gradient descent with a little L2, no
packages needed). Prints the coefficients to paste into Calibration.cs and, for a check that does not flatter,
the accuracy of 5-fold cross-validation over questions. Never fit on the held-out set.
"""
import csv, math, random, sys
from collections import defaultdict

FEATURES = ["coverage", "focus", "relative", "gap", "unknown", "agrees", "english", "locality"]


def load(path):
    questions = defaultdict(list)
    for r in csv.DictReader(open(path), delimiter="\t"):
        r["x"] = [float(r[f]) for f in FEATURES]
        r["y"] = int(r["is_expected"])
        questions[(r["id"], r["expected"])].append(r)
    return questions


def fit(rows, l2=0.0005, iterations=25):
    """Logistic regression by Newton's method (a handful of steps for eight coefficients)."""
    k = len(FEATURES) + 1
    xs = [[1.0] + r["x"] for r in rows]
    w = [0.0] * k
    for _ in range(iterations):
        g = [0.0] * k
        h = [[0.0] * k for _ in range(k)]
        for x, r in zip(xs, rows):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            d, v = p - r["y"], p * (1 - p)
            for i in range(k):
                g[i] += d * x[i]
                for j in range(k):
                    h[i][j] += v * x[i] * x[j]
        for i in range(1, k):
            g[i] += l2 * len(rows) * w[i]
            h[i][i] += l2 * len(rows)
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
    return w


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def fit_both(questions):
    rows = [c for cs in questions.values() for c in cs if c["fits"] == "1"]
    return fit([r for r in rows if r["passage"] == "0"]), fit([r for r in rows if r["passage"] == "1"])


def confidence(models, c):
    if c["fits"] != "1":
        return 0.0
    w = models[int(c["passage"])]
    return 1 / (1 + math.exp(-(w[0] + sum(a * b for a, b in zip(w[1:], c["x"])))))


def score(models, questions, threshold):
    right = answerable = none = none_answered = 0
    for (qid, expected), cs in questions.items():
        best = max(cs, key=lambda c: confidence(models, c), default=None)
        got = best["candidate"] if best is not None and confidence(models, best) >= threshold else None
        if expected == "none":
            none += 1
            none_answered += got is not None
        else:
            answerable += 1
            right += got == expected
    return right, answerable, none_answered, none


def main():
    questions = load(sys.argv[1])
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    models = fit_both(questions)
    for name, w in zip(("Entry", "Passage"), models):
        print(name, " ".join(f"{n}={v:.2f}" for n, v in zip(["bias"] + FEATURES, w)))
    r, a, n_ans, n = score(models, questions, threshold)
    print(f"fitted on all: top-1 {r}/{a} = {r / a:.1%}, unanswerable answered {n_ans}/{n}")
    keys = sorted(questions)
    random.Random(5).shuffle(keys)
    totals = [0, 0, 0, 0]
    for k in range(5):
        test = {q: questions[q] for q in keys[k::5]}
        train = {q: questions[q] for q in keys if q not in test}
        for i, v in enumerate(score(fit_both(train), test, threshold)):
            totals[i] += v
    r, a, n_ans, n = totals
    print(f"5-fold cross-validated: top-1 {r}/{a} = {r / a:.1%}, unanswerable answered {n_ans}/{n}")
    if len(sys.argv) > 3:
        r, a, n_ans, n = score(models, load(sys.argv[3]), threshold)
        print(f"on {sys.argv[3]}: top-1 {r}/{a} = {r / a:.1%}, unanswerable answered {n_ans}/{n}")


main()
