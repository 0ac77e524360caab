// kg's public entry point: a persistent knowledge graph in one directory.
//
// GraphStore wraps the RocksDB store, merges assertions with their evidence, forgets sources, keeps the
// curated ledger, and checks its own invariants. Open it kReadWrite from one process at a time (another
// writer gets Unavailable, "database in use") or kReadOnly from any number of processes, also while a
// writer runs. A GraphStore is not thread-safe: give each thread its own, or serialise calls.
#ifndef KG_GRAPH_STORE_H_
#define KG_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/diagram.h"
#include "kg/export.h"
#include "kg/graph.h"
#include "kg/model.h"
#include "kg/query.h"
#include "kg/status.h"

namespace kg {

enum class OpenMode { kReadWrite, kReadOnly };

// One fact around an entity as `kg entity` shows it.
struct FactView {
  Entity subject;
  std::string predicate;
  Entity object;
  std::vector<Assertion> evidence;  // in key order: grouped by qualifier set
};

struct EntityDetails {
  Entity entity;
  std::vector<FactView> facts;
};

// What `kg ingest` reads: see README "Importing" for each format's rules.
enum class InputFormat { kJsonl, kNTriples, kCsv, kTsv };

// The format named "jsonl", "ntriples", "csv" or "tsv", or nullopt.
std::optional<InputFormat> ParseInputFormat(const std::string& name);
// The format a file's extension implies (.jsonl, .nt, .csv, .tsv), or nullopt.
std::optional<InputFormat> InputFormatForPath(const std::string& path);

struct IngestOptions {
  InputFormat format = InputFormat::kJsonl;
  size_t lines_per_unit = 20000;        // lines per atomic, durable unit
  size_t sst_min_entries = 50000;       // units with this many key writes go in as SST files
  size_t max_errors = SIZE_MAX;         // stop (keeping committed units) once more lines than this fail
  size_t max_line_bytes = 1 << 20;
  int max_depth = 16;
  bool allow_new_predicates = false;
  std::ostream* rejects = nullptr;      // each rejected line, verbatim
  // Called after each committed unit with the input name and the number of lines now durable.
  std::function<void(const std::string& input, uint64_t lines_done)> on_commit;
};

struct IngestReport {
  uint64_t lines = 0;        // non-blank lines read
  uint64_t new_facts = 0;    // accepted, creating a fact
  uint64_t merged = 0;       // accepted, adding evidence to an existing fact
  uint64_t duplicates = 0;   // accepted, evidence already present: nothing changed
  uint64_t rejected = 0;
  uint64_t literals_skipped = 0;  // N-Triples: literal-valued triples outside statements (rdfs:label, ...)
  uint64_t other_skipped = 0;     // N-Triples: blank-node triples and rdf:type to classes kg has no type for
  std::vector<std::string> errors;  // "file:line:column: field: reason", the first 100
  bool stopped_early = false;       // max_errors was exceeded

  uint64_t accepted() const { return new_facts + merged + duplicates; }
};

// Which facts ListFacts returns; empty fields match anything.
struct FactFilter {
  std::string predicate;
  std::string subject;  // any name of the entity, resolved as LookupEntity does
  std::string object;
};

// One reported version of a fact: its qualifier set, with how many pieces of evidence and which
// sources report it. A fact with two investments of different amounts gives two rows.
struct FactRow {
  Entity subject;
  std::string predicate;
  Entity object;
  std::optional<double> amount;
  std::string currency;
  std::string date;
  std::string period;
  uint64_t evidence_count = 0;
  std::vector<std::string> sources;  // distinct source uris, in first-seen order
};

// An article whose facts were extracted as a whole: the source of their evidence, recorded with the
// hash of its content so that an unchanged article is not read twice.
struct Document {
  std::string uri;           // path or URI; the source_uri of every assertion extracted from it
  std::string content_hash;  // identifies the content, e.g. "sha256:<hex>" of its bytes
  std::string title;
  std::string published;     // YYYY, YYYY-MM or YYYY-MM-DD, when known
  std::string language;      // "fr", "en", ... when known
  // How the facts were extracted (extractor version, format, options). A document counts as unchanged
  // only when its content hash and this are both the same, so new rules or options re-read it.
  std::string extraction;
};

// A document as stored, with the number of pieces of evidence it is the source of.
struct StoredDocument {
  Document document;
  uint64_t evidence = 0;
};

struct DocumentReport {
  enum class Change { kAdded, kUnchanged, kReplaced };
  Change change = Change::kAdded;
  uint64_t evidence_added = 0;    // evidence the document did not have before
  uint64_t evidence_kept = 0;     // evidence it reported before and still reports
  uint64_t evidence_removed = 0;  // evidence it no longer reports
};

// How IngestArticle reads an article.
struct ArticleOptions {
  std::string uri;             // path or URI, recorded as the document's uri and every fact's source
  std::string format;          // "txt", "md" or "html"; empty: from the uri's extension, else "txt"
  std::string language;        // "fr", "en", "es" or "de" instead of detecting it
  std::string reference_date;  // YYYY[-MM[-DD]]: the article's date when the text gives none
};

struct ArticleReport {
  Document document;       // as recorded: content hash, and the title, date and language found
  uint64_t assertions = 0;  // facts extracted
  DocumentReport change;
};

struct LedgerEntry {
  std::string name;      // as given to `kg alias` / `kg merge`
  std::string target;    // canonical name of the target at the time
  std::string kind;      // "alias" or "merge"
};

struct CheckReport {
  std::vector<std::string> problems;  // empty when every invariant holds
  uint64_t entities = 0, facts = 0, evidence = 0, sources = 0;
  bool ok() const { return problems.empty(); }
};

class GraphStore {
 public:
  // Opens the store in `dir`, creating it when mode is kReadWrite. Unavailable when another process is
  // writing; FailedPrecondition for a foreign directory or format version; NotFound for a missing
  // store in kReadOnly mode.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& dir, OpenMode mode);
  ~GraphStore();

  // Reads JSONL assertions from `in` (named `input_name` in errors) and merges them in units of
  // options.lines_per_unit lines. Bad lines are rejected one by one and write nothing. Returns the
  // report; a non-OK Status means the store failed (I/O, corruption), and units committed before stay.
  Result<IngestReport> IngestJsonl(std::istream& in, const std::string& input_name, const IngestOptions& options);

  // Makes `document` the source of exactly `assertions`, as one atomic, durable unit. A new document is
  // added. One stored with the same content hash is left as it is (kUnchanged, nothing written). One
  // stored with another content is replaced: evidence it no longer reports is removed, with the facts
  // and entities nothing else supports. Assertions get document.uri as their source uri, and the title
  // and date when they have none. InvalidArgument when an assertion breaks the schema (naming its index
  // and field); then nothing is written.
  Result<DocumentReport> IngestDocument(const Document& document, std::vector<Assertion> assertions,
                                        const IngestOptions& options);

  // The document stored under `uri`. NotFound when no source has that uri, or it is not a document.
  Result<StoredDocument> FindDocument(const std::string& uri) const;

  // Extracts the facts of a news article with kg's built-in extractor (French, English, Spanish, German)
  // and ingests them as IngestDocument does, with the SHA-256 of `bytes` as the content hash. An article
  // whose bytes and extraction settings are those stored is not extracted again (kUnchanged).
  // InvalidArgument, prefixed with the uri, for binary data, malformed UTF-8 or an unknown format.
  Result<ArticleReport> IngestArticle(std::string_view bytes, const ArticleOptions& options,
                                      const IngestOptions& ingest_options);
  // As IngestJsonl, for the format options.format names. An N-Triples or CSV record becomes an assertion
  // that the JSONL rules check, so bad input is rejected the same way (see README "Importing").
  // InvalidArgument, before anything is written, for a CSV header with a missing or unknown column.
  Result<IngestReport> Ingest(std::istream& in, const std::string& input_name, const IngestOptions& options);

  // Merges one assertion and commits it.
  Status Add(const Assertion& assertion);

  Result<StoreStats> Stats() const;

  // The entity `name` resolves to, in any language and through the ledger. NotFound otherwise.
  Result<EntityDetails> LookupEntity(const std::string& name) const;

  // The facts matching `filter`, one row per qualifier set, in index order. NotFound when a named
  // subject or object does not exist.
  Result<std::vector<FactRow>> ListFacts(const FactFilter& filter) const;

  // Parses and plans a query: Cypher (`MATCH (a)-[r:invests_in]->(b) RETURN a.name, r.amount`) or the
  // shorthand (`?who invests_in Spain`). InvalidArgument names the line, column and what was expected.
  // The prepared query borrows this store.
  Result<std::unique_ptr<PreparedQuery>> Prepare(const std::string& text) const;

  // Prepares and runs a query, keeping every row.
  Result<QueryResult> Query(const std::string& text) const;

  // An in-memory snapshot of the part of the graph `filter` selects, for walks (see kg/graph.h). The
  // snapshot outlives the store, but resolves names only while the store is open. NotFound names an
  // unknown seed; InvalidArgument for a bad filter; ResourceExhausted when it does not fit in memory.
  Result<std::unique_ptr<GraphSnapshot>> Snapshot(const SnapshotFilter& filter) const;

  // Draws the part of the graph `selection` picks into `out` (DOT text, SVG or PNG bytes). NotFound
  // names an unknown entity; InvalidArgument a bad selection or a query that returns no nodes;
  // ResourceExhausted when the layout takes longer than options.layout_seconds.
  Result<DiagramReport> Render(const DiagramSelection& selection, const DiagramOptions& options,
                               std::string* out) const;

  // Writes the whole graph as canonical JSONL that IngestJsonl reads back to the same graph.
  Result<uint64_t> ExportJsonl(std::ostream& out) const;

  // Writes the whole graph, or the part options.selection picks, in options.format (see kg/export.h)
  // to `streams`. InvalidArgument for a bad selector or missing streams; NotFound names an unknown
  // entity; IoError when a stream fails, leaving the output incomplete.
  Result<ExportReport> Export(const ExportOptions& options, const ExportStreams& streams) const;

  // Removes the evidence of source `uri` and what is left unsupported. Returns evidence removed.
  Result<uint64_t> Forget(const std::string& uri);

  // Ledger: `name` resolves to `target` from now on; `other` is merged into `keep`; a rule is undone.
  // AddAlias returns InvalidArgument for a `name` with a control character or bidi control, which no
  // name may hold (see README "Bad input").
  Status AddAlias(const std::string& name, const std::string& target);
  Status Merge(const std::string& keep, const std::string& other);
  Status RemoveRule(const std::string& name);
  Result<std::vector<LedgerEntry>> Ledger() const;

  // Verifies spo = pos = osp, evidence and entity references, counters, and RocksDB block checksums.
  Result<CheckReport> Check() const;

 private:
  struct Impl;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

#endif  // KG_GRAPH_STORE_H_
