#include "export/evidence_fields.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "text/byte_runs.h"
#include "text/utf8.h"

namespace kg::exporter {
namespace {

constexpr double kMaxOffset = 9007199254740991.0;  // 2^53 - 1, as schema/value_rules.h bounds offsets
constexpr int kMaxSkipDepth = 8;                    // subject and object nest one level; more is corruption

// One pass over one line. Every method returns false on the first thing it cannot read, after
// recording where and what it expected; Scan() turns that into the DataLoss status.
class Scanner {
 public:
  Scanner(std::string_view s, EvidenceFields* fields, EvidenceScope scope)
      : s_(s), f_(fields), all_(scope == EvidenceScope::kAll) {}

  Status Scan() {
    Reset();
    if (!Run()) {
      return DataLoss("stored evidence is corrupt at byte " + std::to_string(error_at_) + ": " + error_ +
                      " (run kg check)");
    }
    return Status::Ok();
  }

 private:
  // The field bits, in canonical order.
  enum Field : unsigned {
    kSubject = 1u << 0,
    kPredicate = 1u << 1,
    kObject = 1u << 2,
    kAmount = 1u << 3,
    kCurrency = 1u << 4,
    kDate = 1u << 5,
    kPeriod = 1u << 6,
    kConfidence = 1u << 7,
    kSource = 1u << 8,
    kEvidence = 1u << 9,
    kExtractor = 1u << 10,
  };

  // Empties every field but keeps the strings' storage for the next line.
  void Reset() {
    f_->amount.reset();
    f_->confidence.reset();
    f_->evidence_start.reset();
    f_->evidence_end.reset();
    for (std::string* s : {&f_->currency, &f_->date, &f_->period, &f_->source_uri, &f_->source_title,
                           &f_->source_published, &f_->evidence_text, &f_->extractor}) {
      s->clear();
    }
  }

  bool Fail(const char* what) {
    if (error_ == nullptr) {
      error_ = what;
      error_at_ = i_;
    }
    return false;
  }

  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool AtEnd() const { return i_ >= s_.size(); }
  bool Consume(char c) {
    if (AtEnd() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool Expect(char c, const char* what) { return Consume(c) || Fail(what); }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }

  bool Run() {
    SkipSpace();
    if (!Expect('{', "expected '{'")) return false;
    unsigned seen = 0;
    SkipSpace();
    if (!Consume('}')) {
      while (true) {
        std::string_view key;
        SkipSpace();
        const size_t key_at = i_;  // errors about the field point at its name
        if (!Key(&key)) return false;
        const unsigned bit = TopLevelBit(key);
        if (bit == 0) return FailAt(key_at, "unknown field");
        if (seen & bit) return FailAt(key_at, "repeated field");
        seen |= bit;
        if (!TopLevelValue(bit)) return false;
        SkipSpace();
        if (Consume(',')) continue;
        if (Consume('}')) break;
        return Fail("expected ',' or '}'");
      }
    }
    SkipSpace();
    if (!AtEnd()) return Fail("unexpected bytes after the object");
    constexpr unsigned kRequired = kSubject | kPredicate | kObject;
    if ((seen & kRequired) != kRequired) return Fail("subject, predicate or object missing");
    return true;
  }

  // Where a field that only a full scan keeps goes: nowhere, in a summary scan.
  std::string* Kept(std::string* field) const { return all_ ? field : nullptr; }

  bool FailAt(size_t at, const char* what) {
    i_ = at;
    return Fail(what);
  }

  static unsigned TopLevelBit(std::string_view key) {
    static constexpr std::string_view kKeys[] = {"subject", "predicate", "object", "amount", "currency", "date",
                                                 "period", "confidence", "source", "evidence", "extractor"};
    for (unsigned k = 0; k < 11; ++k) {
      if (kKeys[k] == key) return 1u << k;
    }
    return 0;
  }

  bool TopLevelValue(unsigned bit) {
    switch (bit) {
      case kSubject:
      case kObject: return SkipValue(0);
      case kPredicate: return String(nullptr);
      case kAmount: return Number(&f_->amount);
      case kCurrency: return String(&f_->currency);
      case kDate: return String(&f_->date);
      case kPeriod: return String(&f_->period);
      case kConfidence: return Number(&f_->confidence);
      case kSource: return Source();
      case kEvidence: return Evidence();
      case kExtractor: return String(Kept(&f_->extractor));
    }
    return Fail("unknown field");
  }

  // A key and its colon. Keys that kg writes have no escapes; one that has them is decoded.
  bool Key(std::string_view* key) {
    SkipSpace();
    if (Peek() != '"') return Fail("expected a field name");
    const size_t start = i_ + 1;
    const size_t end = start + text::JsonPlainRun(s_.substr(start));
    if (end < s_.size() && s_[end] == '"') {
      *key = s_.substr(start, end - start);
      i_ = end + 1;
    } else {
      if (!String(&key_scratch_)) return false;
      *key = key_scratch_;
    }
    SkipSpace();
    if (!Expect(':', "expected ':'")) return false;
    SkipSpace();
    return true;
  }

  bool Hex4(uint32_t* out) {
    if (i_ + 4 > s_.size()) return Fail("truncated \\u escape");
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v |= c - 'A' + 10;
      } else {
        return Fail("bad hex digit in \\u escape");
      }
      ++i_;
    }
    *out = v;
    return true;
  }

  // A JSON string, decoded into *out (replacing what it held), or checked and dropped when out is null.
  bool String(std::string* out) {
    if (out == nullptr && Peek() == '"') return SkipString();
    if (!Consume('"')) return Fail("expected a string");
    const bool keep = out != nullptr;
    if (keep) out->clear();
    while (true) {
      const size_t start = i_;
      i_ += text::JsonPlainRun(s_.substr(i_));
      if (keep) out->append(s_.data() + start, i_ - start);
      if (AtEnd()) return Fail("unterminated string");
      const char c = s_[i_];
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c != '\\') return Fail("control character in a string");
      const size_t escape_at = i_;  // errors about an escape point at its backslash
      if (++i_ >= s_.size()) return Fail("unterminated string");
      const char e = s_[i_++];
      char decoded = 0;
      switch (e) {
        case '"': decoded = '"'; break;
        case '\\': decoded = '\\'; break;
        case '/': decoded = '/'; break;
        case 'b': decoded = '\b'; break;
        case 'f': decoded = '\f'; break;
        case 'n': decoded = '\n'; break;
        case 'r': decoded = '\r'; break;
        case 't': decoded = '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return FailAt(escape_at, "unpaired low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (!Consume('\\') || !Consume('u')) return FailAt(escape_at, "high surrogate without its low surrogate");
            if (!Hex4(&low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return FailAt(escape_at, "high surrogate without its low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          if (keep) text::AppendUtf8(cp, out);
          continue;
        }
        default:
          return FailAt(escape_at, "bad escape in a string");
      }
      if (keep) out->push_back(decoded);
    }
  }

  // Steps over a string whose text no export needs: memchr to each quote, which ends the string unless
  // an odd number of backslashes precedes it. Its escapes and bytes are not checked (the writer did);
  // its end is.
  bool SkipString() {
    ++i_;  // '"'
    while (true) {
      const void* found = std::memchr(s_.data() + i_, '"', s_.size() - i_);
      if (found == nullptr) {
        i_ = s_.size();
        return Fail("unterminated string");
      }
      const size_t quote = static_cast<const char*>(found) - s_.data();
      size_t backslashes = 0;
      while (quote - backslashes > i_ && s_[quote - backslashes - 1] == '\\') ++backslashes;
      i_ = quote + 1;
      if (backslashes % 2 == 0) return true;
    }
  }

  // The extent of a JSON number at i_, checked against JSON's grammar.
  bool NumberText(std::string_view* text) {
    const size_t start = i_;
    auto digit = [this] { return Peek() >= '0' && Peek() <= '9'; };
    Consume('-');
    if (Peek() == '0') {
      ++i_;
    } else if (digit()) {
      while (digit()) ++i_;
    } else {
      return Fail("expected a number");
    }
    if (Consume('.')) {
      if (!digit()) return Fail("expected a digit after '.'");
      while (digit()) ++i_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++i_;
      if (Peek() == '+' || Peek() == '-') ++i_;
      if (!digit()) return Fail("expected a digit in the exponent");
      while (digit()) ++i_;
    }
    *text = s_.substr(start, i_ - start);
    return true;
  }

  bool Number(std::optional<double>* out) {
    const size_t start = i_;
    std::string_view text;
    if (!NumberText(&text)) return false;
    double d = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(d)) {
      return FailAt(start, "number out of range");
    }
    *out = d;
    return true;
  }

  // A character offset: a whole number from 0 to 2^53 - 1, written as any JSON number.
  bool Offset(std::optional<int64_t>* out) {
    const size_t start = i_;
    std::optional<double> d;
    if (!Number(&d)) return false;
    if (*d < 0 || *d > kMaxOffset || std::floor(*d) != *d) return FailAt(start, "offset is not a whole number in range");
    *out = static_cast<int64_t>(*d);
    return true;
  }

  // A nested object of up to three known members, each at most once, and the messages for its faults.
  struct Members {
    const char* not_object;
    const char* unknown;
    const char* repeated;
    std::string_view names[3];
  };

  // Reads an object whose members are among `members`, handing each value to read(index of its name).
  template <typename Read>
  bool Object(const Members& members, Read read) {
    if (!Expect('{', members.not_object)) return false;
    SkipSpace();
    if (Consume('}')) return true;
    unsigned seen = 0;
    while (true) {
      std::string_view key;
      SkipSpace();
      const size_t key_at = i_;
      if (!Key(&key)) return false;
      int member = 0;
      while (member < 3 && members.names[member] != key) ++member;
      if (member == 3) return FailAt(key_at, members.unknown);
      if (seen & (1u << member)) return FailAt(key_at, members.repeated);
      seen |= 1u << member;
      if (!read(member)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) return true;
      return Fail("expected ',' or '}'");
    }
  }

  bool Source() {
    static constexpr Members kSourceMembers = {"expected the source object", "unknown source field",
                                               "repeated source field", {"uri", "title", "published"}};
    return Object(kSourceMembers, [&](int member) {
      return String(member == 0 ? &f_->source_uri : Kept(member == 1 ? &f_->source_title : &f_->source_published));
    });
  }

  bool Evidence() {
    static constexpr Members kEvidenceMembers = {"expected the evidence object", "unknown evidence field",
                                                 "repeated evidence field", {"text", "start", "end"}};
    return Object(kEvidenceMembers, [&](int member) {
      return member == 0   ? String(Kept(&f_->evidence_text))
             : member == 1 ? Offset(all_ ? &f_->evidence_start : &dropped_offset_)
                           : Offset(all_ ? &f_->evidence_end : &dropped_offset_);
    });
  }

  // Any JSON value, checked and dropped: the subject and object, which no export reads from here.
  bool SkipValue(int depth) {
    if (depth > kMaxSkipDepth) return Fail("nested too deeply");
    const char c = Peek();
    if (c == '"') return String(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      SkipSpace();
      if (Consume(close)) return true;
      while (true) {
        if (c == '{') {
          std::string_view key;
          if (!Key(&key)) return false;
        }
        if (!SkipValue(depth + 1)) return false;
        SkipSpace();
        if (Consume(',')) {
          SkipSpace();
          continue;
        }
        if (Consume(close)) return true;
        return Fail(c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
    for (std::string_view word : {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
      if (s_.substr(i_, word.size()) == word) {
        i_ += word.size();
        return true;
      }
    }
    std::string_view number;
    return NumberText(&number);
  }

  std::string_view s_;
  EvidenceFields* f_;
  bool all_;
  std::optional<int64_t> dropped_offset_;
  size_t i_ = 0;
  const char* error_ = nullptr;
  size_t error_at_ = 0;
  std::string key_scratch_;  // a key written with escapes
};

}  // namespace

Status ScanEvidenceFields(std::string_view line, EvidenceFields* fields, EvidenceScope scope) {
  return Scanner(line, fields, scope).Scan();
}

}  // namespace kg::exporter
