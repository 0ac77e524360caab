#!/usr/bin/env python3
"""Converts NELL-995 (the OpenKE layout) to a TSV file that `kg ingest` reads (by its .tsv extension, or with --input-format tsv).

    bench/nell_to_tsv.py /work/shared/data/nell-995 > nell.tsv
    kg --db nell.db ingest nell.tsv --allow-new-predicates

Same mapping as bench/nell_to_jsonl.py, which it imports: `concept_company_google_inc` is "Google Inc",
an Organization; concept:ceoof, acquired, headquarteredin, organizationheadquarteredincountry and
subsidiaryof become kg's ceo_of, acquires, headquartered_in and subsidiary_of; every other relation keeps
its own name (hence --allow-new-predicates). With --only-kg-predicates, those other relations are
dropped instead and the load needs no flag. Columns: subject, subject_type, predicate, object,
object_type, source. Types outside the predicate's domain or range are left empty, so that kg infers them.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nell_to_jsonl as nell  # noqa: E402


def cell(text):
    """A TSV cell: kg reads RFC 4180 quoting in TSV too, so a cell with a quote, tab or line break is quoted."""
    if any(c in text for c in '"\t\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nell_dir")
    parser.add_argument("--only-kg-predicates", action="store_true",
                        help="drop relations that have no kg predicate instead of keeping their names")
    parser.add_argument("--predicates", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                               "schemas", "predicates.json"))
    args = parser.parse_args()
    with open(args.predicates, encoding="utf-8") as f:
        vocabulary = {p["name"]: p for p in json.load(f)["predicates"]}

    entities = nell.read_entities(args.nell_dir)
    relations = nell.read_relations(args.nell_dir)

    out = sys.stdout
    out.write("subject\tsubject_type\tpredicate\tobject\tobject_type\tsource\n")
    written = dropped = 0
    for split in nell.SPLITS:
        path = os.path.join(args.nell_dir, split)
        if not os.path.exists(path):
            continue
        source = "https://rtw.ml.cmu.edu/nell-995/" + split
        for head, tail, relation in nell.read_table(path):
            predicate = relations[int(relation)]
            info = vocabulary.get(predicate)
            if info is None and args.only_kg_predicates:
                dropped += 1
                continue
            (s, s_type), (o, o_type) = entities[int(head)], entities[int(tail)]
            if info is not None:
                s_type = s_type if s_type in info["domain"] else ""
                o_type = o_type if o_type in info["range"] else ""
            out.write("\t".join(cell(x) for x in (s, s_type, predicate, o, o_type, source)) + "\n")
            written += 1
    print("nell_to_tsv: %d rows, %d dropped" % (written, dropped), file=sys.stderr)


if __name__ == "__main__":
    main()
