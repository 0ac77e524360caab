#include "query/cypher_lexer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <system_error>
#include <utility>

#include "text/utf8.h"

namespace kg::query {
namespace {

constexpr std::pair<std::string_view, Keyword> kKeywords[] = {
    {"MATCH", Keyword::kMatch},
    {"WHERE", Keyword::kWhere},
    {"RETURN", Keyword::kReturn},
    {"DISTINCT", Keyword::kDistinct},
    {"AS", Keyword::kAs},
    {"ORDER", Keyword::kOrder},
    {"BY", Keyword::kBy},
    {"ASC", Keyword::kAsc},
    {"ASCENDING", Keyword::kAscending},
    {"DESC", Keyword::kDesc},
    {"DESCENDING", Keyword::kDescending},
    {"SKIP", Keyword::kSkip},
    {"LIMIT", Keyword::kLimit},
    {"AND", Keyword::kAnd},
    {"OR", Keyword::kOr},
    {"XOR", Keyword::kXor},
    {"NOT", Keyword::kNot},
    {"IN", Keyword::kIn},
    {"STARTS", Keyword::kStarts},
    {"ENDS", Keyword::kEnds},
    {"WITH", Keyword::kWith},
    {"CONTAINS", Keyword::kContains},
    {"IS", Keyword::kIs},
    {"NULL", Keyword::kNull},
    {"TRUE", Keyword::kTrue},
    {"FALSE", Keyword::kFalse},
    {"OPTIONAL", Keyword::kOptional},
    {"UNWIND", Keyword::kUnwind},
    {"CALL", Keyword::kCall},
    {"UNION", Keyword::kUnion},
    {"CREATE", Keyword::kCreate},
    {"MERGE", Keyword::kMerge},
    {"DELETE", Keyword::kDelete},
    {"DETACH", Keyword::kDetach},
    {"SET", Keyword::kSet},
    {"REMOVE", Keyword::kRemove},
    {"LOAD", Keyword::kLoad},
    {"FOREACH", Keyword::kForeach},
};

Keyword LookUpKeyword(std::string_view word) {
  for (const auto& [spelling, keyword] : kKeywords) {
    if (spelling.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < word.size() && same; ++i) {
      same = std::toupper(static_cast<unsigned char>(word[i])) == spelling[i];
    }
    if (same) return keyword;
  }
  return Keyword::kNone;
}

// The code point at text[offset] and its length in bytes; a negative code point for invalid UTF-8.
UChar32 DecodeAt(std::string_view text, size_t offset, size_t* length) {
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(i) - offset;
  return c;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}


class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    while (true) {
      if (!SkipSpaceAndComments()) break;
      if (i_ >= text_.size()) {
        Token end;
        end.offset = end.end = text_.size();
        tokens_.push_back(std::move(end));
        break;
      }
      if (!LexToken()) break;
    }
    return std::move(tokens_);
  }

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  // Ends the token list with a kError token at `offset`.
  void Fail(size_t offset, std::string_view message) {
    Token error;
    error.kind = TokenKind::kError;
    error.value = SyntaxErrorAt(text_, offset, message).message();
    error.offset = offset;
    error.end = text_.size();
    tokens_.push_back(std::move(error));
  }

  void Push(TokenKind kind, size_t start, std::string value = {}) {
    Token token;
    token.kind = kind;
    token.value = std::move(value);
    token.offset = start;
    token.end = i_;
    tokens_.push_back(std::move(token));
  }

  // Returns false (after Fail) on an unterminated block comment.
  bool SkipSpaceAndComments() {
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if (c == '/' && At(i_ + 1) == '/') {
        while (i_ < text_.size() && text_[i_] != '\n') ++i_;
      } else if (c == '/' && At(i_ + 1) == '*') {
        size_t close = text_.find("*/", i_ + 2);
        if (close == std::string_view::npos) {
          Fail(i_, "expected '*/' to close this comment, found end of query");
          return false;
        }
        i_ = close + 2;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        // Unicode spaces, such as the no-break space that word processors put in pasted queries.
        size_t length = 0;
        UChar32 cp = DecodeAt(text_, i_, &length);
        if (cp < 0 || !u_isUWhiteSpace(cp)) return true;
        i_ += length;
      } else {
        return true;
      }
    }
    return true;
  }

  bool LexToken() {
    size_t start = i_;
    char c = text_[i_];
    size_t length = 0;
    if (IsNameStart(text_, i_, &length)) return LexName();
    if (IsAsciiDigit(c) || (c == '.' && IsAsciiDigit(At(i_ + 1)))) return LexNumber();
    if (c == '\'' || c == '"') {
      std::string value;
      Result<size_t> after = ReadQuotedString(text_, i_, &value);
      if (!after.ok()) {
        Token error;
        error.kind = TokenKind::kError;
        error.value = after.status().message();
        error.offset = start;
        error.end = text_.size();
        tokens_.push_back(std::move(error));
        return false;
      }
      i_ = *after;
      Push(TokenKind::kString, start, std::move(value));
      return true;
    }
    if (c == '`') return LexQuotedName();
    if (c == '$') {
      ++i_;
      while (i_ < text_.size() && IsNamePart(text_, i_, &length)) i_ += length;
      Push(TokenKind::kParameter, start, std::string(text_.substr(start + 1, i_ - start - 1)));
      return true;
    }
    return LexPunctuation();
  }

  bool LexName() {
    size_t start = i_;
    size_t length = 0;
    while (i_ < text_.size() && IsNamePart(text_, i_, &length)) i_ += length;
    std::string name(text_.substr(start, i_ - start));
    Keyword keyword = LookUpKeyword(name);
    Push(TokenKind::kIdentifier, start, std::move(name));
    tokens_.back().keyword = keyword;
    return true;
  }

  bool LexQuotedName() {
    size_t start = i_++;
    std::string name;
    while (true) {
      if (i_ >= text_.size()) {
        Fail(start, "expected '`' to close this name, found end of query");
        return false;
      }
      if (text_[i_] == '`') {
        if (At(i_ + 1) != '`') break;
        ++i_;  // `` inside a quoted name stands for one backtick, as in Neo4j
      }
      name.push_back(text_[i_++]);
    }
    ++i_;
    if (name.empty()) {
      Fail(start, "expected a name between the backticks, found '``'");
      return false;
    }
    Push(TokenKind::kQuotedName, start, std::move(name));
    return true;
  }

  bool LexNumber() {
    size_t start = i_;
    bool is_float = false;
    while (IsAsciiDigit(At(i_))) ++i_;
    // "1..3" is a hop range, so a dot only starts a fraction when a digit follows it.
    if (At(i_) == '.' && IsAsciiDigit(At(i_ + 1))) {
      is_float = true;
      ++i_;
      while (IsAsciiDigit(At(i_))) ++i_;
    }
    if (At(i_) == 'e' || At(i_) == 'E') {
      size_t digits = i_ + 1;
      if (At(digits) == '+' || At(digits) == '-') ++digits;
      if (IsAsciiDigit(At(digits))) {
        is_float = true;
        i_ = digits;
        while (IsAsciiDigit(At(i_))) ++i_;
      }
    }
    size_t length = 0;
    if (i_ < text_.size() && IsNamePart(text_, i_, &length)) {
      size_t word_end = i_;
      while (word_end < text_.size() && IsNamePart(text_, word_end, &length)) word_end += length;
      Fail(start, "expected a number, found " + QuoteSource(text_, start, word_end));
      return false;
    }
    std::string_view digits = text_.substr(start, i_ - start);
    if (is_float) {
      double value = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec != std::errc() || ptr != digits.data() + digits.size()) {
        Fail(start, "expected a number within the range of a double, found " + QuoteSource(text_, start, i_));
        return false;
      }
      Push(TokenKind::kFloat, start, std::string(digits));
      tokens_.back().float_value = value;
      return true;
    }
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) {
      Fail(start, "expected an integer that fits in 64 bits, found " + QuoteSource(text_, start, i_));
      return false;
    }
    Push(TokenKind::kInteger, start, std::string(digits));
    tokens_.back().int_value = value;
    return true;
  }

  bool LexPunctuation() {
    size_t start = i_;
    char c = text_[i_];
    char next = At(i_ + 1);
    auto two = [&](TokenKind kind) {
      i_ += 2;
      Push(kind, start);
      return true;
    };
    auto one = [&](TokenKind kind) {
      i_ += 1;
      Push(kind, start);
      return true;
    };
    switch (c) {
      case '(':
        return one(TokenKind::kLParen);
      case ')':
        return one(TokenKind::kRParen);
      case '[':
        return one(TokenKind::kLBracket);
      case ']':
        return one(TokenKind::kRBracket);
      case '{':
        return one(TokenKind::kLBrace);
      case '}':
        return one(TokenKind::kRBrace);
      case ',':
        return one(TokenKind::kComma);
      case ':':
        return one(TokenKind::kColon);
      case ';':
        return one(TokenKind::kSemicolon);
      case '|':
        return one(TokenKind::kPipe);
      case '*':
        return one(TokenKind::kStar);
      case '+':
        return one(TokenKind::kPlus);
      case '/':
        return one(TokenKind::kSlash);
      case '%':
        return one(TokenKind::kPercent);
      case '=':
        return one(TokenKind::kEq);
      case '.':
        return next == '.' ? two(TokenKind::kDotDot) : one(TokenKind::kDot);
      case '-':
        return next == '>' ? two(TokenKind::kArrowRight) : one(TokenKind::kDash);
      case '>':
        return next == '=' ? two(TokenKind::kGe) : one(TokenKind::kGt);
      case '<':
        if (next == '-') return two(TokenKind::kArrowLeft);
        if (next == '=') return two(TokenKind::kLe);
        if (next == '>') return two(TokenKind::kNe);
        return one(TokenKind::kLt);
      case '!':
        if (next == '=') {
          Fail(start, "expected '<>' (Cypher's not-equal), found '!='");
          return false;
        }
        break;
      default:
        break;
    }
    size_t length = 0;
    if (DecodeAt(text_, i_, &length) < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
      Fail(start, std::string("expected UTF-8 text, found byte ") + hex);
      return false;
    }
    Fail(start, "expected a Cypher token, found " + QuoteSource(text_, start, start + length));
    return false;
  }

  std::string_view text_;
  size_t i_ = 0;
  std::vector<Token> tokens_;
};

// Reads the four hex digits of a \u escape whose backslash is at `backslash`; -1 when they are not there.
int32_t ReadHex4(std::string_view text, size_t backslash) {
  if (backslash + 6 > text.size()) return -1;
  int32_t value = 0;
  for (size_t k = backslash + 2; k < backslash + 6; ++k) {
    int digit = HexDigit(text[k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::vector<Token> TokenizeCypher(std::string_view text) { return Lexer(text).Run(); }

Result<size_t> ReadQuotedString(std::string_view text, size_t offset, std::string* value) {
  const char quote = text[offset];
  value->clear();
  size_t i = offset + 1;
  while (true) {
    if (i >= text.size()) {
      return SyntaxErrorAt(text, offset,
                           std::string("expected a closing ") + quote + " for this string, found end of query");
    }
    char c = text[i];
    if (c == quote) return i + 1;
    if (c != '\\') {
      size_t length = 0;
      if (DecodeAt(text, i, &length) < 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
        return SyntaxErrorAt(text, i, std::string("expected UTF-8 text, found byte ") + hex);
      }
      value->append(text.substr(i, length));
      i += length;
      continue;
    }
    char e = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (e) {
      case '\'':
      case '"':
      case '\\':
        value->push_back(e);
        i += 2;
        continue;
      case 'n':
        value->push_back('\n');
        i += 2;
        continue;
      case 't':
        value->push_back('\t');
        i += 2;
        continue;
      case 'r':
        value->push_back('\r');
        i += 2;
        continue;
      case 'b':
        value->push_back('\b');
        i += 2;
        continue;
      case 'f':
        value->push_back('\f');
        i += 2;
        continue;
      case 'u':
        break;
      default: {
        if (i + 1 >= text.size()) {
          return SyntaxErrorAt(text, i, "expected an escape such as \\n or \\u00e9 after '\\', found end of query");
        }
        size_t length = 0;
        DecodeAt(text, i + 1, &length);
        return SyntaxErrorAt(text, i,
                             "expected an escape such as \\n or \\u00e9 after '\\', found " +
                                 QuoteSource(text, i, i + 1 + std::max<size_t>(length, 1)));
      }
    }
    int32_t unit = ReadHex4(text, i);
    if (unit < 0) {
      size_t stop = i + 2;
      while (stop < std::min(text.size(), i + 6) && HexDigit(text[stop]) >= 0) ++stop;
      return SyntaxErrorAt(text, i, "expected four hex digits after \\u, found " + QuoteSource(text, i, stop));
    }
    size_t escape_start = i;
    i += 6;
    UChar32 code_point = unit;
    if (U16_IS_LEAD(unit)) {
      // JSON-style surrogate pairs (\uD83D\uDE00) spell code points above U+FFFF.
      int32_t trail = (i + 1 < text.size() && text[i] == '\\' && text[i + 1] == 'u') ? ReadHex4(text, i) : -1;
      if (trail < 0 || !U16_IS_TRAIL(trail)) {
        return SyntaxErrorAt(
            text, escape_start,
            "expected a low surrogate \\uDC00-\\uDFFF after " + QuoteSource(text, escape_start, escape_start + 6) +
                ", found " +
                QuoteSource(text, i, i < text.size() && text[i] == '\\' ? std::min(text.size(), i + 6) : i + 1));
      }
      code_point = U16_GET_SUPPLEMENTARY(unit, trail);
      i += 6;
    } else if (U16_IS_TRAIL(unit)) {
      return SyntaxErrorAt(text, escape_start,
                           "expected a high surrogate before the low surrogate, found " +
                               QuoteSource(text, escape_start, escape_start + 6));
    }
    text::AppendUtf8(static_cast<uint32_t>(code_point), value);
  }
}

bool IsNameStart(std::string_view text, size_t offset, size_t* length) {
  char c = text[offset];
  *length = 1;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  UChar32 cp = DecodeAt(text, offset, length);
  return cp >= 0 && u_isIDStart(cp);
}

bool IsNamePart(std::string_view text, size_t offset, size_t* length) {
  if (IsNameStart(text, offset, length)) return true;
  char c = text[offset];
  *length = 1;
  if (c >= '0' && c <= '9') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  UChar32 cp = DecodeAt(text, offset, length);
  return cp >= 0 && u_isIDPart(cp) && !u_isIDIgnorable(cp);
}

std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // continuation bytes belong to the code point before them
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Status SyntaxErrorAt(std::string_view text, size_t offset, std::string_view message) {
  return InvalidArgument(LineColumn(text, offset) + ": " + std::string(message));
}

std::string QuoteSource(std::string_view text, size_t begin, size_t end) {
  if (begin >= text.size()) return "end of query";
  constexpr size_t kMaxShown = 40;
  std::string_view shown = text.substr(begin, end - begin);
  if (shown.size() <= kMaxShown) return "'" + std::string(shown) + "'";
  size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  return "'" + std::string(shown.substr(0, cut)) + "...'";
}

}  // namespace kg::query
