#!/usr/bin/env python3
"""Scores `kg extract` on the real-news development corpus (../shared/eval-dev/), one part of our split.

usage: score_dev_corpus.py KG [--part tune|test|all] [--corpus DIR] [--split FILE] [--json]
                           [--floor-f1 X] [--floor-precision X] [--floor-language-f1 X]

The corpus and its scorer (score.py) live outside the project: its texts are other people's writing and
are read from there at run time, never copied here. tests/data/eval_dev/split.json names which records
are tuned on and which are held out (ids only). This script runs the corpus's own score.py once per
language with the chosen ids, then prints precision, recall and F1 per language and per predicate.

With a floor it is a test: exit 1 when the overall F1 or precision, or any language's F1, is below it.
Exit 77 (ctest's skip code) when the corpus is absent, 2 for bad arguments.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys

LANGUAGES = ("fr", "en", "es", "de")
HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(HERE))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_language(kg, corpus, language, ids):
    """Runs the corpus's score.py on `ids` of one language and returns its JSON report."""
    command = [sys.executable, os.path.join(corpus, "score.py"), kg, os.path.join(corpus, f"{language}.jsonl"),
               "--ids", ",".join(ids), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score.py failed for {language}: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kg", help="the kg binary")
    parser.add_argument("--part", choices=("tune", "test", "all"), default="test")
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(PROJECT), "shared", "eval-dev"))
    parser.add_argument("--split", default=os.path.join(PROJECT, "tests", "data", "eval_dev", "split.json"))
    parser.add_argument("--json", action="store_true", help="print the per-record details as JSON too")
    parser.add_argument("--floor-f1", type=float)
    parser.add_argument("--floor-precision", type=float)
    parser.add_argument("--floor-language-f1", type=float)
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.corpus, "score.py")):
        print(f"skipped: no development corpus at {args.corpus} (it lives beside the project, in ../shared/eval-dev)")
        return 77
    with open(args.split, encoding="utf-8") as f:
        split = json.load(f)
    parts = ("tune", "test") if args.part == "all" else (args.part,)
    ids = {lang: [i for part in parts for i in split[part][lang]] for lang in LANGUAGES}

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        reports = dict(zip(LANGUAGES, pool.map(lambda l: score_language(args.kg, args.corpus, l, ids[l]), LANGUAGES)))

    totals = collections.Counter()
    predicates = collections.defaultdict(collections.Counter)
    print(f"## {args.part}: {sum(len(v) for v in ids.values())} records\n")
    print("| language | records | gold | found | predicted | precision | recall | F1 | not_triples hit |")
    print("|---|---|---|---|---|---|---|---|---|")
    language_f1 = {}
    for lang in LANGUAGES:
        r = reports[lang]
        p, rec, f = prf(r["tp"], r["fp"], r["fn"])
        language_f1[lang] = f
        print(f"| {lang} | {len(ids[lang])} | {r['tp'] + r['fn']} | {r['tp']} | {r['tp'] + r['fp']} | {p:.2f} | {rec:.2f} | "
              f"{f:.2f} | {r['not_triples_hit']} |")
        for k in ("tp", "fp", "fn", "not_triples_hit"):
            totals[k] += r[k]
        for name, c in r["per_predicate"].items():
            predicates[name]["gold"] += c["gold"]
            predicates[name]["found"] += c["found"]
        for d in r["details"]:
            for t in d["fp"]:
                predicates[t[1]]["fp"] += 1
    p, rec, f = prf(totals["tp"], totals["fp"], totals["fn"])
    print(f"| **all** | {sum(len(v) for v in ids.values())} | {totals['tp'] + totals['fn']} | {totals['tp']} | "
          f"{totals['tp'] + totals['fp']} | **{p:.2f}** | **{rec:.2f}** | **{f:.2f}** | {totals['not_triples_hit']} |\n")
    print("| predicate | gold | found | wrong | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for name in sorted(predicates):
        c = predicates[name]
        pp, pr, pf = prf(c["found"], c["fp"], c["gold"] - c["found"])
        print(f"| {name} | {c['gold']} | {c['found']} | {c['fp']} | {pp:.2f} | {pr:.2f} | {pf:.2f} |")
    if args.json:
        print(json.dumps({lang: reports[lang]["details"] for lang in LANGUAGES}, ensure_ascii=False))

    failures = []
    if args.floor_f1 is not None and f < args.floor_f1:
        failures.append(f"F1 {f:.3f} is below the floor {args.floor_f1}")
    if args.floor_precision is not None and p < args.floor_precision:
        failures.append(f"precision {p:.3f} is below the floor {args.floor_precision}")
    if args.floor_language_f1 is not None:
        for lang, lf in language_f1.items():
            if lf < args.floor_language_f1:
                failures.append(f"{lang} F1 {lf:.3f} is below the floor {args.floor_language_f1}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
