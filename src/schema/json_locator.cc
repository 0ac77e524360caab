#include "schema/json_locator.h"

#include <algorithm>
#include <cstdint>

namespace kg::schema {
namespace {

// A forward-only walk over text already known to be valid JSON.
class Walker {
 public:
  explicit Walker(std::string_view s) : s_(s) {}

  // The offset of the value at `path`, or of its key when `want_key`.
  std::optional<size_t> Find(const std::vector<std::string>& path, size_t depth, bool want_key) {
    SkipSpace();
    if (depth == path.size()) return i_;
    if (Peek() != '{') return std::nullopt;
    ++i_;
    while (true) {
      SkipSpace();
      if (Peek() != '"') return std::nullopt;
      size_t key_start = i_;
      std::string key = ReadString();
      SkipSpace();
      ++i_;  // ':'
      if (key == path[depth]) {
        if (want_key && depth + 1 == path.size()) return key_start;
        return Find(path, depth + 1, want_key);
      }
      SkipValue();
      SkipSpace();
      if (Peek() != ',') return std::nullopt;
      ++i_;
    }
  }

 private:
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }

  // Returns the raw characters between the quotes; escaped keys never equal our ASCII field names, which
  // only costs the column in that odd case.
  std::string ReadString() {
    size_t start = ++i_;
    while (i_ < s_.size() && s_[i_] != '"') i_ += (s_[i_] == '\\') ? 2 : 1;
    std::string out(s_.substr(start, i_ - start));
    ++i_;
    return out;
  }

  void SkipValue() {
    SkipSpace();
    char c = Peek();
    if (c == '"') {
      ReadString();
      return;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      do {
        char d = Peek();
        if (d == '"') {
          ReadString();
          continue;
        }
        if (d == '{' || d == '[') ++depth;
        if (d == '}' || d == ']') --depth;
        ++i_;
      } while (depth > 0 && i_ < s_.size());
      return;
    }
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']') ++i_;
  }

  std::string_view s_;
  size_t i_ = 0;
};

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsStructural(char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as RFC 8259 writes a number.
bool IsJsonNumber(std::string_view w) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < w.size() && IsDigit(w[i])) ++i;
    return i > start;
  };
  if (i < w.size() && w[i] == '-') ++i;
  if (i < w.size() && w[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < w.size() && w[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < w.size() && (w[i] == 'e' || w[i] == 'E')) {
    ++i;
    if (i < w.size() && (w[i] == '+' || w[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == w.size();
}

bool IsWellFormedWord(std::string_view w) { return w == "true" || w == "false" || w == "null" || IsJsonNumber(w); }

// A string (from its opening quote to just past its closing quote, or to the end of the text when it is
// not closed), or a bare word: a number, a literal, or junk such as `nul`, `01` or `'A'`, which runs to
// the next space, structural character or quote. Tokenising this loosely works on broken JSON too.
struct Token {
  size_t start = 0;
  size_t end = 0;
  bool is_string = false;
  bool closed = true;
};

// The first token of `s` for which `match` returns true.
template <typename Match>
std::optional<Token> FindToken(std::string_view s, Match match) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsJsonSpace(s[i]) || IsStructural(s[i])) {
      ++i;
      continue;
    }
    Token t{i, i, s[i] == '"', true};
    size_t j = i + (t.is_string ? 1 : 0);
    if (t.is_string) {
      while (j < s.size() && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
      t.closed = j < s.size();
      t.end = std::min(j + 1, s.size());
    } else {
      while (j < s.size() && !IsJsonSpace(s[j]) && !IsStructural(s[j]) && s[j] != '"') ++j;
      t.end = j;
    }
    if (match(t)) return t;
    i = t.end;
  }
  return std::nullopt;
}

bool IsHighSurrogateEscape(std::string_view hex) {
  return hex.size() >= 2 && (hex[0] == 'd' || hex[0] == 'D') &&
         std::string_view("89abAB").find(hex[1]) != std::string_view::npos;
}

// The backslash of the last \u escape (the last high surrogate one when `high_only`) in the string that
// starts at `start`, up to `stop`.
std::optional<size_t> LastUnicodeEscape(std::string_view s, size_t start, size_t stop, bool high_only) {
  std::optional<size_t> found;
  for (size_t j = start + 1; j <= stop && j + 1 < s.size(); ++j) {
    if (s[j] != '\\') continue;
    if (s[j + 1] == 'u' && (!high_only || IsHighSurrogateEscape(s.substr(j + 2, 2)))) found = j;
    ++j;  // the escaped character, which may itself be a backslash
  }
  return found;
}

}  // namespace

std::optional<size_t> LocateValue(std::string_view json_text, const std::vector<std::string>& path) {
  return Walker(json_text).Find(path, 0, /*want_key=*/false);
}

std::optional<size_t> LocateKey(std::string_view json_text, const std::vector<std::string>& path) {
  if (path.empty()) return std::nullopt;
  return Walker(json_text).Find(path, 0, /*want_key=*/true);
}

std::optional<size_t> FindBareToken(std::string_view text, std::string_view token) {
  auto found =
      FindToken(text, [&](const Token& t) { return !t.is_string && text.substr(t.start, t.end - t.start) == token; });
  if (!found) return std::nullopt;
  return found->start;
}

size_t LocateSyntaxError(std::string_view text, size_t stop, SyntaxErrorKind kind) {
  if (kind == SyntaxErrorKind::kCharacter) return stop;
  auto token = FindToken(text, [&](const Token& t) {
    if (stop >= t.start && stop < t.end) return true;
    if (stop != t.end) return false;
    // The parser read one byte past a word before it knew the word was wrong ("nul}"), and reports the
    // end of the text for a string that never closes.
    return t.is_string ? !t.closed : !IsWellFormedWord(text.substr(t.start, t.end - t.start));
  });
  if (!token) return stop;
  if (token->is_string && kind != SyntaxErrorKind::kToken) {
    return LastUnicodeEscape(text, token->start, stop, kind == SyntaxErrorKind::kLoneHighSurrogate)
        .value_or(token->start);
  }
  return token->start;
}

std::optional<size_t> FindExcessNesting(std::string_view json_text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json_text.size(); ++i) {
    char c = json_text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace kg::schema
