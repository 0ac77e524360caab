// `kg export --to ntriples` and `kg ingest --format ntriples|csv|tsv`, through the CLI on real stores.
// The N-Triples are read back by rdflib (Debian's python3-rdflib, under /usr/bin/python3) and serdi,
// the consumers the export is for; round trips compare the graphs rdflib reads.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli_test_support.h"
#include "test_support.h"
#include "text/control_characters.h"

namespace kg::cli {
namespace {

const std::string kBase = "https://kg.invalid/";
const std::string kEntity = kBase + "entity/";
const std::string kPredicate = kBase + "predicate/";

bool HaveRdflib() { return std::system("/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1") == 0; }

class RdfCommandsTest : public CliStoreTest {
 protected:
  // Runs kg on another store in the test's directory.
  Outcome KgOn(const std::string& db, std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", Path(db)});
    std::istringstream in(input);
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
  }

  std::string Summarize(const std::string& a, const std::string& b = "") {
    int code = 0;
    std::string out = testing::RunCommand("/usr/bin/python3 " + testing::SourcePath("tests/rdf/ntriples_summary.py") +
                                              " " + a + (b.empty() ? "" : " " + b) + " 2>&1",
                                          &code);
    EXPECT_EQ(code, 0) << out;
    return out;
  }

  static size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

  void ExpectCheckPasses(const std::string& db) {
    Outcome check = KgOn(db, {"check"});
    EXPECT_EQ(check.code, kExitOk) << check.out << check.err;
  }
};

TEST_F(RdfCommandsTest, ExportedNTriplesLoadInRdflibWithTypedQualifiers) {
  if (!HaveRdflib()) GTEST_SKIP() << "/usr/bin/python3 has no rdflib; install python3-rdflib (tools/setup.sh)";
  IngestSourceFile("tests/data/rdf/graph.jsonl");
  Outcome exported = Kg({"export", "--to", "ntriples", "-o", Path("a.nt")});
  ASSERT_EQ(exported.code, kExitOk) << exported.err;
  const std::string nt = testing::ReadFileBytes(Path("a.nt"));

  auto summary = nlohmann::json::parse(Summarize(Path("a.nt")));
  EXPECT_EQ(summary["triples"].get<size_t>(), Lines(nt));  // every line a distinct triple
  EXPECT_EQ(summary["types"][kEntity + "Microsoft"], "Organization");
  EXPECT_EQ(summary["types"][kEntity + "Spain"], "Country");
  EXPECT_EQ(summary["types"][kEntity + "Satya_Nadella"], "Person");
  EXPECT_EQ(summary["labels"][kEntity + "AC%2FDC_%231"], "AC/DC #1");
  EXPECT_EQ(summary["labels"][kEntity + "Foo%5FBar_100%25_SA"], "Foo_Bar 100% SA");
  EXPECT_EQ(summary["labels"][kEntity + "Soci%C3%A9t%C3%A9_G%C3%A9n%C3%A9rale"], "Société Générale");

  const nlohmann::json spain = {kEntity + "Microsoft", kPredicate + "invests_in", kEntity + "Spain"};
  EXPECT_NE(std::find(summary["edges"].begin(), summary["edges"].end(), spain), summary["edges"].end());
  int spain_statements = 0;
  for (const auto& st : summary["statements"]) {
    if (st["edge"] == spain && st["date"] == "2024-02") {
      ++spain_statements;
      EXPECT_EQ(st["amount"], "1900000000");
      EXPECT_EQ(st["amount_datatype"], "decimal");
      EXPECT_EQ(st["currency"], "EUR");
      EXPECT_EQ(st["date_datatype"], "gYearMonth");
      EXPECT_EQ(st["evidenceCount"], "2");
      EXPECT_EQ(st["evidenceCount_datatype"], "integer");
      EXPECT_EQ(st["sources"], nlohmann::json({"https://news.example/a1", "https://news.example/a2"}));
    } else if (st["edge"] == spain) {
      ++spain_statements;
      EXPECT_EQ(st["date"], "2022-06");
      EXPECT_EQ(st["period"], "P2Y");
      EXPECT_EQ(st["amount_value"], 5e8);
    }
    if (st["edge"][2] == kEntity + "Toulouse" && st["edge"][0] == kEntity + "Siemens") {
      EXPECT_EQ(st["amount_datatype"], "double");
      EXPECT_EQ(st["amount_value"], 12.5);
      EXPECT_EQ(st["date_datatype"], "date");
      EXPECT_EQ(st["sources"], nlohmann::json({"https://news.example/a b"}));  // not an IRI: a literal
    }
  }
  EXPECT_EQ(spain_statements, 2);

  // serdi, an independent reader, accepts every line and writes back as many triples.
  int code = 0;
  std::string reserialized = testing::RunCommand("serdi -i ntriples -o ntriples " + Path("a.nt") + " 2>&1", &code);
  if (code == 127) GTEST_SKIP() << "no serdi; install serdi (tools/setup.sh)";
  EXPECT_EQ(code, 0) << reserialized;
  EXPECT_EQ(Lines(reserialized), Lines(nt));
}

TEST_F(RdfCommandsTest, ExportUsesTheBaseAndRefusesABadOne) {
  IngestSourceFile("tests/data/rdf/graph.jsonl");
  Outcome r = Kg({"export", "--to", "ntriples", "--base", "http://example.org/kg#"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("<http://example.org/kg#entity/Microsoft> <http://example.org/kg#predicate/invests_in> "
                       "<http://example.org/kg#entity/Spain> .\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("<http://example.org/kg#entity/Microsoft> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                       "<http://example.org/kg#type/Organization> .\n"),
            std::string::npos);
  EXPECT_EQ(r.out.find("kg.invalid"), std::string::npos);

  Outcome bad = Kg({"export", "--to", "ntriples", "--base", "relative/"});
  EXPECT_NE(bad.code, kExitOk);
  EXPECT_NE(bad.err.find("--base must be an absolute IRI"), std::string::npos) << bad.err;
}

TEST_F(RdfCommandsTest, NTriplesRoundTripGivesTheSameGraph) {
  if (!HaveRdflib()) GTEST_SKIP() << "/usr/bin/python3 has no rdflib";
  IngestSourceFile("tests/data/rdf/graph.jsonl");
  ASSERT_EQ(Kg({"export", "--to", "ntriples", "-o", Path("a.nt")}).code, kExitOk);

  Outcome imported = KgOn("b.db", {"ingest", Path("a.nt")});
  ASSERT_EQ(imported.code, kExitOk) << imported.err;
  ExpectCheckPasses("b.db");
  ASSERT_EQ(KgOn("b.db", {"export", "--to", "ntriples", "-o", Path("b.nt")}).code, kExitOk);
  EXPECT_EQ(Summarize(Path("a.nt"), Path("b.nt")), "same\n");

  auto a_stats = nlohmann::json::parse(Kg({"stats"}).out);
  auto b_stats = nlohmann::json::parse(KgOn("b.db", {"stats"}).out);
  for (const char* key : {"entities", "facts", "evidence", "sources"}) EXPECT_EQ(a_stats[key], b_stats[key]) << key;

  // Importing the same file again changes nothing: every assertion is a duplicate.
  Outcome again = KgOn("b.db", {"ingest", Path("a.nt"), "--input-format", "ntriples"});
  ASSERT_EQ(again.code, kExitOk) << again.err;
  auto b_again = nlohmann::json::parse(KgOn("b.db", {"stats"}).out);
  EXPECT_EQ(b_again["evidence"], b_stats["evidence"]);
}

TEST_F(RdfCommandsTest, HostileNamesSurviveExportAndImport) {
  if (!HaveRdflib()) GTEST_SKIP() << "/usr/bin/python3 has no rdflib";
  const auto names = nlohmann::json::parse(testing::ReadFileBytes(testing::SourcePath("tests/data/render/hostile_names.json")));
  ASSERT_GE(names.size(), 50u);
  std::string jsonl;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string name = names[i];
    // Refused at ingest: names over 1,000 characters, and names with control characters or bidi controls.
    if (name.size() > 1000 || text::FindControlOrBidiControl(name)) continue;
    jsonl += nlohmann::json({{"subject", {{"name", name}, {"type", "Organization"}}},
                             {"predicate", "invests_in"},
                             {"object", "Spain"},
                             {"source", {{"uri", "https://x.example/" + std::to_string(i)}}}})
                 .dump() +
             "\n";
  }
  Outcome ingested = Kg({"ingest", "-"}, jsonl);
  ASSERT_EQ(ingested.code, kExitOk) << ingested.err;
  ASSERT_EQ(Kg({"export", "--to", "ntriples", "-o", Path("a.nt")}).code, kExitOk);

  // rdflib reads every canonical name back as a label, byte for byte. (rdflib 6.1's N-Triples reader
  // decodes an escaped backslash followed by 'r' or 'n' as a backslash and a control character, so
  // names with a backslash are checked below through kg's own reader instead.)
  auto summary = nlohmann::json::parse(Summarize(Path("a.nt")));
  auto a_stats = nlohmann::json::parse(Kg({"stats"}).out);
  EXPECT_EQ(summary["labels"].size(), a_stats["entities"].get<size_t>());
  std::set<std::string> labels;
  for (const auto& [iri, label] : summary["labels"].items()) labels.insert(label.get<std::string>());
  std::set<std::string> a_names;
  for (const auto& row : nlohmann::json::parse(Kg({"facts", "--format", "json"}).out)) {
    const std::string name = row["subject"];
    a_names.insert(name);
    if (name.find('\\') == std::string::npos) EXPECT_EQ(labels.count(name), 1u) << name;
  }
  EXPECT_GE(a_names.size(), 50u);

  Outcome imported = KgOn("b.db", {"ingest", Path("a.nt")});
  ASSERT_EQ(imported.code, kExitOk) << imported.err;
  ExpectCheckPasses("b.db");
  ASSERT_EQ(KgOn("b.db", {"export", "--to", "ntriples", "-o", Path("b.nt")}).code, kExitOk);
  EXPECT_EQ(Summarize(Path("a.nt"), Path("b.nt")), "same\n");
  // Every name comes back exactly, backslashes and control characters included.
  std::set<std::string> b_names;
  for (const auto& row : nlohmann::json::parse(KgOn("b.db", {"facts", "--format", "json"}).out)) b_names.insert(row["subject"]);
  EXPECT_EQ(a_names, b_names);
}

const char* const kNt = R"(# a hand-written file in kg's shape
<https://kg.invalid/entity/Airbus> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://kg.invalid/type/Organization> .
<https://kg.invalid/entity/Airbus> <https://kg.invalid/predicate/headquartered_in> <https://kg.invalid/entity/Toulouse> .
<https://kg.invalid/entity/Airbus> <https://kg.invalid/predicate/invests_in> <https://kg.invalid/entity/Spain> .
_:q1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
_:q1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://kg.invalid/entity/Airbus> .
_:q1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <https://kg.invalid/predicate/invests_in> .
_:q1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <https://kg.invalid/entity/Spain> .
_:q1 <https://kg.invalid/vocab/date> "2024-13"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
_:q1 <https://kg.invalid/vocab/source> <https://news.example/1> .
<https://kg.invalid/entity/Airbus> <https://kg.invalid/predicate/invests_in> <https://kg.invalid/entity/France .
<https://kg.invalid/entity/Airbus> <https://kg.invalid/predicate/loves> <https://kg.invalid/entity/France> .
_:q2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .
_:q2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://kg.invalid/entity/Airbus> .
_:q2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <https://kg.invalid/predicate/invests_in> .
_:q2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <https://kg.invalid/entity/Germany> .
_:q2 <https://kg.invalid/vocab/amount> "2.5E8"^^<http://www.w3.org/2001/XMLSchema#double> .
_:q2 <https://kg.invalid/vocab/currency> "EUR" .
_:q2 <https://kg.invalid/vocab/source> <https://news.example/2> .
_:q2 <https://kg.invalid/vocab/source> <https://news.example/3> .
)";

TEST_F(RdfCommandsTest, BadNTriplesAreRejectedAloneWithLineAndColumn) {
  WriteFile("in.nt", kNt);
  Outcome r = Kg({"ingest", Path("in.nt"), "--rejects", Path("rejects.nt")});
  EXPECT_EQ(r.code, kExitRejected) << r.err;
  const std::string file = Path("in.nt");
  // The statement with a bad date goes as a whole; the message points at the date's literal.
  EXPECT_NE(r.err.find(file + ":9:38: date: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":11:111: object: character not allowed in an IRI: space"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":12:36: predicate: unknown predicate \"loves\""), std::string::npos) << r.err;
  // lines: 19 triples and a comment; accepted: headquartered_in, invests_in Spain (plain, since its
  // statement was rejected), and Germany once per source.
  EXPECT_NE(r.out.find(file + "\t20\t4\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\t3\t0\t0\n"), std::string::npos) << r.out;  // rejected, literals, other

  const std::string rejects = testing::ReadFileBytes(Path("rejects.nt"));
  EXPECT_EQ(Lines(rejects), 8u);  // the six lines of the bad statement, and two lines
  EXPECT_NE(rejects.find("\"2024-13\""), std::string::npos);

  Outcome facts = Kg({"facts", "--subject", "Airbus", "--format", "tsv"});
  EXPECT_NE(facts.out.find("Airbus\tinvests_in\tGermany\t250000000\tEUR\t\t\t2\t2\n"), std::string::npos) << facts.out;
  EXPECT_NE(facts.out.find("Airbus\tinvests_in\tSpain\t\t\t\t\t1\t0\n"), std::string::npos) << facts.out;
  EXPECT_EQ(facts.out.find("France"), std::string::npos) << facts.out;
  ExpectCheckPasses("kg.db");
}

TEST_F(RdfCommandsTest, AStatementIsReadOnlyFromContiguousLines) {
  const std::string rdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  WriteFile("scattered.nt",
            "_:q " + rdf + "subject> <https://kg.invalid/entity/A> .\n"
            "_:q " + rdf + "predicate> <https://kg.invalid/predicate/partner_of> .\n"
            "<https://kg.invalid/entity/A> <https://kg.invalid/predicate/partner_of> <https://kg.invalid/entity/B> .\n"
            "_:q " + rdf + "object> <https://kg.invalid/entity/B> .\n");
  Outcome r = Kg({"ingest", Path("scattered.nt")});
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_NE(r.err.find(Path("scattered.nt") + ":1:1: statement: statement _:q has no rdf:object among its triples"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find(Path("scattered.nt") + ":4:1: statement: statement _:q has no rdf:subject"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\t4\t1\t1\t0\t0\t2\t0\t0\n"), std::string::npos) << r.out;  // the plain triple went in
  ExpectCheckPasses("kg.db");
}

TEST_F(RdfCommandsTest, ForeignNTriplesMapByLocalNameAndCountWhatTheySkip) {
  WriteFile("dbpedia.nt",
            "<http://dbpedia.org/resource/Airbus> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Organization> .\n"
            "<http://dbpedia.org/resource/Airbus> <http://www.w3.org/2000/01/rdf-schema#label> \"Airbus\"@en .\n"
            "<http://dbpedia.org/resource/Airbus> <http://dbpedia.org/ontology/headquarteredIn> <http://dbpedia.org/resource/Blagnac> .\n"
            "<http://dbpedia.org/resource/Airbus> <http://dbpedia.org/ontology/foundingYear> \"1970\"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n"
            "_:b1 <http://xmlns.com/foaf/0.1/knows> <http://dbpedia.org/resource/Airbus> .\n"
            "<http://dbpedia.org/resource/Airbus> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Thing> .\n"
            "<http://dbpedia.org/resource/Airbus> <http://dbpedia.org/ontology/parentCompany> <http://dbpedia.org/resource/Stelia_Aerospace> .\n");
  Outcome r = Kg({"ingest", Path("dbpedia.nt")});
  EXPECT_EQ(r.code, kExitRejected) << r.err;
  EXPECT_EQ(r.out,
            "input\tlines\taccepted\tnew_facts\tmerged\tduplicates\trejected\tliterals_skipped\tother_skipped\n" +
                Path("dbpedia.nt") + "\t7\t1\t1\t0\t0\t1\t2\t2\n");
  EXPECT_NE(r.err.find(Path("dbpedia.nt") + ":7:38: predicate: unknown predicate \"parent_company\""), std::string::npos)
      << r.err;

  Outcome again = Kg({"ingest", Path("dbpedia.nt"), "--allow-new-predicates"});
  EXPECT_EQ(again.code, kExitOk) << again.err;
  Outcome entity = Kg({"entity", "Stelia Aerospace"});
  EXPECT_EQ(entity.code, kExitOk) << entity.err;
  Outcome facts = Kg({"facts", "--predicate", "headquartered_in", "--format", "tsv"});
  EXPECT_NE(facts.out.find("Airbus\theadquartered_in\tBlagnac\t"), std::string::npos) << facts.out;
  ExpectCheckPasses("kg.db");
}

// `kg export`'s layout at a size where statements straddle the blocks the ingest loop decodes and
// assembles on other threads (2,048 lines each; a fact and its statement take 7 lines here): each
// statement still goes in whole, once, and what Assemble counts on the way (the unknown vocab:note
// qualifier, in other_skipped) adds up, also when --max-errors stops the load inside a later block.
std::string StatementsFile(int facts, int bad_amount_at) {
  const std::string rdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  std::string nt;
  for (int k = 1; k <= facts; ++k) {
    const std::string s = "<" + kEntity + "Company_" + std::to_string(k) + ">";
    const std::string p = "<" + kPredicate + "invests_in>";
    const std::string o = "<" + kEntity + "Country_" + std::to_string(k % 50) + ">";
    const std::string node = "_:s" + std::to_string(k);
    const std::string amount = k == bad_amount_at ? "abc" : std::to_string(k * 1000);
    nt += s + " " + p + " " + o + " .\n";
    nt += node + " " + rdf + "type> " + rdf + "Statement> .\n";
    nt += node + " " + rdf + "subject> " + s + " .\n";
    nt += node + " " + rdf + "predicate> " + p + " .\n";
    nt += node + " " + rdf + "object> " + o + " .\n";
    nt += node + " <https://kg.invalid/vocab/amount> \"" + amount + "\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n";
    nt += node + " <https://kg.invalid/vocab/note> \"seen\" .\n";
  }
  return nt;
}

TEST_F(RdfCommandsTest, StatementsAcrossDecodeBlocksGoInWholeAndCountOnce) {
  constexpr int kFacts = 3000, kLinesPerFact = 7;
  WriteFile("good.nt", StatementsFile(kFacts, 0));
  Outcome r = Kg({"ingest", Path("good.nt"), "--unit-lines", "100", "--progress"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  // lines, accepted, new facts, merged, duplicates, rejected, literals skipped, other skipped
  EXPECT_NE(r.out.find(Path("good.nt") + "\t21000\t3000\t3000\t0\t0\t0\t0\t3000\n"), std::string::npos) << r.out;
  // Units end between statements: every line reported durable is where a statement starts (its
  // rdf:type line, the second of each 7), and the reports never go back.
  std::istringstream progress(r.err);
  uint64_t last = 0;
  int reports = 0;
  for (std::string line; std::getline(progress, line);) {
    const size_t at = line.find(" through line ");
    if (line.rfind("kg: committed ", 0) != 0 || at == std::string::npos) continue;
    const uint64_t through = std::stoull(line.substr(at + 14));
    EXPECT_EQ(through % kLinesPerFact, 2u) << line;
    EXPECT_GE(through, last) << line;
    last = through;
    ++reports;
  }
  EXPECT_GE(reports, kFacts / 100 - 1) << r.err;
  Outcome facts = Kg({"facts", "--subject", "Company 2049", "--format", "tsv"});
  EXPECT_NE(facts.out.find("Company 2049\tinvests_in\tCountry 49\t2049000\t\t\t\t1\t0\n"), std::string::npos)
      << facts.out;
  ExpectCheckPasses("kg.db");

  // The 2,500th statement has a bad amount: it is rejected when the next fact's line closes it, which
  // stops the load there; the plain triple before it goes in on its own.
  WriteFile("bad.nt", StatementsFile(kFacts, 2500));
  Outcome stopped = KgOn("bad.db", {"ingest", Path("bad.nt"), "--max-errors", "0"});
  EXPECT_EQ(stopped.code, kExitRejected) << stopped.err;
  const uint64_t amount_line = 2499 * kLinesPerFact + 6;
  EXPECT_NE(stopped.err.find(Path("bad.nt") + ":" + std::to_string(amount_line) + ":43: amount: expected a number, got \"abc\""),
            std::string::npos) << stopped.err;
  const std::string read = std::to_string(2500 * kLinesPerFact + 1);
  EXPECT_NE(stopped.out.find(Path("bad.nt") + "\t" + read + "\t2500\t2500\t0\t0\t1\t0\t2500\n"), std::string::npos)
      << stopped.out;
  Outcome plain = KgOn("bad.db", {"facts", "--subject", "Company 2500", "--format", "tsv"});
  EXPECT_NE(plain.out.find("Company 2500\tinvests_in\tCountry 0\t\t\t\t\t1\t0\n"), std::string::npos) << plain.out;
  EXPECT_EQ(KgOn("bad.db", {"entity", "Company 2501"}).code, kExitNotFound);
  ExpectCheckPasses("bad.db");
}

TEST_F(RdfCommandsTest, CsvImportReadsQualifierColumnsAndQuotedLineBreaks) {
  WriteFile("facts.csv",
            "subject,subject.type,predicate,object,amount,currency,date,source,evidence_text\r\n"
            "Microsoft,Organization,invests_in,Spain,1.9e9,EUR,2024-02,https://news.example/a1,\"Microsoft said, \"\"we invest\"\"\r\nin Spain.\"\r\n"
            "\r\n"
            "\"Airbus\",,partner_of,Safran,,,,,\r\n");
  Outcome r = Kg({"ingest", Path("facts.csv")});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("\t2\t2\t2\t0\t0\t0\n"), std::string::npos) << r.out;
  Outcome exported = Kg({"export", "--to", "jsonl"});
  EXPECT_NE(exported.out.find("\"amount\":1900000000.0,\"currency\":\"EUR\",\"date\":\"2024-02\""), std::string::npos)
      << exported.out;
  EXPECT_NE(exported.out.find("\"text\":\"Microsoft said, \\\"we invest\\\"\\nin Spain.\""), std::string::npos)
      << exported.out;
}

TEST_F(RdfCommandsTest, CsvHeaderProblemsFailBeforeAnythingIsWritten) {
  WriteFile("bad.csv", "subject,predicate,object,amonut\nMicrosoft,invests_in,Spain,1\n");
  Outcome r = Kg({"ingest", Path("bad.csv")});
  EXPECT_NE(r.code, kExitOk);
  EXPECT_NE(r.err.find(Path("bad.csv") + ":1:26: header: unknown column \"amonut\" (known: subject, "), std::string::npos)
      << r.err;
  WriteFile("short.csv", "subject,object\nMicrosoft,Spain\n");
  r = Kg({"ingest", Path("short.csv")});
  EXPECT_NE(r.err.find(":1:1: header: no \"predicate\" column"), std::string::npos) << r.err;
  Outcome stats = Kg({"stats"});
  EXPECT_EQ(nlohmann::json::parse(stats.out)["facts"], 0);
}

TEST_F(RdfCommandsTest, BadCsvRecordsAreRejectedWithLineColumnAndField) {
  WriteFile("rows.csv",
            "subject,predicate,object,amount,date\n"
            "Microsoft,invests_in,Spain,lots,2024-02\n"
            "Microsoft,invests_in,Spain,5,2024-13\n"
            "Microsoft,loves,Spain,,\n"
            "\"Multi\nline\",invests_in,Spain,x,\n"
            "Microsoft,invests_in,\"Spa\"in,,\n"
            "Microsoft,invests_in,Spain,,,extra\n"
            "Microsoft,invests_in,Germany,,\n"
            "Microsoft,invests_in,\"never closed\n");
  Outcome r = Kg({"ingest", Path("rows.csv"), "--rejects", Path("rejects.csv")});
  EXPECT_EQ(r.code, kExitRejected);
  const std::string f = Path("rows.csv");
  EXPECT_NE(r.err.find(f + ":2:28: amount: expected a number, got \"lots\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":3:30: date: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":4:11: predicate: unknown predicate \"loves\""), std::string::npos) << r.err;
  // A record that spans lines is reported at the line it starts on. (Its amount is the first problem the
  // CSV reader meets; the line break in its name would be the next.)
  EXPECT_NE(r.err.find(f + ":5:31: amount: expected a number, got \"x\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":7:27: line: expected a delimiter after the closing quote"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":8:30: line: expected 5 fields, as in the header, got 6"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":10:22: line: quoted field is not closed"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\t8\t1\t1\t0\t0\t7\n"), std::string::npos) << r.out;
  EXPECT_EQ(Lines(testing::ReadFileBytes(Path("rejects.csv"))), 8u);  // seven records, one of two lines
  auto stats = nlohmann::json::parse(Kg({"stats"}).out);
  EXPECT_EQ(stats["facts"], 1);
  ExpectCheckPasses("kg.db");
}

TEST_F(RdfCommandsTest, NamesWithControlCharactersAreRejectedInEveryInputFormat) {
  // N-Triples: a percent-encoded ESC or U+202E in an IRI's local name.
  WriteFile("in.nt",
            "<http://x.example/Bad%1BName> <https://kg.invalid/predicate/invests_in> <http://x.example/Spain> .\n"
            "<http://x.example/Fine> <https://kg.invalid/predicate/invests_in> <http://x.example/Evil%E2%80%AEfdp> .\n"
            "<http://x.example/Fine> <https://kg.invalid/predicate/invests_in> <http://x.example/Spain> .\n");
  Outcome nt = Kg({"ingest", Path("in.nt")});
  EXPECT_EQ(nt.code, kExitRejected) << nt.err;
  EXPECT_NE(nt.err.find(Path("in.nt") + ":1:1: subject: a name must not hold control characters or bidi controls: "
                                        "control character U+001B at character 4"),
            std::string::npos)
      << nt.err;
  EXPECT_NE(nt.err.find(Path("in.nt") + ":2:"), std::string::npos) << nt.err;
  EXPECT_NE(nt.err.find("object: a name must not hold control characters or bidi controls: bidi control U+202E at "
                        "character 5"),
            std::string::npos)
      << nt.err;

  // TSV: an escape sequence in a cell.
  WriteFile("in.tsv", "subject\tpredicate\tobject\nMicrosoft\tinvests_in\tRed\x1b[31m\n");
  Outcome tsv = Kg({"ingest", Path("in.tsv")});
  EXPECT_EQ(tsv.code, kExitRejected) << tsv.err;
  EXPECT_NE(tsv.err.find(Path("in.tsv") + ":2:22: object: a name must not hold control characters or bidi controls: "
                                          "control character U+001B at character 4"),
            std::string::npos)
      << tsv.err;

  // JSONL: NUL, which C strings and cgraph would cut the name at.
  Outcome jsonl = Kg({"ingest", "-"}, "{\"subject\": \"BadCo\\u0000x\", \"predicate\": \"invests_in\", \"object\": \"Spain\"}\n");
  EXPECT_EQ(jsonl.code, kExitRejected) << jsonl.err;
  EXPECT_NE(jsonl.err.find("<stdin>:1:13: subject: a name must not hold control characters or bidi controls: control "
                           "character U+0000 at character 6"),
            std::string::npos)
      << jsonl.err;

  // Only the good line went in, and the store still checks.
  auto stats = nlohmann::json::parse(Kg({"stats"}).out);
  EXPECT_EQ(stats["facts"], 1);
  ExpectCheckPasses("kg.db");
  Outcome alias = Kg({"alias", std::string("Fine\x07" "Bell"), "Fine"});
  EXPECT_EQ(alias.code, kExitUsage) << alias.err;
  EXPECT_EQ(alias.err, "kg: alias: a name must not hold control characters or bidi controls: U+0007\n");
}

TEST_F(RdfCommandsTest, AnOverlongCsvLineEndsItsRecordEvenInsideQuotes) {
  // The quote opened on line 2 closes only after the cut at --max-line-bytes: line 2 alone is
  // rejected, and the records after it still go in.
  // Line 7 opens a quoted field that goes on over two more lines: the record is lines 7 to 9, however
  // long line 7 is, and the quote at the start of line 9 closes it rather than opening a field that
  // would swallow line 10.
  WriteFile("long.csv", "subject,predicate,object,evidence_text\n"
                        "Microsoft,invests_in,Spain,\"" + std::string(300, 'x') + "\"\n"
                        "Microsoft,invests_in,Germany,short\n"
                        "Microsoft,invests_in,France,\"two\nlines\"\n"
                        "  \n"
                        "Microsoft,invests_in,Italy,\"" + std::string(300, 'y') + "\"\"\n"
                        "more\n"
                        "\",end\"\n"
                        "\"Microsoft\",invests_in,Portugal,\n");
  Outcome r = Kg({"ingest", Path("long.csv"), "--max-line-bytes", "100"});
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_NE(r.err.find(Path("long.csv") + ":2:1: line: line is 329 bytes, over the limit of 100"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(Path("long.csv") + ":7:1: line: line is "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\t5\t3\t3\t0\t0\t2\n"), std::string::npos) << r.out;  // Germany, France, Portugal
  EXPECT_EQ(nlohmann::json::parse(Kg({"stats"}).out)["facts"], 3);
  ExpectCheckPasses("kg.db");
}

TEST_F(RdfCommandsTest, CsvOffsetsOutsideTheSchemaRangeAreRejected) {
  WriteFile("offsets.csv",
            "subject,predicate,object,evidence_text,evidence_start,evidence_end\n"
            "Microsoft,invests_in,Spain,x,1e30,2e30\n"
            "Microsoft,invests_in,Spain,x,-3,1\n"
            "Microsoft,invests_in,Germany,x,0,1\n");
  Outcome r = Kg({"ingest", Path("offsets.csv")});
  EXPECT_EQ(r.code, kExitRejected);
  const std::string f = Path("offsets.csv");
  EXPECT_NE(r.err.find(f + ":2:30: evidence.start: out of range: \"1e30\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":3:30: evidence.start: out of range: \"-3\""), std::string::npos) << r.err;
  EXPECT_EQ(nlohmann::json::parse(Kg({"stats"}).out)["facts"], 1);
  ExpectCheckPasses("kg.db");
}

TEST_F(RdfCommandsTest, TsvIsChosenByExtensionOrFlag) {
  const std::string tsv = "subject\tsubject_type\tpredicate\tobject\tsource\nSatya Nadella\tPerson\tceo_of\tMicrosoft\tnell:train\n";
  WriteFile("a.tsv", tsv);
  WriteFile("a.dat", tsv);
  Outcome r = Kg({"ingest", Path("a.tsv")});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  Outcome unknown = Kg({"ingest", Path("a.dat")});
  EXPECT_NE(unknown.code, kExitOk);
  EXPECT_NE(unknown.err.find("cannot tell the format of " + Path("a.dat")), std::string::npos) << unknown.err;
  Outcome flagged = Kg({"ingest", Path("a.dat"), "--input-format", "tsv"});
  ASSERT_EQ(flagged.code, kExitOk) << flagged.err;
  EXPECT_NE(flagged.out.find("\t1\t1\t0\t0\t1\t0\n"), std::string::npos) << flagged.out;  // a duplicate
  Outcome entity = Kg({"entity", "Satya Nadella"});
  EXPECT_NE(entity.out.find("Person"), std::string::npos) << entity.out;
}

}  // namespace
}  // namespace kg::cli
