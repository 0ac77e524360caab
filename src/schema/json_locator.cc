#include "schema/json_locator.h"

#include <cstdint>

namespace kg::schema {
namespace {

// A forward-only walk over text already known to be valid JSON.
class Walker {
 public:
  explicit Walker(std::string_view s) : s_(s) {}

  std::optional<size_t> Find(const std::vector<std::string>& path, size_t depth) {
    SkipSpace();
    if (depth == path.size()) return i_;
    if (Peek() != '{') return std::nullopt;
    ++i_;
    while (true) {
      SkipSpace();
      if (Peek() != '"') return std::nullopt;
      std::string key = ReadString();
      SkipSpace();
      ++i_;  // ':'
      if (key == path[depth]) return Find(path, depth + 1);
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

}  // namespace

std::optional<size_t> LocateValue(std::string_view json_text, const std::vector<std::string>& path) {
  return Walker(json_text).Find(path, 0);
}

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
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
