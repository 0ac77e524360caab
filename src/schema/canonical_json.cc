// ToCanonicalJson (declared in assertion_json.h), written by hand rather than through nlohmann's DOM: it
// runs once for every line of a bulk load, and building an ordered_json per line cost a tenth of ingest.
// The output is byte for byte what nlohmann's dump() gives for the same document (a test holds it to
// that), because stored evidence and `kg export` must not change when the writer does.
#include <nlohmann/json.hpp>

#include "schema/assertion_json.h"
#include "text/byte_runs.h"

namespace kg::schema {
namespace {

// Numbers keep nlohmann's own formatting (shortest round-trip, "1900000000.0" for whole doubles).
void AppendDouble(std::string* out, double d) { out->append(nlohmann::json(d).dump()); }

void AppendKey(std::string* out, bool* first, const char* key) {
  if (!*first) out->push_back(',');
  *first = false;
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendEntity(std::string* out, const EntityRef& e) {
  if (!e.type && e.external_id.empty() && e.lang.empty()) return AppendJsonString(out, e.name);
  bool first = true;
  out->push_back('{');
  AppendKey(out, &first, "name");
  AppendJsonString(out, e.name);
  if (e.type) {
    AppendKey(out, &first, "type");
    AppendJsonString(out, EntityTypeName(*e.type));
  }
  if (!e.external_id.empty()) {
    AppendKey(out, &first, "id");
    AppendJsonString(out, e.external_id);
  }
  if (!e.lang.empty()) {
    AppendKey(out, &first, "lang");
    AppendJsonString(out, e.lang);
  }
  out->push_back('}');
}

}  // namespace

// JSON string escaping as nlohmann's dump() does it with ensure_ascii off: quotes, backslashes and
// control characters are escaped, everything else (UTF-8 included) is copied. Runs of plain bytes are
// copied at once: ingest writes every line through here, and exports every string.
void AppendJsonString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  while (true) {
    const size_t run = text::JsonPlainRun(s);
    out->append(s.data(), run);
    if (run == s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[run]);
    s.remove_prefix(run + 1);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:  // another control character
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->push_back('"');
}

std::string ToCanonicalJson(const Assertion& a) {
  std::string out;
  out.reserve(256 + a.evidence_text.size());
  bool first = true;
  out.push_back('{');
  AppendKey(&out, &first, "subject");
  AppendEntity(&out, a.subject);
  AppendKey(&out, &first, "predicate");
  AppendJsonString(&out, a.predicate);
  AppendKey(&out, &first, "object");
  AppendEntity(&out, a.object);
  if (a.amount) {
    AppendKey(&out, &first, "amount");
    AppendDouble(&out, *a.amount);
  }
  if (!a.currency.empty()) {
    AppendKey(&out, &first, "currency");
    AppendJsonString(&out, a.currency);
  }
  if (!a.date.empty()) {
    AppendKey(&out, &first, "date");
    AppendJsonString(&out, a.date);
  }
  if (!a.period.empty()) {
    AppendKey(&out, &first, "period");
    AppendJsonString(&out, a.period);
  }
  if (a.confidence) {
    AppendKey(&out, &first, "confidence");
    AppendDouble(&out, *a.confidence);
  }
  if (!a.source_uri.empty()) {
    AppendKey(&out, &first, "source");
    bool inner = true;
    out.push_back('{');
    AppendKey(&out, &inner, "uri");
    AppendJsonString(&out, a.source_uri);
    if (!a.source_title.empty()) {
      AppendKey(&out, &inner, "title");
      AppendJsonString(&out, a.source_title);
    }
    if (!a.source_published.empty()) {
      AppendKey(&out, &inner, "published");
      AppendJsonString(&out, a.source_published);
    }
    out.push_back('}');
  }
  if (!a.evidence_text.empty() || a.evidence_start || a.evidence_end) {
    AppendKey(&out, &first, "evidence");
    bool inner = true;
    out.push_back('{');
    if (!a.evidence_text.empty()) {
      AppendKey(&out, &inner, "text");
      AppendJsonString(&out, a.evidence_text);
    }
    if (a.evidence_start) {
      AppendKey(&out, &inner, "start");
      out.append(std::to_string(*a.evidence_start));
    }
    if (a.evidence_end) {
      AppendKey(&out, &inner, "end");
      out.append(std::to_string(*a.evidence_end));
    }
    out.push_back('}');
  }
  if (!a.extractor.empty()) {
    AppendKey(&out, &first, "extractor");
    AppendJsonString(&out, a.extractor);
  }
  out.push_back('}');
  return out;
}

}  // namespace kg::schema
