#include "schema/assertion_json.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "schema/fast_assertion_parser.h"
#include "schema/json_locator.h"
#include "schema/value_rules.h"
#include "text/utf8.h"

namespace kg::schema {
namespace {

// ordered_json keeps objects as small vectors: one allocation per object instead of one per key, which
// is most of what parsing a line costs. Lookups are linear, which is faster for a dozen keys anyway.
using json = nlohmann::ordered_json;

// `s` as a JSON string literal, so that a newline or a quote in a bad value cannot break the one-line message.
std::string Quoted(const std::string& s) { return json(s).dump(); }

std::string Describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
  }
}

// Validates one parsed line. The first problem found wins; `fail` records it with the path of the value.
class Validator {
 public:
  Validator(std::string_view line, const PredicateVocabulary& vocabulary, const ParseLimits& limits)
      : line_(line), vocabulary_(vocabulary), limits_(limits) {}

  ParsedLine Run(const json& doc) {
    Assertion a;
    if (!doc.is_object()) return Fail({}, "expected a JSON object, got " + Describe(doc));
    static const char* const kKnown[] = {"subject", "predicate", "object", "amount", "currency", "date",
                                         "period", "confidence", "source", "evidence", "extractor"};
    for (const auto& [key, value] : doc.items()) {
      bool known = false;
      for (const char* k : kKnown) known = known || key == k;
      if (!known) return FailUnknown({key}, "unknown field (see schemas/assertion.schema.json)");
    }
    for (const char* required : {"subject", "predicate", "object"}) {
      if (!doc.contains(required)) return Fail({}, std::string("missing required field \"") + required + "\"",
                                               required);
    }
    if (!Entity(doc["subject"], "subject", &a.subject)) return error_;
    if (!Predicate(doc["predicate"], &a.predicate)) return error_;
    if (!Entity(doc["object"], "object", &a.object)) return error_;
    if (!TypesFit(a)) return error_;

    if (doc.contains("amount") && !Number(doc["amount"], {"amount"}, 0, kMaxAmount, false, &a.amount)) return error_;
    if (doc.contains("currency")) {
      if (!String(doc["currency"], {"currency"}, &a.currency)) return error_;
      if (!IsCurrency(a.currency)) {
        return Fail({"currency"}, "expected an ISO 4217 code of three capital letters, got " + Quoted(a.currency));
      }
    }
    if (doc.contains("date") && !Date(doc["date"], {"date"}, &a.date)) return error_;
    if (doc.contains("period") && !BoundedString(doc["period"], {"period"}, 1, 200, &a.period)) return error_;
    if (doc.contains("confidence") && !Number(doc["confidence"], {"confidence"}, 0, 1, false, &a.confidence)) {
      return error_;
    }
    if (doc.contains("source") && !Source(doc["source"], &a)) return error_;
    if (doc.contains("evidence") && !EvidenceSpan(doc["evidence"], &a)) return error_;
    if (doc.contains("extractor") && !BoundedString(doc["extractor"], {"extractor"}, 1, 200, &a.extractor)) {
      return error_;
    }
    return a;
  }

 private:
  LineError Fail(const std::vector<std::string>& path, std::string reason, std::string field = "") {
    return FailAt(LocateValue(line_, path).value_or(0), path, std::move(reason), std::move(field));
  }

  // For a field that should not be there at all, the key is the thing to point at.
  LineError FailUnknown(const std::vector<std::string>& path, std::string reason) {
    return FailAt(LocateKey(line_, path).value_or(0), path, std::move(reason), "");
  }

  LineError FailAt(size_t offset, const std::vector<std::string>& path, std::string reason, std::string field) {
    if (field.empty()) {
      for (const auto& p : path) field += (field.empty() ? "" : ".") + p;
    }
    if (field.empty()) field = "line";
    error_ = LineError{ColumnOf(line_, offset), std::move(field), std::move(reason)};
    return error_;
  }

  bool String(const json& v, const std::vector<std::string>& path, std::string* out) {
    if (!v.is_string()) return Fail(path, "expected a string, got " + Describe(v)), false;
    *out = v.get<std::string>();
    return true;
  }

  bool BoundedString(const json& v, const std::vector<std::string>& path, size_t min, size_t max,
                     std::string* out) {
    if (!String(v, path, out)) return false;
    size_t n = CodePoints(*out);
    if (n < min) return Fail(path, "must not be empty"), false;
    if (n > max) return Fail(path, "longer than " + std::to_string(max) + " characters"), false;
    return true;
  }

  bool Number(const json& v, const std::vector<std::string>& path, double min, double max, bool integer,
              std::optional<double>* out) {
    if (!v.is_number()) return Fail(path, "expected a number, got " + Describe(v)), false;
    double d = v.get<double>();
    // A double has 53 bits, so 10^18 + 1 would round to a maximum of 10^18 and pass: compare a whole
    // number as a whole number, as the schema means. Every `max` here is below 2^64.
    bool above_max = v.is_number_unsigned() ? v.get<uint64_t>() > static_cast<uint64_t>(max) : d > max;
    if (!std::isfinite(d) || d < min || above_max) {
      std::ostringstream range;
      range << std::setprecision(16);  // enough for 2^53 - 1 to print whole, not as 9.0072e+15
      range << "number out of range: expected " << min << " to " << max << ", got " << v.dump();
      return Fail(path, range.str()), false;
    }
    if (integer && std::floor(d) != d) return Fail(path, "expected a whole number, got " + v.dump()), false;
    *out = d;
    return true;
  }

  bool Date(const json& v, const std::vector<std::string>& path, std::string* out) {
    if (!String(v, path, out)) return false;
    const bool past_month_end = IsDayPastMonthEnd(*out);
    if (past_month_end && !limits_.days_must_exist) return true;
    if (past_month_end) {
      return Fail(path, Quoted(*out) + " is not a calendar date: that month has " +
                            std::to_string(DaysInMonth(std::stoi(out->substr(0, 4)), std::stoi(out->substr(5, 2)))) +
                            " days"),
             false;
    }
    if (!IsDate(*out)) {
      return Fail(path, "expected an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD, got " + Quoted(*out)), false;
    }
    return true;
  }

  bool Name(const json& v, const std::vector<std::string>& path, std::string* out) {
    if (!v.is_string()) return Fail(path, "expected a name string, got " + Describe(v)), false;
    *out = v.get<std::string>();
    if (!HasNonSpace(*out)) return Fail(path, "a name must have a character other than white space"), false;
    if (CodePoints(*out) > 1000) return Fail(path, "longer than 1000 characters"), false;
    if (auto bad = limits_.names_without_controls ? FindForbiddenNameCharacter(*out) : std::nullopt) {
      const std::string kind = bad->code_point < 0x2000 ? "control character " : "bidi control ";
      return Fail(path, "a name must not hold control characters or bidi controls: " + kind +
                            text::CodePointName(bad->code_point) + " at character " +
                            std::to_string(CodePoints(std::string_view(*out).substr(0, bad->offset)) + 1)),
             false;
    }
    return true;
  }

  bool Entity(const json& v, const std::string& key, EntityRef* out) {
    if (v.is_string()) return Name(v, {key}, &out->name);
    if (!v.is_object()) return Fail({key}, "expected string or object, got " + Describe(v)), false;
    for (const auto& [k, unused] : v.items()) {
      if (k != "name" && k != "type" && k != "id" && k != "lang") {
        return FailUnknown({key, k}, "unknown field (expected name, type, id or lang)"), false;
      }
    }
    if (!v.contains("name")) return Fail({key}, "missing required field \"name\"", key + ".name"), false;
    if (!Name(v["name"], {key, "name"}, &out->name)) return false;
    if (v.contains("type")) {
      std::string type;
      if (!String(v["type"], {key, "type"}, &type)) return false;
      out->type = ParseEntityType(type);
      if (!out->type) {
        return Fail({key, "type"}, "unknown entity type " + Quoted(type) +
                                       " (expected Organization, Country, Person, City, Region, Facility or Other)"),
               false;
      }
    }
    if (v.contains("id") && !BoundedString(v["id"], {key, "id"}, 1, 200, &out->external_id)) return false;
    if (v.contains("lang")) {
      if (!String(v["lang"], {key, "lang"}, &out->lang)) return false;
      if (!IsLanguageTag(out->lang)) {
        return Fail({key, "lang"}, "expected a BCP 47 language tag such as \"fr\", got " + Quoted(out->lang)), false;
      }
    }
    return true;
  }

  bool Predicate(const json& v, std::string* out) {
    if (!String(v, {"predicate"}, out)) return false;
    if (!IsPredicateName(*out)) {
      return Fail({"predicate"}, "expected a lower-case identifier such as invests_in, got " + Quoted(*out)), false;
    }
    if (!limits_.allow_new_predicates && vocabulary_.Find(*out) == nullptr) {
      return Fail({"predicate"}, "unknown predicate \"" + *out +
                                     "\" (see schemas/predicates.json, or pass --allow-new-predicates)"),
             false;
    }
    return true;
  }

  // An explicit type must be one the predicate allows in that position (its domain or range).
  bool TypesFit(const Assertion& a) {
    const PredicateInfo* info = vocabulary_.Find(a.predicate);
    if (info == nullptr) return true;
    auto check = [&](const EntityRef& ref, const std::vector<EntityType>& allowed, const char* key,
                     const char* role) {
      if (!ref.type || TypeAllowed(allowed, *ref.type)) {
        return true;
      }
      std::string expected;
      for (EntityType t : allowed) expected += (expected.empty() ? "" : ", ") + std::string(EntityTypeName(t));
      Fail({key, "type"}, std::string(EntityTypeName(*ref.type)) + " cannot be the " + role + " of " + a.predicate +
                              " (expected " + expected + ")");
      return false;
    };
    return check(a.subject, info->domain, "subject", "subject") && check(a.object, info->range, "object", "object");
  }

  bool Source(const json& v, Assertion* a) {
    if (!v.is_object()) return Fail({"source"}, "expected an object, got " + Describe(v)), false;
    for (const auto& [k, unused] : v.items()) {
      if (k != "uri" && k != "title" && k != "published") {
        return FailUnknown({"source", k}, "unknown field (expected uri, title or published)"), false;
      }
    }
    if (!v.contains("uri")) return Fail({"source"}, "missing required field \"uri\"", "source.uri"), false;
    if (!BoundedString(v["uri"], {"source", "uri"}, 1, 2048, &a->source_uri)) return false;
    if (v.contains("title") && !BoundedString(v["title"], {"source", "title"}, 0, 1000, &a->source_title)) return false;
    if (v.contains("published") && !Date(v["published"], {"source", "published"}, &a->source_published)) return false;
    return true;
  }

  bool EvidenceSpan(const json& v, Assertion* a) {
    if (!v.is_object()) return Fail({"evidence"}, "expected an object, got " + Describe(v)), false;
    for (const auto& [k, unused] : v.items()) {
      if (k != "text" && k != "start" && k != "end") {
        return FailUnknown({"evidence", k}, "unknown field (expected text, start or end)"), false;
      }
    }
    if (v.contains("text") && !BoundedString(v["text"], {"evidence", "text"}, 0, 10000, &a->evidence_text)) return false;
    std::optional<double> offset;
    if (v.contains("start")) {
      if (!Number(v["start"], {"evidence", "start"}, 0, kMaxOffset, true, &offset)) return false;
      a->evidence_start = static_cast<int64_t>(*offset);
    }
    if (v.contains("end")) {
      if (!Number(v["end"], {"evidence", "end"}, 0, kMaxOffset, true, &offset)) return false;
      a->evidence_end = static_cast<int64_t>(*offset);
    }
    return true;
  }

  std::string_view line_;
  const PredicateVocabulary& vocabulary_;
  const ParseLimits& limits_;
  LineError error_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 9: ".
std::string PlainMessage(const std::string& what) {
  size_t colon = what.find(": ");
  std::string msg = (what.rfind("[json.exception.", 0) == 0 && colon != std::string::npos) ? what.substr(colon + 2)
                                                                                           : what;
  if (msg.rfind("[json.exception.", 0) == 0) msg = msg.substr(msg.find(']') + 2);
  return msg;
}

// nlohmann only describes a syntax error in words; these are the words of its lexer's string errors.
SyntaxErrorKind SyntaxErrorKindOf(const std::string& msg) {
  auto has = [&](const char* words) { return msg.find(words) != std::string::npos; };
  if (has("control character") || has("forbidden character after backslash")) return SyntaxErrorKind::kCharacter;
  if (has("must be followed by U+DC00")) return SyntaxErrorKind::kLoneHighSurrogate;
  if (has("surrogate") || has("must be followed by 4 hex digits")) return SyntaxErrorKind::kUnicodeEscape;
  return SyntaxErrorKind::kToken;
}

}  // namespace

std::string LineError::ToString() const { return std::to_string(column) + ": " + field + ": " + reason; }

int ColumnOf(std::string_view line, size_t byte_offset) {
  return static_cast<int>(CodePoints(line.substr(0, std::min(byte_offset, line.size())))) + 1;
}

LineError OverlongLineError(size_t length, const ParseLimits& limits) {
  return LineError{1, "line", "line is " + std::to_string(length) + " bytes, over the limit of " +
                                  std::to_string(limits.max_line_bytes)};
}

ParsedLine ParseAssertionLine(std::string_view line, const PredicateVocabulary& vocabulary,
                              const ParseLimits& limits) {
  if (line.size() > limits.max_line_bytes) {
    return OverlongLineError(line.size(), limits);
  }
  if (auto bad = text::FindInvalidUtf8(line)) {
    return LineError{ColumnOf(line, *bad), "line", "invalid UTF-8 (byte " + std::to_string(*bad + 1) + ")"};
  }
  if (auto deep = FindExcessNesting(line, limits.max_depth)) {
    return LineError{ColumnOf(line, *deep), "json",
                     "nesting deeper than " + std::to_string(limits.max_depth) + " levels"};
  }
  // Most lines are plain and valid: a single-pass parser takes those, and leaves every other line,
  // whether odd or wrong, to the full parser below, which accepts it the same way or explains why not.
  if (limits.fast_path) {
    if (auto assertion = FastParseAssertion(line, vocabulary, limits)) return std::move(*assertion);
  }
  json doc;
  try {
    doc = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& e) {
    std::string msg = PlainMessage(e.what());
    size_t offset = LocateSyntaxError(line, e.byte > 0 ? e.byte - 1 : 0, SyntaxErrorKindOf(msg));
    return LineError{ColumnOf(line, offset), "json", msg};
  } catch (const json::exception& e) {
    // Number overflow ("1e400") has no position; the token is quoted in the message, so find it outside
    // strings ("1e400 Capital" may come first).
    std::string msg = PlainMessage(e.what());
    size_t offset = 0;
    size_t q1 = msg.find('\'');
    size_t q2 = q1 == std::string::npos ? q1 : msg.find('\'', q1 + 1);
    if (q2 != std::string::npos) offset = FindBareToken(line, msg.substr(q1 + 1, q2 - q1 - 1)).value_or(0);
    return LineError{ColumnOf(line, offset), "json", "number out of range: " + msg};
  }
  return Validator(line, vocabulary, limits).Run(doc);
}

}  // namespace kg::schema
