// GraphStore::Export over a small store with provenance: one edge per qualifier set, the selectors, the
// CSV quoting rules, exact numbers in every format, and the JSONL round trip.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <rocksdb/db.h>
#include <set>
#include <sstream>

#include "kg/graph_store.h"
#include "rdf/ntriples_parser.h"
#include "store/rocks_db.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

class ExportTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = testing::OpenStoreWithFixture(Path("kg.db"), "tests/data/export/provenance.jsonl");
    ASSERT_NE(store_, nullptr);
  }

  // The node-link export of `selection`, parsed.
  nlohmann::json NodeLink(const DiagramSelection& selection = {}) {
    ExportOptions options;
    options.format = ExportFormat::kNodeLink;
    options.selection = selection;
    std::ostringstream out;
    ExportStreams streams;
    streams.out = &out;
    auto report = store_->Export(options, streams);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    auto doc = nlohmann::json::parse(out.str());
    if (report.ok()) {
      EXPECT_EQ(doc["nodes"].size(), report->nodes);
      EXPECT_EQ(doc["links"].size(), report->edges);
    }
    return doc;
  }

  static std::set<std::string> Names(const nlohmann::json& doc) {
    std::set<std::string> names;
    for (const auto& node : doc["nodes"]) names.insert(node["name"].get<std::string>());
    return names;
  }

  static std::multiset<std::string> Predicates(const nlohmann::json& doc) {
    std::multiset<std::string> predicates;
    for (const auto& link : doc["links"]) predicates.insert(link["predicate"].get<std::string>());
    return predicates;
  }

  Entity Lookup(const std::string& name) {
    auto details = store_->LookupEntity(name);
    EXPECT_TRUE(details.ok()) << name;
    return details.ok() ? details->entity : Entity{};
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(ExportTest, EveryQualifierSetIsOneEdgeWithItsProvenance) {
  const nlohmann::json doc = NodeLink();
  auto rows = store_->ListFacts({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(doc["links"].size(), rows->size());  // ListFacts gives one row per qualifier set too
  const uint64_t microsoft = Lookup("Microsoft").id, spain = Lookup("Spain").id;
  std::vector<nlohmann::json> investments;
  for (const auto& link : doc["links"]) {
    if (link["source"] == microsoft && link["target"] == spain) investments.push_back(link);
  }
  ASSERT_EQ(investments.size(), 2u);  // two investments stay two edges
  std::sort(investments.begin(), investments.end(),
            [](const auto& a, const auto& b) { return a["date"].template get<std::string>() < b["date"].template get<std::string>(); });
  EXPECT_EQ(investments[0]["amount"], 123456789.125);
  EXPECT_EQ(investments[0]["currency"], "USD");
  EXPECT_EQ(investments[0]["period"], "P2Y");
  EXPECT_EQ(investments[0]["evidence_count"], 1);
  EXPECT_EQ(investments[1]["amount"], 1900000000.0);
  EXPECT_EQ(investments[1]["evidence_count"], 2);
  EXPECT_EQ(investments[1]["confidence"], 0.9);
  EXPECT_EQ(investments[1]["sources"], nlohmann::json({"https://news.example/a1", "https://news.example/a2"}));
  EXPECT_NE(investments[0]["key"], investments[1]["key"]);
  for (const auto& link : doc["links"]) {
    EXPECT_EQ(link["symmetric"], link["predicate"] == "partner_of") << link.dump();
  }
  EXPECT_EQ(doc["directed"], true);
  EXPECT_EQ(doc["multigraph"], true);
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(doc["nodes"].size(), stats->entities);
}

TEST_F(ExportTest, CenterAndHopsPickTheNeighbourhood) {
  DiagramSelection selection;
  selection.centers = {"Microsoft"};
  const nlohmann::json doc = NodeLink(selection);
  EXPECT_EQ(Names(doc), (std::set<std::string>{"Microsoft", "Spain", "OpenAI", "Satya Nadella"}));
  EXPECT_EQ(Predicates(doc), (std::multiset<std::string>{"ceo_of", "invests_in", "invests_in", "partner_of"}));
  selection.hops = 2;
  EXPECT_EQ(Names(NodeLink(selection)).count("San Francisco"), 1u);
}

TEST_F(ExportTest, NarrowingFiltersApplyToTheWholeGraph) {
  DiagramSelection by_type;
  by_type.types = {EntityType::kOrganization};
  nlohmann::json doc = NodeLink(by_type);
  EXPECT_EQ(Names(doc), (std::set<std::string>{"Microsoft", "OpenAI", "Nestlé", "Blue Bottle, Inc.", "Lonely Co"}));
  EXPECT_EQ(Predicates(doc), (std::multiset<std::string>{"acquires", "partner_of"}));

  DiagramSelection by_predicate;
  by_predicate.predicates = {"invests_in"};
  doc = NodeLink(by_predicate);
  EXPECT_EQ(Predicates(doc), (std::multiset<std::string>{"invests_in", "invests_in"}));

  DiagramSelection by_date;
  by_date.date_from = "2024";
  doc = NodeLink(by_date);
  ASSERT_EQ(doc["links"].size(), 1u);
  EXPECT_EQ(doc["links"][0]["date"], "2024-02");

  DiagramSelection centred_and_dated;
  centred_and_dated.centers = {"Spain"};
  centred_and_dated.date_to = "2023-12";
  doc = NodeLink(centred_and_dated);
  ASSERT_EQ(doc["links"].size(), 1u);
  EXPECT_EQ(doc["links"][0]["date"], "2023-05");
}

TEST_F(ExportTest, BadSelectorsAreRefused) {
  ExportOptions options;
  options.format = ExportFormat::kNodeLink;
  std::ostringstream out;
  ExportStreams streams;
  streams.out = &out;
  options.selection.centers = {"Nobody Inc"};
  auto report = store_->Export(options, streams);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(report.status().message(), "no entity named \"Nobody Inc\"");

  options.selection = {};
  options.selection.predicates = {"sells_to"};
  report = store_->Export(options, streams);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(report.status().message(), "unknown predicate 'sells_to'; see schemas/predicates.json");

  options.selection = {};
  options.format = ExportFormat::kCsv;
  report = store_->Export(options, streams);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ExportTest, CsvQuotesOnlyWhatNeedsItAndEndsRowsInCrlf) {
  ExportOptions options;
  options.format = ExportFormat::kCsv;
  std::ostringstream nodes, edges, evidence;
  ExportStreams streams;
  streams.nodes = &nodes;
  streams.edges = &edges;
  streams.evidence = &evidence;
  auto report = store_->Export(options, streams);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->evidence, 8u);
  const std::string n = nodes.str(), e = edges.str(), v = evidence.str();
  EXPECT_EQ(n.rfind("Id,Label,type,iso_code,external_id,aliases\r\n", 0), 0u);
  EXPECT_EQ(e.rfind("Source,Target,Type,Label,Weight,Id,symmetric,evidence_count,amount,currency,date,period,"
                    "confidence,sources\r\n", 0),
            0u);
  const std::string blue = std::to_string(Lookup("Blue Bottle, Inc.").id) + ",\"Blue Bottle, Inc.\",Organization,,,";
  EXPECT_NE(n.find(blue), std::string::npos) << n;
  const std::string microsoft = std::to_string(Lookup("Microsoft").id) + ",Microsoft,Organization,,Q2283,";
  EXPECT_NE(n.find(microsoft), std::string::npos) << n;
  EXPECT_NE(v.find(",\"Microsoft, \"\"big\"\" in Spain\",2024-02-20,"
                   "\"Microsoft investira 1,9 milliard d'euros en Espagne,\nselon le groupe.\",0,68,0.9,rules-v1,"
                   "1900000000,EUR,2024-02,\r\n"),
            std::string::npos)
      << v;
  EXPECT_NE(e.find(",123456789.125,USD,2023-05,P2Y,,\"[\"\"https://news.example/a3\"\"]\"\r\n"), std::string::npos) << e;
  EXPECT_NE(e.find(",Undirected,partner_of,1,"), std::string::npos) << e;
  // Every row ends in CRLF; the only bare LF is the one inside the quoted evidence text.
  size_t bare = 0;
  for (size_t i = 0; i < v.size(); ++i) bare += v[i] == '\n' && (i == 0 || v[i - 1] != '\r');
  EXPECT_EQ(bare, 1u);
  EXPECT_NE(n.substr(0, 3), "\xEF\xBB\xBF");
}

TEST_F(ExportTest, GraphmlCarriesTypedAttributesAndExactNumbers) {
  ExportOptions options;
  options.format = ExportFormat::kGraphml;
  std::ostringstream out;
  ExportStreams streams;
  streams.out = &out;
  auto report = store_->Export(options, streams);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const std::string xml = out.str();
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(report->nodes, stats->entities);
  EXPECT_NE(xml.find("attr.name=\"amount\" attr.type=\"double\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"evidence_count\" attr.type=\"long\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"symmetric\" attr.type=\"boolean\""), std::string::npos);
  EXPECT_NE(xml.find(">123456789.125</data>"), std::string::npos);
  EXPECT_NE(xml.find(">1900000000</data>"), std::string::npos);
  EXPECT_NE(xml.find(">NaN</data>"), std::string::npos);  // facts without an amount
  EXPECT_NE(xml.find("<node id=\"n" + std::to_string(Lookup("Nestlé").id) + "\">"), std::string::npos);
}

TEST_F(ExportTest, JsonlRoundTripIsByteIdenticalOnceIdsFollowTheExport) {
  // A rebuilt store numbers entities in the order the export names them, so its export may order the
  // lines differently from the original store's; from then on the export is a fixed point.
  const std::string first = testing::Export(*store_);
  auto rebuild = [&](const std::string& jsonl, const std::string& name) {
    auto copy = GraphStore::Open(Path(name), OpenMode::kReadWrite);
    EXPECT_TRUE(copy.ok());
    testing::IngestText(**copy, jsonl);
    testing::ExpectCheckPasses(**copy);
    return testing::Export(**copy);
  };
  const std::string second = rebuild(first, "copy1.db");
  EXPECT_EQ(testing::SortedLines(second), testing::SortedLines(first));
  const std::string third = rebuild(second, "copy2.db");
  EXPECT_EQ(third, second);
}

TEST_F(ExportTest, JsonlOfASelectionHoldsItsEvidence) {
  ExportOptions options;
  options.selection.entities = {"Microsoft", "Spain"};
  std::ostringstream out;
  ExportStreams streams;
  streams.out = &out;
  auto report = store_->Export(options, streams);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->evidence, 3u);
  auto copy = GraphStore::Open(Path("copy.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(copy.ok());
  IngestReport ingested = testing::IngestText(**copy, out.str());
  EXPECT_EQ(ingested.rejected, 0u);
  StoreStats stats = testing::StatsOf(**copy);
  EXPECT_EQ(stats.entities, 2u);
  EXPECT_EQ(stats.facts, 1u);
  EXPECT_EQ(stats.evidence, 3u);
}

// A source uri goes out as an IRI exactly when the N-Triples reader takes it as one, and as a literal
// otherwise, so that it reads back unchanged. The exporter decides without parsing; the parser decides
// here, for uris on both sides of every rule.
class NTriplesSourceTest : public testing::TempDirTest {};

TEST_F(NTriplesSourceTest, SourcesAreIrisExactlyWhenTheReaderAcceptsThem) {
  const std::vector<std::string> uris = {
      "https://news.example/a1", "urn:isbn:0451450523", "mailto:desk@news.example", "a+b-c.d:x",
      "news.example/no-scheme", "1http://x", "ht~tp://x", ":nothing", "http", "http://a b", "http://x/{y}",
      "http://x/<y>", "http://x/a|b", "http://x/a^b", "http://x/a`b", "http://x/a\\b", "http://x/\"q\"",
      "http://x/caf\u00e9", "http://x/\x01", "HTTP://X/Upper", "x:"};
  std::string jsonl;
  for (size_t i = 0; i < uris.size(); ++i) {
    nlohmann::json line = {{"subject", "Source Test Co " + std::to_string(i)},
                           {"predicate", "invests_in"},
                           {"object", "Spain"},
                           {"source", {{"uri", uris[i]}}}};
    jsonl += line.dump() + "\n";
  }
  {
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestReport report = testing::IngestText(**store, jsonl);
    ASSERT_EQ(report.rejected, 0u);
    ExportOptions options;
    options.format = ExportFormat::kNTriples;
    std::ostringstream out;
    ExportStreams streams;
    streams.out = &out;
    auto exported = (*store)->Export(options, streams);
    ASSERT_TRUE(exported.ok()) << exported.status().ToString();
    std::vector<rdf::Term> sources;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
      auto parsed = rdf::ParseNTriplesLine(line);
      ASSERT_TRUE(std::holds_alternative<rdf::Triple>(parsed)) << line;
      const auto& triple = std::get<rdf::Triple>(parsed);
      if (triple.predicate.value == "https://kg.invalid/vocab/source") sources.push_back(triple.object);
    }
    ASSERT_EQ(sources.size(), uris.size());
    for (const rdf::Term& term : sources) {
      // The exporter's old rule, kept here as the definition: no IRI-excluded character, and a line with
      // the uri as an IRI parses.
      const std::string& uri = term.value;
      const bool iri = uri.find_first_of(std::string_view("<>\"{}|^`\\ \t\n\r", 14)) == std::string::npos &&
                       std::holds_alternative<rdf::Triple>(rdf::ParseNTriplesLine("<" + uri + "> <a:b> <a:c> ."));
      EXPECT_EQ(term.kind == rdf::Term::Kind::kIri, iri) << uri;
      EXPECT_NE(std::find(uris.begin(), uris.end(), uri), uris.end()) << uri;  // unchanged either way
    }
  }
}

TEST_F(ExportTest, CorruptEvidenceFailsTheExportWithDataLoss) {
  store_.reset();
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    std::unique_ptr<rocksdb::Iterator> it((*db)->db()->NewIterator(rocksdb::ReadOptions(), (*db)->cf(store::kEvidence)));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    const std::string key = it->key().ToString();
    std::string value = it->value().ToString();
    value.resize(value.size() / 2);  // cut mid-line
    it.reset();
    ASSERT_TRUE((*db)->db()->Put(rocksdb::WriteOptions(), (*db)->cf(store::kEvidence), key, value).ok());
  }
  auto reopened = GraphStore::Open(Path("kg.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  for (ExportFormat format : {ExportFormat::kNodeLink, ExportFormat::kGraphml, ExportFormat::kNTriples}) {
    ExportOptions options;
    options.format = format;
    std::ostringstream out;
    ExportStreams streams;
    streams.out = &out;
    auto report = (*reopened)->Export(options, streams);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(report.status().message().find("stored evidence is corrupt at byte"), std::string::npos)
        << report.status().message();
    EXPECT_EQ(report.status().message().rfind("evidence of edge ", 0), 0u) << report.status().message();
  }
}

}  // namespace
}  // namespace kg
