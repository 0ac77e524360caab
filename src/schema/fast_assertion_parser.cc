#include "schema/fast_assertion_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "schema/value_rules.h"
#include "text/utf8.h"

namespace kg::schema {
namespace {

// Every method returns false to mean "not the plain case": the caller then falls back.
class FastParser {
 public:
  FastParser(std::string_view s, const PredicateVocabulary& vocabulary, const ParseLimits& limits)
      : s_(s), vocabulary_(vocabulary), limits_(limits) {}

  bool Run(Assertion* a) {
    SkipSpace();
    if (!Consume('{')) return false;
    unsigned seen = 0;
    SkipSpace();
    if (Peek() == '}') return false;  // required fields missing: let the full parser say which
    while (true) {
      std::string_view key;
      if (!Key(&key)) return false;
      int index = TopLevelIndex(key);
      if (index < 0 || (seen & (1u << index))) return false;
      seen |= 1u << index;
      if (!Field(index, a)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return false;
    }
    SkipSpace();
    if (i_ != s_.size()) return false;
    constexpr unsigned kRequired = 1u << 0 | 1u << 1 | 1u << 2;
    return (seen & kRequired) == kRequired && TypesFit(*a);
  }

 private:
  static int TopLevelIndex(std::string_view key) {
    static constexpr std::string_view kKeys[] = {"subject", "predicate", "object", "amount", "currency", "date",
                                                 "period", "confidence", "source", "evidence", "extractor"};
    for (int k = 0; k < 11; ++k) {
      if (kKeys[k] == key) return k;
    }
    return -1;
  }

  bool Field(int index, Assertion* a) {
    switch (index) {
      case 0: return Entity(&a->subject);
      case 1: return Predicate(&a->predicate);
      case 2: return Entity(&a->object);
      case 3: return NumberIn(0, kMaxAmount, false, &a->amount);
      case 4: return String(&a->currency) && IsCurrency(a->currency);
      case 5: return String(&a->date) && IsDate(a->date);
      case 6: return Bounded(1, kMaxPeriodLength, &a->period);
      case 7: return NumberIn(0, 1, false, &a->confidence);
      case 8: return Source(a);
      case 9: return Evidence(a);
      case 10: return Bounded(1, kMaxExtractorLength, &a->extractor);
    }
    return false;
  }

  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }

  // A key with no escapes, followed by its colon.
  bool Key(std::string_view* key) {
    SkipSpace();
    if (!Consume('"')) return false;
    size_t start = i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      ++i_;
    }
    if (i_ >= s_.size()) return false;
    *key = s_.substr(start, i_ - start);
    ++i_;
    SkipSpace();
    if (!Consume(':')) return false;
    SkipSpace();
    return true;
  }

  bool Hex4(uint32_t* out) {
    if (i_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    *out = v;
    return true;
  }

  bool String(std::string* out) {
    if (!Consume('"')) return false;
    out->clear();
    while (true) {
      size_t start = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      out->append(s_.data() + start, i_ - start);
      if (i_ >= s_.size()) return false;
      char c = s_[i_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // a raw control character
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (!Consume('\\') || !Consume('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          text::AppendUtf8(cp, out);
          break;
        }
        default: return false;
      }
    }
  }

  bool Bounded(size_t min, size_t max, std::string* out) {
    if (!String(out)) return false;
    size_t n = CodePoints(*out);
    return n >= min && n <= max;
  }

  // Non-negative JSON numbers only. Whole numbers of more than 15 digits go to the full parser, which
  // compares them exactly against the maximum.
  bool NumberIn(double min, double max, bool whole, std::optional<double>* out) {
    size_t start = i_;
    if (Peek() == '0') {
      ++i_;
    } else if (Peek() >= '1' && Peek() <= '9') {
      while (Peek() >= '0' && Peek() <= '9') ++i_;
    } else {
      return false;
    }
    bool integer_literal = true;
    if (Peek() == '.') {
      integer_literal = false;
      ++i_;
      if (!(Peek() >= '0' && Peek() <= '9')) return false;
      while (Peek() >= '0' && Peek() <= '9') ++i_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      integer_literal = false;
      ++i_;
      if (Peek() == '+' || Peek() == '-') ++i_;
      if (!(Peek() >= '0' && Peek() <= '9')) return false;
      while (Peek() >= '0' && Peek() <= '9') ++i_;
    }
    if (integer_literal && i_ - start > 15) return false;
    double d = 0;
    auto [end, ec] = std::from_chars(s_.data() + start, s_.data() + i_, d);
    if (ec != std::errc() || end != s_.data() + i_ || !std::isfinite(d)) return false;
    if (d < min || d > max) return false;
    if (whole && std::floor(d) != d) return false;
    *out = d;
    return true;
  }

  bool Name(std::string* out) {
    return String(out) && HasNonSpace(*out) && CodePoints(*out) <= kMaxNameLength &&
           !(limits_.names_without_controls && FindForbiddenNameCharacter(*out));
  }

  bool Entity(EntityRef* ref) {
    if (Peek() == '"') return Name(&ref->name);
    if (!Consume('{')) return false;
    unsigned seen = 0;
    while (true) {
      std::string_view key;
      if (!Key(&key)) return false;
      int index = key == "name" ? 0 : key == "type" ? 1 : key == "id" ? 2 : key == "lang" ? 3 : -1;
      if (index < 0 || (seen & (1u << index))) return false;
      seen |= 1u << index;
      std::string value;
      switch (index) {
        case 0:
          if (!Name(&ref->name)) return false;
          break;
        case 1:
          if (!String(&value)) return false;
          ref->type = ParseEntityType(value);
          if (!ref->type) return false;
          break;
        case 2:
          if (!Bounded(1, kMaxExternalIdLength, &ref->external_id)) return false;
          break;
        case 3:
          if (!String(&ref->lang) || !IsLanguageTag(ref->lang)) return false;
          break;
      }
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return false;
    }
    return (seen & 1u) != 0;
  }

  bool Predicate(std::string* out) {
    if (!String(out) || !IsPredicateName(*out)) return false;
    return limits_.allow_new_predicates || vocabulary_.Find(*out) != nullptr;
  }

  bool Source(Assertion* a) {
    if (!Consume('{')) return false;
    unsigned seen = 0;
    while (true) {
      std::string_view key;
      if (!Key(&key)) return false;
      int index = key == "uri" ? 0 : key == "title" ? 1 : key == "published" ? 2 : -1;
      if (index < 0 || (seen & (1u << index))) return false;
      seen |= 1u << index;
      bool ok = index == 0   ? Bounded(1, kMaxUriLength, &a->source_uri)
                : index == 1 ? Bounded(0, kMaxTitleLength, &a->source_title)
                             : String(&a->source_published) && IsDate(a->source_published);
      if (!ok) return false;
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return false;
    }
    return (seen & 1u) != 0;
  }

  bool Evidence(Assertion* a) {
    if (!Consume('{')) return false;
    SkipSpace();
    if (Consume('}')) return true;
    unsigned seen = 0;
    while (true) {
      std::string_view key;
      if (!Key(&key)) return false;
      int index = key == "text" ? 0 : key == "start" ? 1 : key == "end" ? 2 : -1;
      if (index < 0 || (seen & (1u << index))) return false;
      seen |= 1u << index;
      std::optional<double> offset;
      if (index == 0) {
        if (!Bounded(0, kMaxEvidenceTextLength, &a->evidence_text)) return false;
      } else {
        if (!NumberIn(0, kMaxOffset, true, &offset)) return false;
        (index == 1 ? a->evidence_start : a->evidence_end) = static_cast<int64_t>(*offset);
      }
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return false;
    }
    return true;
  }

  bool TypesFit(const Assertion& a) const {
    const PredicateInfo* info = vocabulary_.Find(a.predicate);
    if (info == nullptr) return true;
    auto fits = [](const EntityRef& ref, const std::vector<EntityType>& allowed) {
      return !ref.type || TypeAllowed(allowed, *ref.type);
    };
    return fits(a.subject, info->domain) && fits(a.object, info->range);
  }

  std::string_view s_;
  const PredicateVocabulary& vocabulary_;
  const ParseLimits& limits_;
  size_t i_ = 0;
};

// Bounds on the canonical JSON of an assertion, so that the direct check never passes one whose text the
// JSONL reader would refuse as too long or too deep: every byte is at most 6 when escaped ("\u00XX"),
// and the keys, quotes and numbers of all fields take less than kJsonOverhead.
constexpr size_t kJsonOverhead = 512;
constexpr int kCanonicalDepth = 2;  // the top object and the subject, object, source or evidence object

bool EntityFits(const EntityRef& ref, const ParseLimits& limits) {
  if (!HasNonSpace(ref.name) || CodePoints(ref.name) > kMaxNameLength) return false;
  if (limits.names_without_controls && FindForbiddenNameCharacter(ref.name)) return false;
  if (!ref.external_id.empty() && CodePoints(ref.external_id) > kMaxExternalIdLength) return false;
  return ref.lang.empty() || IsLanguageTag(ref.lang);
}

// A number the canonical JSON writes and the reader takes back as the same value within [0, max].
bool NumberFits(double d, double max) { return std::isfinite(d) && !std::signbit(d) && d <= max; }

}  // namespace

bool FastCheckAssertion(const Assertion& a, const PredicateVocabulary& vocabulary, const ParseLimits& limits) {
  if (!limits.fast_path || limits.max_depth < kCanonicalDepth) return false;
  size_t bytes = 0;
  for (const std::string* text : {&a.subject.name, &a.object.name, &a.predicate, &a.currency, &a.date, &a.period,
                                  &a.source_uri, &a.source_title, &a.source_published, &a.evidence_text, &a.extractor,
                                  &a.subject.external_id, &a.object.external_id, &a.subject.lang, &a.object.lang}) {
    bytes += text->size();
  }
  if (bytes * 6 + kJsonOverhead > limits.max_line_bytes) return false;

  if (!EntityFits(a.subject, limits) || !EntityFits(a.object, limits)) return false;
  if (!IsPredicateName(a.predicate)) return false;
  const PredicateInfo* info = vocabulary.Find(a.predicate);
  if (info == nullptr && !limits.allow_new_predicates) return false;
  if (info != nullptr) {
    if (a.subject.type && !TypeAllowed(info->domain, *a.subject.type)) return false;
    if (a.object.type && !TypeAllowed(info->range, *a.object.type)) return false;
  }
  if (a.amount && !NumberFits(*a.amount, kMaxAmount)) return false;
  if (!a.currency.empty() && !IsCurrency(a.currency)) return false;
  if (!a.date.empty() && !IsDate(a.date)) return false;
  if (CodePoints(a.period) > kMaxPeriodLength) return false;
  if (a.confidence && !NumberFits(*a.confidence, 1)) return false;
  // The source's title and date are only written with its URI.
  if (!a.source_uri.empty()) {
    if (CodePoints(a.source_uri) > kMaxUriLength || CodePoints(a.source_title) > kMaxTitleLength) return false;
    if (!a.source_published.empty() && !IsDate(a.source_published)) return false;
  }
  if (CodePoints(a.evidence_text) > kMaxEvidenceTextLength) return false;
  for (const std::optional<int64_t>& offset : {a.evidence_start, a.evidence_end}) {
    if (offset && (*offset < 0 || static_cast<double>(*offset) > kMaxOffset)) return false;
  }
  return CodePoints(a.extractor) <= kMaxExtractorLength;
}

std::optional<Assertion> FastParseAssertion(std::string_view line, const PredicateVocabulary& vocabulary,
                                            const ParseLimits& limits) {
  Assertion a;
  if (!FastParser(line, vocabulary, limits).Run(&a)) return std::nullopt;
  return a;
}

}  // namespace kg::schema
