#include "text/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <vector>

namespace kg::text {
namespace {

bool IsSeparator(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  int8_t type = u_charType(c);
  switch (type) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CONTROL_CHAR:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) words.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// For ASCII text the ICU steps below reduce to lower-casing and turning separators into single spaces;
// the table holds IsSeparator's verdict for each ASCII code point, so both paths agree by construction.
// Names are normalised many times per article, and most are ASCII.
std::string NormalizeAscii(std::string_view name) {
  static const std::array<bool, 128> kSeparator = [] {
    std::array<bool, 128> table{};
    for (int c = 0; c < 128; ++c) table[static_cast<size_t>(c)] = IsSeparator(c);
    return table;
  }();
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (kSeparator[c]) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return NormalizeAscii(name);
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(error);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) return std::string(name);  // ICU data missing: fall back to the raw bytes

  icu::UnicodeString folded =
      nfkc_cf->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), name.size())), error);
  // Decompose so that accents become separate marks we can drop ("é" -> "e" + U+0301).
  icu::UnicodeString decomposed = nfd->normalize(folded, error);
  if (U_FAILURE(error)) return std::string(name);

  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (IsSeparator(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string StripLegalSuffix(const std::string& normalized) {
  // Longest first, so "s a s" wins over "s a"... never matters for correctness but keeps it predictable.
  static const std::array<std::vector<std::string>, 20> kSuffixes = {{
      {"s", "a", "s"}, {"s", "a"}, {"s", "e"}, {"sa"}, {"sas"}, {"se"}, {"ag"}, {"gmbh"}, {"ltd"},
      {"limited"}, {"inc"}, {"incorporated"}, {"corp"}, {"corporation"}, {"llc"}, {"plc"}, {"nv"},
      {"bv"}, {"spa"}, {"co"},
  }};
  std::vector<std::string> words = SplitWords(normalized);
  for (const auto& suffix : kSuffixes) {
    if (words.size() <= suffix.size()) continue;
    if (!std::equal(suffix.begin(), suffix.end(), words.end() - suffix.size())) continue;
    words.resize(words.size() - suffix.size());
    std::string out;
    for (const auto& w : words) {
      if (!out.empty()) out += ' ';
      out += w;
    }
    return out;
  }
  return normalized;
}

}  // namespace kg::text
