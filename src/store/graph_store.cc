#include "kg/graph_store.h"

#include "export/exporters.h"
#include "graph/snapshot_loader.h"
#include "ingest/article_ingester.h"
#include "ingest/ingester.h"
#include "ingest/jsonl_ingester.h"
#include "ingest/record_ingester.h"
#include "query/query_engine.h"
#include "render/diagram.h"
#include "schema/assertion_json.h"
#include "schema/value_rules.h"
#include "store/rocks_db.h"
#include "store/store_checker.h"
#include "store/store_reader.h"
#include "store/store_writer.h"

namespace kg {

struct GraphStore::Impl {
  std::shared_ptr<store::RocksDb> db;  // shared so that snapshots can tell when it closes
  std::unique_ptr<store::StoreWriter> writer;  // null when read-only

  Result<store::StoreWriter*> Writer() {
    if (!writer) return FailedPrecondition("the store at " + db->dir() + " is open read-only");
    return writer.get();
  }
};

namespace {

// Edit operations stop at their first error with part of their unit written; the unit must not reach
// the next commit.
template <typename T>
T AbortOnError(store::StoreWriter& writer, T result) {
  if (!result.ok()) writer.Abort();
  return result;
}

}  // namespace

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() = default;

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& dir, OpenMode mode) {
  auto db = store::RocksDb::Open(dir, mode == OpenMode::kReadOnly ? store::RocksDb::Mode::kReadOnly
                                                                  : store::RocksDb::Mode::kReadWrite);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  if (mode == OpenMode::kReadWrite) {
    auto writer = store::StoreWriter::Create(impl->db.get());
    if (!writer.ok()) return writer.status();
    impl->writer = std::move(writer).value();
  }
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(impl)));
}

Result<IngestReport> GraphStore::IngestJsonl(std::istream& in, const std::string& input_name,
                                             const IngestOptions& options) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  IngestOptions jsonl = options;
  jsonl.format = InputFormat::kJsonl;
  return ingest::Ingest(**writer, in, input_name, jsonl);
}

Result<IngestReport> GraphStore::Ingest(std::istream& in, const std::string& input_name,
                                        const IngestOptions& options) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  return ingest::Ingest(**writer, in, input_name, options);
}

Result<DocumentReport> GraphStore::IngestDocument(const Document& document, std::vector<Assertion> assertions,
                                                  const IngestOptions& options) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  const schema::ParseLimits limits = ingest::LimitsFor(options);
  for (size_t i = 0; i < assertions.size(); ++i) {
    Assertion& a = assertions[i];
    a.source_uri = document.uri;
    if (a.source_title.empty()) a.source_title = document.title;
    if (a.source_published.empty()) a.source_published = document.published;
    // The store keeps what the JSONL reader accepts, so extracted assertions pass the same schema.
    if (auto error = ingest::ValidateAssertion(a, limits)) {
      return InvalidArgument(document.uri + ": assertion " + std::to_string(i + 1) + ": " + error->field + ": " +
                             error->reason);
    }
  }
  store::SourceRecord record{0,
                             document.uri,
                             document.title,
                             document.published,
                             document.content_hash,
                             document.language,
                             document.extraction};
  auto change = (*writer)->ReplaceDocument(record, assertions);
  if (!change.ok()) return change.status();
  DocumentReport report;
  report.change = change->unchanged  ? DocumentReport::Change::kUnchanged
                  : change->existed ? DocumentReport::Change::kReplaced
                                    : DocumentReport::Change::kAdded;
  report.evidence_added = change->evidence_added;
  report.evidence_kept = change->evidence_kept;
  report.evidence_removed = change->evidence_removed;
  return report;
}

Result<StoredDocument> GraphStore::FindDocument(const std::string& uri) const {
  return store::ReadDocument(*impl_->db, uri);
}

Result<ArticleReport> GraphStore::IngestArticle(std::string_view bytes, const ArticleOptions& options,
                                                const IngestOptions& ingest_options) {
  return ingest::IngestArticle(*this, bytes, options, ingest_options);
}

Status GraphStore::Add(const Assertion& assertion) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  auto outcome = (*writer)->Add(assertion);
  if (!outcome.ok()) {
    (*writer)->Abort();
    return outcome.status();
  }
  return (*writer)->Commit();
}

Result<StoreStats> GraphStore::Stats() const {
  if (impl_->writer) return impl_->writer->counters().stats;
  auto counters = store::ReadCounters(*impl_->db);
  if (!counters.ok()) return counters.status();
  return counters->stats;
}

Result<EntityDetails> GraphStore::LookupEntity(const std::string& name) const {
  auto id = store::FindEntity(*impl_->db, name);
  if (!id.ok()) return id.status();
  return store::DescribeEntity(*impl_->db, *id);
}

Result<std::vector<FactRow>> GraphStore::ListFacts(const FactFilter& filter) const {
  return store::ListFacts(*impl_->db, filter);
}

Result<std::unique_ptr<PreparedQuery>> GraphStore::Prepare(const std::string& text) const {
  return query::PrepareQuery(*impl_->db, text);
}

Result<QueryResult> GraphStore::Query(const std::string& text) const {
  auto prepared = Prepare(text);
  if (!prepared.ok()) return prepared.status();
  return (*prepared)->Collect();
}

Result<std::unique_ptr<GraphSnapshot>> GraphStore::Snapshot(const SnapshotFilter& filter) const {
  return graph::LoadSnapshot(impl_->db, filter);
}

Result<DiagramReport> GraphStore::Render(const DiagramSelection& selection, const DiagramOptions& options,
                                         std::string* out) const {
  return render::RenderDiagram(*impl_->db, selection, options, out);
}

Result<uint64_t> GraphStore::ExportJsonl(std::ostream& out) const { return store::ExportJsonl(*impl_->db, out); }

Result<ExportReport> GraphStore::Export(const ExportOptions& options, const ExportStreams& streams) const {
  return exporter::Export(*impl_->db, options, streams);
}


Result<uint64_t> GraphStore::Forget(const std::string& uri) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  return AbortOnError(**writer, (*writer)->Forget(uri));
}

Status GraphStore::AddAlias(const std::string& name, const std::string& target) {
  // The same rule as for names in assertions: an alias becomes a name the graph resolves and prints.
  if (auto bad = schema::FindForbiddenNameCharacter(name)) {
    return InvalidArgument("alias: a name must not hold control characters or bidi controls: " +
                           text::CodePointName(bad->code_point));
  }
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  return AbortOnError(**writer, (*writer)->AddRule(name, target, "alias"));
}

Status GraphStore::Merge(const std::string& keep, const std::string& other) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  return AbortOnError(**writer, (*writer)->AddRule(other, keep, "merge"));
}

Status GraphStore::RemoveRule(const std::string& name) {
  auto writer = impl_->Writer();
  if (!writer.ok()) return writer.status();
  return AbortOnError(**writer, (*writer)->RemoveRule(name));
}

Result<std::vector<LedgerEntry>> GraphStore::Ledger() const {
  auto rules = store::ReadLedger(*impl_->db);
  if (!rules.ok()) return rules.status();
  std::vector<LedgerEntry> entries;
  for (const auto& [key, rule] : *rules) entries.push_back({rule.from_name, rule.to_name, rule.kind});
  return entries;
}

Result<CheckReport> GraphStore::Check() const { return store::CheckStore(*impl_->db); }

}  // namespace kg
