#include "rdf/iri_names.h"

#include <cctype>
#include <cstdint>
#include <cstring>

namespace kg::rdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendPercent(std::string* out, unsigned char c) {
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

std::string Encode(std::string_view name, bool keep_underscore) {
  std::string out;
  out.reserve(name.size() + 8);
  for (unsigned char c : name) {
    if (IsUnreserved(c) || (keep_underscore && c == '_')) {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ' && !keep_underscore) {
      out.push_back('_');
    } else {
      AppendPercent(&out, c);
    }
  }
  return out;
}

std::string PercentDecode(std::string_view s, bool underscore_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else if (s[i] == '_' && underscore_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// IRIREF's excluded characters: #x00-#x20 and <>"{}|^`\ .
bool ForbiddenInIri(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
         c == '`' || c == '\\';
}

}  // namespace

std::string EncodeEntityName(std::string_view name) { return Encode(name, false); }
std::string EncodePredicateName(std::string_view predicate) { return Encode(predicate, true); }

std::string_view LocalName(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

std::string EntityNameFromIri(std::string_view iri) { return PercentDecode(LocalName(iri), true); }

std::string PredicateFromIri(std::string_view iri) {
  const std::string local = PercentDecode(LocalName(iri), false);
  std::string out;
  out.reserve(local.size() + 4);
  for (size_t i = 0; i < local.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(local[i]);
    if (c >= 'A' && c <= 'Z') {
      const bool after_lower = i > 0 && (std::islower(static_cast<unsigned char>(local[i - 1])) != 0 ||
                                         std::isdigit(static_cast<unsigned char>(local[i - 1])) != 0);
      if (after_lower) out.push_back('_');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '-' || c == '.') {
      out.push_back('_');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::optional<EntityType> TypeFromIri(std::string_view iri) {
  return ParseEntityType(PercentDecode(LocalName(iri), false));
}

void AppendIri(std::string* out, std::string_view iri) {
  out->push_back('<');
  for (unsigned char c : iri) {
    if (ForbiddenInIri(c)) {
      AppendPercent(out, c);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back('>');
}

void AppendLiteral(std::string* out, std::string_view text) {
  out->push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

bool IsValidUtf8(std::string_view s) { return FirstInvalidUtf8(s) == std::string_view::npos; }

size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Skip ASCII eight bytes at a time: most lines are mostly ASCII.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + extra >= s.size()) return i;
    for (int k = 1; k <= extra; ++k) {
      unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::string_view::npos;
}

}  // namespace kg::rdf
