#!/usr/bin/env python3
"""Converts NELL-995 (the OpenKE layout of entity2id.txt, relation2id.txt and *2id.txt) to kg JSONL.

    bench/nell_to_jsonl.py /work/shared/data/nell-995 > nell.jsonl
    kg --db nell.db ingest nell.jsonl --allow-new-predicates

Entities such as `concept_company_google_inc` become a name ("Google Inc") with a type taken from the
category after `concept_`: company is an Organization, country a Country, city a City, people (person,
personus, ceo, politician, athlete, ...) a Person, anything else Other. Where the predicate is one of
schemas/predicates.json and the type is outside its domain or range, the type is left out and kg infers
it. Relations map to kg's vocabulary where one fits (concept:ceoof -> ceo_of, concept:acquired ->
acquires, ...); every other relation keeps its own name, reduced to [a-z][a-z0-9_]*, which is why the
output needs --allow-new-predicates. Each triple file is one source. Output is deterministic.
"""

import argparse
import json
import os
import re
import sys

RELATIONS = {
    "ceoof": "ceo_of",
    "acquired": "acquires",
    "headquarteredin": "headquartered_in",
    "organizationheadquarteredincountry": "headquartered_in",
    "subsidiaryof": "subsidiary_of",
}

PERSON_CATEGORIES = {
    "person", "ceo", "politician", "politicianus", "athlete", "coach", "writer", "journalist", "musician",
    "musicartist", "actor", "visualartist", "scientist", "director", "judge", "astronaut", "architect",
    "comedian", "model", "celebrity", "criminal", "monarch", "poet", "professor", "male", "female",
}
TYPES = {"company": "Organization", "country": "Country", "city": "City"}
SPLITS = ("train2id.txt", "valid2id.txt", "test2id.txt")


def entity_type(category):
    if category in TYPES:
        return TYPES[category]
    if category in PERSON_CATEGORIES or category.startswith("person"):
        return "Person"
    return "Other"


def entity_name(raw):
    """(name, type) of an entity id such as concept_company_google_inc. Ids without the concept_ form
    (NELL-995 has some coordinates) keep their text and are typed Other."""
    parts = raw.split("_", 2)
    if len(parts) < 2 or parts[0] != "concept":
        return raw, "Other"
    category = parts[1]
    rest = parts[2] if len(parts) == 3 and parts[2] else category
    words = [w for w in rest.split("_") if w]
    name = " ".join(w[:1].upper() + w[1:] for w in words) or category
    return name, entity_type(category)


def predicate_name(relation):
    """kg's predicate for a NELL relation such as concept:ceoof."""
    name = relation.split(":", 1)[-1].lower()
    if name in RELATIONS:
        return RELATIONS[name]
    name = re.sub(r"[^a-z0-9_]+", "_", name).strip("_")
    if not name or not name[0].isalpha():
        name = "r_" + name
    return name[:64]


def read_table(path):
    """The rows after the count line, split on whitespace."""
    with open(path, encoding="utf-8") as f:
        next(f)
        return [line.split() for line in f if line.strip()]


def read_entities(nell_dir):
    """Entity id -> (name, kg type) from entity2id.txt, whose names may hold spaces (so split on the tab)."""
    entities = {}
    with open(os.path.join(nell_dir, "entity2id.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            raw, _, number = line.rstrip("\n").rpartition("\t")
            if raw:
                entities[int(number)] = entity_name(raw)
    return entities


def read_relations(nell_dir):
    """Relation id -> kg predicate name, from relation2id.txt."""
    return {int(number): predicate_name(raw) for raw, number in read_table(os.path.join(nell_dir, "relation2id.txt"))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nell_dir", help="directory holding entity2id.txt, relation2id.txt and *2id.txt")
    parser.add_argument("--predicates", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                               "schemas", "predicates.json"),
                        help="kg's predicate vocabulary (default: schemas/predicates.json)")
    args = parser.parse_args()

    with open(args.predicates, encoding="utf-8") as f:
        vocabulary = {p["name"]: p for p in json.load(f)["predicates"]}

    entities = read_entities(args.nell_dir)
    relations = read_relations(args.nell_dir)

    def entity_json(entity_id, allowed):
        name, kind = entities[entity_id]
        value = {"name": name}
        if allowed is None or kind in allowed:
            value["type"] = kind
        return value

    out = sys.stdout
    written = 0
    for split in SPLITS:
        path = os.path.join(args.nell_dir, split)
        if not os.path.exists(path):
            continue
        source = {"uri": "https://rtw.ml.cmu.edu/nell-995/" + split, "title": "NELL-995 " + split}
        for head, tail, relation in read_table(path):
            predicate = relations[int(relation)]
            info = vocabulary.get(predicate)
            line = {
                "subject": entity_json(int(head), info["domain"] if info else None),
                "predicate": predicate,
                "object": entity_json(int(tail), info["range"] if info else None),
                "source": source,
                "extractor": "nell-995",
            }
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            written += 1
    print("nell_to_jsonl: %d lines" % written, file=sys.stderr)


if __name__ == "__main__":
    main()
