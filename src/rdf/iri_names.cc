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
  // "http://x.example/a/#" names "a": trailing separators leave nothing to name, so the segment before them
  // does; an IRI of separators alone names itself.
  std::string_view trimmed = iri;
  while (!trimmed.empty() && (trimmed.back() == '/' || trimmed.back() == '#')) trimmed.remove_suffix(1);
  if (trimmed.empty()) return iri;
  size_t cut = trimmed.find_last_of("/#");
  return cut == std::string_view::npos ? trimmed : trimmed.substr(cut + 1);
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

}  // namespace kg::rdf
