#include "rdf/ntriples_parser.h"

#include <array>
#include <cctype>
#include <optional>

#include "rdf/iri_names.h"
#include "text/utf8.h"

namespace kg::rdf {
namespace {

// A failure inside the scanner: the byte offset it happened at and why.
struct Failure {
  size_t offset;
  std::string reason;
};

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes the code point at s[*i] (valid UTF-8 is checked beforehand) and advances *i past it.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
  uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += extra + 1;
  return cp;
}

bool IsPnCharsBase(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}
// Without ':', as the RDF 1.1 N-Triples test suite reads the grammar (nt-syntax-bad-bnode-01 and -02
// reject "_::a" and "_:abc:def").
bool IsPnCharsU(uint32_t c) { return IsPnCharsBase(c) || c == '_'; }
bool IsPnChars(uint32_t c) {
  return IsPnCharsU(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

class LineScanner {
 public:
  explicit LineScanner(std::string_view line) : s_(line) {}

  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  size_t pos() const { return pos_; }
  void Advance() { ++pos_; }

  // \uXXXX or \UXXXXXXXX at pos_ (which is at the backslash); appends the code point as UTF-8.
  std::optional<Failure> Uchar(std::string* out) {
    const size_t start = pos_;
    const size_t digits = s_[pos_ + 1] == 'u' ? 4 : 8;
    if (pos_ + 2 + digits > s_.size()) return Failure{start, "incomplete \\" + std::string(1, s_[pos_ + 1]) + " escape"};
    uint32_t cp = 0;
    for (size_t k = 0; k < digits; ++k) {
      char c = s_[pos_ + 2 + k];
      if (!IsHex(c)) return Failure{pos_ + 2 + k, "expected a hex digit in \\" + std::string(1, s_[pos_ + 1]) + " escape"};
      cp = cp * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return Failure{start, "escape is not a Unicode scalar value"};
    text::AppendUtf8(cp, out);
    pos_ += 2 + digits;
    return std::nullopt;
  }

  std::optional<Failure> Iri(std::string* out) {
    const size_t start = pos_;
    ++pos_;  // '<'
    while (true) {
      // Copy the run of ordinary characters at once: most IRIs have no escape at all.
      size_t run = pos_;
      while (run < s_.size() && !Forbidden(static_cast<unsigned char>(s_[run]))) ++run;
      out->append(s_, pos_, run - pos_);
      pos_ = run;
      if (pos_ >= s_.size()) return Failure{start, "unterminated IRI (no '>')"};
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '>') break;
      if (c == '\\') {
        if (pos_ + 1 >= s_.size() || (s_[pos_ + 1] != 'u' && s_[pos_ + 1] != 'U')) {
          return Failure{pos_, "only \\u and \\U escapes are allowed in an IRI"};
        }
        const size_t escape = pos_;
        const size_t before = out->size();
        if (auto failure = Uchar(out)) return failure;
        if (out->size() == before + 1 && Forbidden(static_cast<unsigned char>((*out)[before]))) {
          return Failure{escape, "escape stands for a character not allowed in an IRI"};
        }
        continue;
      }
      return Failure{pos_, std::string("character not allowed in an IRI: ") + Describe(c)};
    }
    ++pos_;  // '>'
    if (!HasScheme(*out)) return Failure{start, "relative IRI (N-Triples needs an absolute IRI with a scheme)"};
    return std::nullopt;
  }

  std::optional<Failure> BlankNode(std::string* out) {
    const size_t start = pos_;
    if (pos_ + 1 >= s_.size() || s_[pos_ + 1] != ':') return Failure{start, "expected '_:' to start a blank node label"};
    pos_ += 2;
    if (pos_ >= s_.size()) return Failure{pos_, "empty blank node label"};
    size_t i = pos_;
    uint32_t first = NextCodePoint(s_, &i);
    if (!IsPnCharsU(first) && !(first >= '0' && first <= '9')) return Failure{pos_, "invalid first character of a blank node label"};
    size_t last_good = i;  // end of the label so far, not counting trailing dots
    while (i < s_.size()) {
      size_t next = i;
      uint32_t c = NextCodePoint(s_, &next);
      if (c == '.') {
        i = next;
        continue;
      }
      if (!IsPnChars(c)) break;
      i = next;
      last_good = i;
    }
    out->assign(s_.substr(pos_, last_good - pos_));
    pos_ = last_good;
    return std::nullopt;
  }

  std::optional<Failure> Literal(Term* term) {
    const size_t start = pos_;
    ++pos_;  // '"'
    while (true) {
      if (pos_ >= s_.size()) return Failure{start, "unterminated string literal"};
      char c = s_[pos_];
      if (c == '"') break;
      if (c == '\\') {
        if (pos_ + 1 >= s_.size()) return Failure{pos_, "incomplete escape"};
        char e = s_[pos_ + 1];
        if (e == 'u' || e == 'U') {
          if (auto failure = Uchar(&term->value)) return failure;
          continue;
        }
        const char* decoded = nullptr;
        switch (e) {
          case 't': decoded = "\t"; break;
          case 'b': decoded = "\b"; break;
          case 'n': decoded = "\n"; break;
          case 'r': decoded = "\r"; break;
          case 'f': decoded = "\f"; break;
          case '"': decoded = "\""; break;
          case '\'': decoded = "'"; break;
          case '\\': decoded = "\\"; break;
          default: return Failure{pos_, std::string("unknown escape \\") + e};
        }
        term->value.append(decoded);
        pos_ += 2;
        continue;
      }
      size_t run = pos_ + 1;
      while (run < s_.size() && s_[run] != '"' && s_[run] != '\\') ++run;
      term->value.append(s_, pos_, run - pos_);
      pos_ = run;
    }
    ++pos_;  // '"'
    // The grammar lets white space stand between a literal and its language tag or datatype.
    size_t after = pos_;
    while (after < s_.size() && (s_[after] == ' ' || s_[after] == '\t')) ++after;
    if (after < s_.size() && (s_[after] == '@' || s_[after] == '^')) pos_ = after;
    if (Peek() == '@') {
      const size_t tag = ++pos_;
      while (pos_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[pos_])) != 0) ++pos_;
      if (pos_ == tag) return Failure{tag - 1, "empty language tag"};
      while (Peek() == '-') {
        const size_t part = ++pos_;
        while (pos_ < s_.size() && std::isalnum(static_cast<unsigned char>(s_[pos_])) != 0) ++pos_;
        if (pos_ == part) return Failure{part - 1, "empty language subtag"};
      }
      term->lang.assign(s_.substr(tag, pos_ - tag));
    } else if (Peek() == '^') {
      if (pos_ + 1 >= s_.size() || s_[pos_ + 1] != '^') return Failure{pos_, "expected '^^' before a datatype"};
      pos_ += 2;
      if (Peek() != '<') return Failure{pos_, "expected a datatype IRI after '^^'"};
      if (auto failure = Iri(&term->datatype)) return failure;
    }
    return std::nullopt;
  }

 private:
  // IRIREF's excluded characters (#x00-#x20 and <>"{}|^`\), as a table: this runs for every byte of
  // every IRI.
  static bool Forbidden(unsigned char c) {
    static constexpr auto kTable = [] {
      std::array<bool, 256> table{};
      for (int i = 0; i <= 0x20; ++i) table[i] = true;
      for (unsigned char x : std::string_view("<>\"{}|^`\\")) table[x] = true;
      return table;
    }();
    return kTable[c];
  }
  static std::string Describe(unsigned char c) {
    if (c == ' ') return "space";
    if (c < 0x20) return "control character " + std::to_string(c);
    return std::string("'") + static_cast<char>(c) + "'";
  }
  static bool HasScheme(const std::string& iri) {
    if (iri.empty() || std::isalpha(static_cast<unsigned char>(iri[0])) == 0) return false;
    for (size_t i = 1; i < iri.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(iri[i]);
      if (c == ':') return true;
      if (std::isalnum(c) == 0 && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

schema::LineError ErrorAt(std::string_view line, size_t offset, const char* field, std::string reason) {
  return {schema::ColumnOf(line, offset), field, std::move(reason)};
}

}  // namespace

ParsedTriple ParseNTriplesLine(std::string_view line) {
  if (auto bad_at = text::FindInvalidUtf8(line)) {
    const size_t bad = *bad_at;
    return ErrorAt(line, bad, "line", "invalid UTF-8 (byte " + std::to_string(bad + 1) + ")");
  }
  LineScanner scan(line);
  scan.SkipSpace();
  if (scan.AtEnd() || scan.Peek() == '#') return std::monostate();

  Triple triple;
  auto fail = [&](const Failure& failure, const char* field) -> ParsedTriple {
    return ErrorAt(line, failure.offset, field, failure.reason);
  };

  triple.subject.offset = scan.pos();
  if (scan.Peek() == '<') {
    if (auto failure = scan.Iri(&triple.subject.value)) return fail(*failure, "subject");
  } else if (scan.Peek() == '_') {
    triple.subject.kind = Term::Kind::kBlank;
    if (auto failure = scan.BlankNode(&triple.subject.value)) return fail(*failure, "subject");
  } else {
    return ErrorAt(line, scan.pos(), "subject", "expected an IRI or a blank node");
  }

  scan.SkipSpace();
  triple.predicate.offset = scan.pos();
  if (scan.Peek() != '<') return ErrorAt(line, scan.pos(), "predicate", "expected an IRI");
  if (auto failure = scan.Iri(&triple.predicate.value)) return fail(*failure, "predicate");

  scan.SkipSpace();
  triple.object.offset = scan.pos();
  if (scan.Peek() == '<') {
    if (auto failure = scan.Iri(&triple.object.value)) return fail(*failure, "object");
  } else if (scan.Peek() == '_') {
    triple.object.kind = Term::Kind::kBlank;
    if (auto failure = scan.BlankNode(&triple.object.value)) return fail(*failure, "object");
  } else if (scan.Peek() == '"') {
    triple.object.kind = Term::Kind::kLiteral;
    if (auto failure = scan.Literal(&triple.object)) return fail(*failure, "object");
  } else {
    return ErrorAt(line, scan.pos(), "object", "expected an IRI, a blank node or a literal");
  }

  scan.SkipSpace();
  if (scan.Peek() != '.') return ErrorAt(line, scan.pos(), "line", "expected '.' at the end of the triple");
  scan.Advance();
  scan.SkipSpace();
  if (!scan.AtEnd() && scan.Peek() != '#') return ErrorAt(line, scan.pos(), "line", "unexpected text after the triple");
  return triple;
}

}  // namespace kg::rdf
