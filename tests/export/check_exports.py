"""Reads kg's exports with the real consumers and compares them with what the store says.

Usage: check_exports.py EXPECTED.json EXPORT_DIR

EXPECTED.json (written by tests/export/consumers_test.cc from the store's own API) holds
{"nodes": {id: {"name", "type", "iso_code", "external_id", "aliases": [[name, lang], ...]}},
 "edges": [{"source", "target", "predicate", "symmetric", "evidence_count", "amount", "currency", "date",
            "period", "sources"}], "evidence": N}.
EXPORT_DIR holds graph.graphml, graph.json (node-link), csv/{nodes,edges,evidence}.csv,
neo4j/{nodes,edges,evidence}.csv and raw/{nodes,edges,evidence}.csv (--raw-csv). Prints one line per problem and exits 1 when there is any.
"""
import json
import math
import re
import sys

import networkx as nx
import pandas as pd

problems = []


def check(what, got, want):
    if got != want:
        problems.append(f"{what}: got {got!r}, want {want!r}")


def xml_text(s):
    """What a GraphML reader sees of s: kg replaces what XML 1.0 cannot carry by U+FFFD; XML turns CR into LF."""
    s = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", s)
    return s.replace("\r\n", "\n").replace("\r", "\n")


def spreadsheet_text(s):
    """What kg's default CSV holds for a text field: a ' before a start a spreadsheet would run (OWASP)."""
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def same_amount(got, want):
    if want is None:
        return got is None or (isinstance(got, float) and math.isnan(got))
    return got == want


def amount_of(e):
    a = e.get("amount")
    return None if a is None or (isinstance(a, float) and math.isnan(a)) else float(a)


def edge_key(e):
    return (int(e["source"]), int(e["target"]), e["predicate"], e.get("date", ""), e.get("currency", ""),
            amount_of(e))


def compare_edges(fmt, got_edges, want_edges, text=lambda s: s):
    check(f"{fmt}: edge count", len(got_edges), len(want_edges))
    got = sorted(got_edges, key=lambda e: repr(edge_key(e)))
    want = sorted(want_edges, key=lambda e: repr(edge_key(e)))
    for g, w in zip(got, want):
        where = f"{fmt}: edge {w['source']}->{w['target']} {w['predicate']} {w['date']}"
        check(where + " source", int(g["source"]), w["source"])
        check(where + " target", int(g["target"]), w["target"])
        check(where + " predicate", g["predicate"], w["predicate"])
        check(where + " evidence_count", int(g["evidence_count"]), w["evidence_count"])
        if not same_amount(g.get("amount"), w["amount"]):
            problems.append(f"{where} amount: got {g.get('amount')!r}, want {w['amount']!r}")
        # GraphML readers leave out empty values.
        for field in ("currency", "date", "period"):
            check(f"{where} {field}", g.get(field, ""), text(w[field]))
        check(where + " symmetric", g["symmetric"], w["symmetric"])
        # Lists are JSON, which escapes control characters, so they come back exact in every format.
        check(where + " sources", json.loads(g["sources"]) if isinstance(g["sources"], str) else g["sources"],
              w["sources"])


def compare_nodes(fmt, got, want, text=lambda s: s):
    """got: {id: {name, type, iso_code, external_id}}"""
    check(f"{fmt}: node ids", sorted(got), sorted(want))
    for node_id, w in want.items():
        g = got.get(node_id)
        if g is None:
            continue
        for field in ("name", "type", "iso_code", "external_id"):
            check(f"{fmt}: node {node_id} {field}", g.get(field, ""), text(w[field]))
        aliases = g.get("aliases", "[]")
        check(f"{fmt}: node {node_id} aliases", json.loads(aliases) if isinstance(aliases, str) else aliases,
              w["aliases"])


def main():
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    root = sys.argv[2]
    want_nodes = {int(k): v for k, v in expected["nodes"].items()}
    want_edges = expected["edges"]

    # GraphML, through networkx's reader.
    g = nx.read_graphml(f"{root}/graph.graphml", force_multigraph=True)
    check("graphml: directed", g.is_directed(), True)
    compare_nodes("graphml", {int(n[1:]): d for n, d in g.nodes(data=True)}, want_nodes, xml_text)
    edges = []
    for s, t, d in g.edges(data=True):
        check("graphml: amount type", type(d["amount"]), float)
        check("graphml: evidence_count type", type(d["evidence_count"]), int)
        check("graphml: symmetric type", type(d["symmetric"]), bool)
        edges.append(dict(d, source=int(s[1:]), target=int(t[1:])))
    compare_edges("graphml", edges, want_edges, xml_text)

    # node-link JSON, through networkx's node_link_graph.
    data = json.load(open(f"{root}/graph.json", encoding="utf-8"))
    g = nx.node_link_graph(data)
    check("node-link: multigraph", g.is_multigraph(), True)
    check("node-link: directed", g.is_directed(), True)
    compare_nodes("node-link", {n: d for n, d in g.nodes(data=True)}, want_nodes)
    edges = [dict(d, source=s, target=t) for s, t, k, d in g.edges(keys=True, data=True)]
    keys = [k for _, _, k in g.edges(keys=True)]
    check("node-link: distinct keys", len(set(keys)), len(keys))
    compare_edges("node-link", edges, want_edges)

    # CSV with Gephi's headers, through pandas. The python engine reads NUL inside a field, which the
    # C engine cuts short; the test data has such names.
    engine = "python" if expected.get("nul_in_names") else "c"
    read = lambda name: pd.read_csv(f"{root}/{name}", dtype=str, keep_default_na=False, engine=engine)
    # The default CSV guards text fields against spreadsheet formulas; --raw-csv keeps them exact.
    for folder, text in (("csv", spreadsheet_text), ("raw", lambda s: s)):
        nodes = read(f"{folder}/nodes.csv")
        check(f"{folder}: nodes header", list(nodes.columns), ["Id", "Label", "type", "iso_code", "external_id", "aliases"])
        compare_nodes(folder, {int(r["Id"]): dict(r, name=r["Label"]) for r in nodes.to_dict("records")}, want_nodes,
                      text)
        edges = read(f"{folder}/edges.csv")
        check(f"{folder}: edges header", list(edges.columns)[:5], ["Source", "Target", "Type", "Label", "Weight"])
        rows = []
        for r in edges.to_dict("records"):
            check(f"{folder}: Weight is evidence_count", r["Weight"], r["evidence_count"])
            check(f"{folder}: Type", r["Type"], "Undirected" if r["symmetric"] == "true" else "Directed")
            rows.append(dict(r, source=r["Source"], target=r["Target"], predicate=r["Label"],
                             amount=float(r["amount"]) if r["amount"] else None, symmetric=r["symmetric"] == "true"))
        compare_edges(folder, rows, want_edges, text)
        evidence = read(f"{folder}/evidence.csv")
        check(f"{folder}: evidence rows", len(evidence), expected["evidence"])
        check(f"{folder}: evidence edges exist", set(evidence["edge"]) <= set(edges["Id"]), True)

    # CSV with neo4j-admin's headers.
    nodes = read("neo4j/nodes.csv")
    check("neo4j: nodes header", list(nodes.columns)[:3], ["id:ID", "name", ":LABEL"])
    check("neo4j: node count", len(nodes), len(want_nodes))
    edges = read("neo4j/edges.csv")
    check("neo4j: edges header", list(edges.columns)[:4], [":START_ID", ":END_ID", ":TYPE", "id"])
    check("neo4j: edge count", len(edges), len(want_edges))
    check("neo4j: evidence rows", len(read("neo4j/evidence.csv")), expected["evidence"])

    for p in problems[:50]:
        print(p)
    if problems:
        sys.exit(1)
    print("ok")


main()
