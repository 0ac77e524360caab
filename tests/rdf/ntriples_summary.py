#!/usr/bin/python3
"""Reads an N-Triples file with rdflib (Debian's python3-rdflib), the way an RDF consumer would, and
prints a JSON summary of the graph as kg exports it: the triple count, each entity's type and label,
the plain edges, and each rdf:Statement's qualifiers.

    ntriples_summary.py FILE          the summary of FILE
    ntriples_summary.py FILE1 FILE2   whether the two files hold the same graph: "same", or the first
                                      differences. Blank node labels do not matter, and the two ends of a
                                      symmetric predicate (partner_of, met_with) may come either way round.
"""
import json
import sys

from rdflib import Graph, BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS

SYMMETRIC = {"partner_of", "met_with"}


def local(iri):
    return str(iri).rsplit("/", 1)[-1]


def summary(path):
    g = Graph()
    g.parse(path, format="nt")
    types = {str(s): local(o) for s, o in g.subject_objects(RDF.type) if not isinstance(s, BNode)}
    labels = {str(s): str(o) for s, o in g.subject_objects(RDFS.label)}
    edges = []
    statements = []
    for s, p, o in g:
        if isinstance(s, URIRef) and isinstance(o, URIRef) and p not in (RDF.type,):
            edges.append(ordered(str(s), str(p), str(o)))
    for node in g.subjects(RDF.type, RDF.Statement):
        st = {"edge": ordered(str(g.value(node, RDF.subject)), str(g.value(node, RDF.predicate)),
                              str(g.value(node, RDF.object)))}
        for p, o in g.predicate_objects(node):
            name = local(p)
            if name in ("amount", "currency", "date", "period", "evidenceCount"):
                st[name] = str(o)
                if isinstance(o, Literal) and o.datatype is not None:
                    st[name + "_datatype"] = local(str(o.datatype)).split("#")[-1]
                if name == "amount":
                    st["amount_value"] = float(o.toPython())
        st["sources"] = sorted(str(o) for p, o in g.predicate_objects(node) if local(p) == "source")
        statements.append(st)
    statements.sort(key=lambda st: json.dumps(st, sort_keys=True))
    return {"triples": len(g), "types": types, "labels": labels, "edges": sorted(edges),
            "statements": statements}


def ordered(s, p, o):
    if local(p) in SYMMETRIC and o < s:
        s, o = o, s
    return [s, p, o]


def main():
    if len(sys.argv) == 2:
        print(json.dumps(summary(sys.argv[1]), sort_keys=True, ensure_ascii=False))
        return
    a, b = summary(sys.argv[1]), summary(sys.argv[2])
    diffs = []
    for key in ("triples", "types", "labels", "edges", "statements"):
        if a[key] != b[key]:
            if isinstance(a[key], dict):
                only = sorted(set(a[key].items()) ^ set(b[key].items()))[:5]
                diffs.append(f"{key}: {only}")
            elif isinstance(a[key], list):
                sa = [json.dumps(x, sort_keys=True) for x in a[key]]
                sb = [json.dumps(x, sort_keys=True) for x in b[key]]
                diffs.append(f"{key}: only in first {sorted(set(sa) - set(sb))[:3]}, only in second {sorted(set(sb) - set(sa))[:3]}")
            else:
                diffs.append(f"{key}: {a[key]} != {b[key]}")
    print("same" if not diffs else "\n".join(diffs))


if __name__ == "__main__":
    main()
