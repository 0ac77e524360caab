#include "store/records.h"

#include <nlohmann/json.hpp>

#include <bit>

#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::store {
namespace {

using nlohmann::json;

Result<json> ParseRecord(std::string_view value, const std::string& what) {
  json doc = json::parse(value.begin(), value.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return DataLoss(what + ": stored record is not a JSON object");
  return doc;
}

}  // namespace

Result<Assertion> DecodeEvidence(std::string_view value) {
  schema::ParseLimits limits;
  limits.allow_new_predicates = true;
  limits.max_line_bytes = value.size() + 1;
  limits.days_must_exist = false;         // see ParseLimits
  limits.names_without_controls = false;  // the same
  auto parsed = schema::ParseAssertionLine(value, schema::PredicateVocabulary::Builtin(), limits);
  if (const auto* error = std::get_if<schema::LineError>(&parsed)) {
    return DataLoss("stored evidence does not parse: " + error->ToString());
  }
  return std::get<Assertion>(std::move(parsed));
}

// flag (1: an amount follows) [amount: IEEE 754 bits, 8 bytes big-endian] currency length (4) currency date
std::string EncodeGroupValues(const std::optional<double>& amount, std::string_view currency, std::string_view date) {
  std::string out;
  out.reserve(1 + 8 + 4 + currency.size() + date.size());
  out.push_back(amount ? '\x01' : '\x00');
  if (amount) PutFixed64(&out, std::bit_cast<uint64_t>(*amount));
  PutFixed32(&out, static_cast<uint32_t>(currency.size()));
  out.append(currency);
  out.append(date);
  return out;
}

Result<GroupValues> DecodeGroupValues(std::string_view value) {
  GroupValues g;
  size_t at = 1;
  if (value.empty() || static_cast<unsigned char>(value[0]) > 1) return DataLoss("a groups value has a bad flag");
  if (value[0] == '\x01') {
    if (value.size() < at + 8) return DataLoss("a groups value is cut short in its amount");
    g.amount = std::bit_cast<double>(GetFixed64(value, at));
    at += 8;
  }
  if (value.size() < at + 4) return DataLoss("a groups value is cut short in its currency");
  const uint32_t currency = GetFixed32(value, at);
  at += 4;
  if (value.size() - at < currency) return DataLoss("a groups value's currency runs past its end");
  g.currency = value.substr(at, currency);
  g.date = value.substr(at + currency);
  return g;
}

std::string FollowLedger(const Ledger& ledger, std::string key) {
  for (int step = 0; step < 64; ++step) {
    auto rule = ledger.find(key);
    if (rule == ledger.end()) break;
    key = rule->second.to_key;
  }
  return key;
}

std::string EncodeEntity(const EntityRecord& record) {
  // Written by hand, in the bytes nlohmann's dump of the same object gives (keys sorted, no spaces),
  // so stored records keep their form: ingest writes one for every new entity and spelling.
  const Entity& e = record.entity;
  std::string out;
  out.reserve(64 + record.key.size() + 2 * e.name.size());
  out.append("{\"aliases\":[");
  for (size_t i = 0; i < e.aliases.size(); ++i) {
    out.append(i ? ",[" : "[");
    schema::AppendJsonString(&out, e.aliases[i].name);
    out.push_back(',');
    schema::AppendJsonString(&out, e.aliases[i].lang);
    out.push_back(']');
  }
  out.push_back(']');
  if (!e.iso_code.empty()) {
    out.append(",\"iso\":");
    schema::AppendJsonString(&out, e.iso_code);
  }
  out.append(",\"key\":");
  schema::AppendJsonString(&out, record.key);
  out.append(",\"name\":");
  schema::AppendJsonString(&out, e.name);
  out.append(",\"type\":");
  schema::AppendJsonString(&out, EntityTypeName(e.type));
  if (!e.external_id.empty()) {
    out.append(",\"xid\":");
    schema::AppendJsonString(&out, e.external_id);
  }
  out.push_back('}');
  return out;
}

Result<EntityRecord> DecodeEntity(EntityId id, std::string_view value) {
  auto doc = ParseRecord(value, "entity " + std::to_string(id));
  if (!doc.ok()) return doc.status();
  try {
    EntityRecord record;
    record.key = doc->at("key").get<std::string>();
    record.entity.id = id;
    record.entity.type = ParseEntityType(doc->at("type").get<std::string>()).value_or(EntityType::kOther);
    record.entity.name = doc->at("name").get<std::string>();
    for (const auto& alias : doc->at("aliases")) {
      record.entity.aliases.push_back({alias.at(0).get<std::string>(), alias.at(1).get<std::string>()});
    }
    record.entity.iso_code = doc->value("iso", "");
    record.entity.external_id = doc->value("xid", "");
    return record;
  } catch (const json::exception& e) {
    return DataLoss("entity " + std::to_string(id) + ": " + e.what());
  }
}

namespace {

// A cursor over the top level of a JSON object, for records that EncodeEntity wrote. It understands only
// what that writer produces; any step it cannot take returns false and the caller falls back.
class RecordScanner {
 public:
  explicit RecordScanner(std::string_view text) : text_(text) {}

  bool Consume(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool AtEnd() const { return pos_ == text_.size(); }
  // A string without escapes; its contents are left in `out`.
  bool PlainString(std::string_view* out) {
    if (!Consume('"')) return false;
    const size_t end = text_.find_first_of("\\\"", pos_);
    if (end == std::string_view::npos || text_[end] != '"') return false;
    *out = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }
  // Skips one value of any kind (arrays and objects are skipped by bracket depth, minding strings).
  bool SkipValue() {
    if (pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == '}' || text_[pos_] == ']') return false;
    int depth = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (!SkipString()) return false;
      } else if (c == '[' || c == '{') {
        ++depth;
        ++pos_;
      } else if (c == ']' || c == '}') {
        if (depth == 0) return true;
        --depth;
        ++pos_;
      } else if (c == ',' && depth == 0) {
        return true;
      } else {
        ++pos_;
      }
      if (depth == 0 && pos_ < text_.size() && (text_[pos_] == ',' || text_[pos_] == '}')) return true;
    }
    return false;
  }

 private:
  bool SkipString() {
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '\\') {
        ++pos_;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// The fast path of DecodeEntityHead; false when the record needs the full decoder.
bool ScanEntityHead(std::string_view value, EntityHead* head) {
  RecordScanner scan(value);
  if (!scan.Consume('{')) return false;
  std::string_view name, type;
  bool has_name = false, has_type = false, has_key = false, has_aliases = false;
  if (scan.Consume('}')) return false;
  do {
    std::string_view key;
    if (!scan.PlainString(&key) || !scan.Consume(':')) return false;
    if (key == "name" || key == "type" || key == "key") {
      std::string_view text;
      if (!scan.PlainString(&text)) return false;
      bool& seen = key == "name" ? has_name : key == "type" ? has_type : has_key;
      if (seen) return false;  // a duplicate key: let the full parser decide which one wins
      seen = true;
      if (key == "name") name = text;
      if (key == "type") type = text;
    } else {
      if (key == "aliases") has_aliases = true;
      if (!scan.SkipValue()) return false;
    }
  } while (scan.Consume(','));
  if (!scan.Consume('}') || !scan.AtEnd() || !has_name || !has_type || !has_key || !has_aliases) return false;
  head->type = ParseEntityType(std::string(type)).value_or(EntityType::kOther);
  head->name = std::string(name);
  return true;
}

}  // namespace

Result<EntityHead> DecodeEntityHead(EntityId id, std::string_view value) {
  EntityHead head;
  if (ScanEntityHead(value, &head)) return head;
  auto record = DecodeEntity(id, value);
  if (!record.ok()) return record.status();
  head.type = record->entity.type;
  head.name = std::move(record->entity.name);
  return head;
}

// Written by hand, as nlohmann's dump() would write it (keys in its sorted order): a bulk load encodes
// a source for about every other line, and building a json object for each was a visible cost.
std::string EncodeSource(const SourceRecord& record) {
  std::string out;
  out.reserve(32 + record.uri.size() + record.title.size() + record.published.size() +
              record.content_hash.size());
  out.push_back('{');
  // Keys in sorted order, as nlohmann writes an object, so older stores keep their bytes.
  if (!record.extraction.empty()) {
    out.append("\"extraction\":");
    schema::AppendJsonString(&out, record.extraction);
    out.push_back(',');
  }
  if (!record.content_hash.empty()) {
    out.append("\"hash\":");
    schema::AppendJsonString(&out, record.content_hash);
    out.push_back(',');
  }
  if (!record.language.empty()) {
    out.append("\"lang\":");
    schema::AppendJsonString(&out, record.language);
    out.push_back(',');
  }
  if (!record.published.empty()) {
    out.append("\"published\":");
    schema::AppendJsonString(&out, record.published);
    out.push_back(',');
  }
  if (!record.title.empty()) {
    out.append("\"title\":");
    schema::AppendJsonString(&out, record.title);
    out.push_back(',');
  }
  out.append("\"uri\":");
  schema::AppendJsonString(&out, record.uri);
  out.push_back('}');
  return out;
}

Result<SourceRecord> DecodeSource(SourceId id, std::string_view value) {
  auto doc = ParseRecord(value, "source " + std::to_string(id));
  if (!doc.ok()) return doc.status();
  if (!doc->contains("uri") || !(*doc)["uri"].is_string()) {
    return DataLoss("source " + std::to_string(id) + ": no uri");
  }
  SourceRecord record;
  record.id = id;
  record.uri = (*doc)["uri"].get<std::string>();
  record.title = doc->value("title", "");
  record.published = doc->value("published", "");
  record.content_hash = doc->value("hash", "");
  record.language = doc->value("lang", "");
  record.extraction = doc->value("extraction", "");
  return record;
}

std::string EncodeCounters(const Counters& c) {
  std::string out;
  for (uint64_t v : {c.stats.entities, c.stats.facts, c.stats.evidence, c.stats.sources, c.stats.ledger_rules,
                     c.next_entity_id, c.next_source_id, static_cast<uint64_t>(c.next_predicate_id)}) {
    PutFixed64(&out, v);
  }
  return out;
}

Result<Counters> DecodeCounters(std::string_view value) {
  if (value.size() != 8 * 8) return DataLoss("meta counters: expected 64 bytes, found " + std::to_string(value.size()));
  Counters c;
  c.stats.entities = GetFixed64(value, 0);
  c.stats.facts = GetFixed64(value, 8);
  c.stats.evidence = GetFixed64(value, 16);
  c.stats.sources = GetFixed64(value, 24);
  c.stats.ledger_rules = GetFixed64(value, 32);
  c.next_entity_id = GetFixed64(value, 40);
  c.next_source_id = GetFixed64(value, 48);
  c.next_predicate_id = static_cast<PredicateId>(GetFixed64(value, 56));
  return c;
}

std::string EncodeRule(const LedgerRule& rule) {
  return json{{"to", rule.to_key}, {"from_name", rule.from_name}, {"to_name", rule.to_name}, {"kind", rule.kind}}
      .dump();
}

Result<LedgerRule> DecodeRule(std::string_view from_key, std::string_view value) {
  auto doc = ParseRecord(value, "ledger rule");
  if (!doc.ok()) return doc.status();
  LedgerRule rule;
  rule.from_key = std::string(from_key);
  rule.to_key = doc->value("to", "");
  rule.from_name = doc->value("from_name", "");
  rule.to_name = doc->value("to_name", "");
  rule.kind = doc->value("kind", "alias");
  if (rule.to_key.empty()) return DataLoss("ledger rule for \"" + rule.from_key + "\" has no target");
  return rule;
}

}  // namespace kg::store
