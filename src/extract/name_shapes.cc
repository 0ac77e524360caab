#include "extract/name_shapes.h"

#include <string>

#include "extract/entity_finder.h"  // IsCapitalised

namespace kg::extract {

// The exact text of tokens [b, e).
std::string_view Written(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e) {
  return text.substr(tokens[b].span.begin, tokens[e - 1].span.end - tokens[b].span.begin);
}

// True when tokens[b, e) is all upper-case letters and digits, optionally with a ".XX" market suffix: the
// shape of a ticker ("XYZ", "SBRY.LN", "ABCD.PA").
bool TickerShape(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e) {
  if (b >= e || e - b > 3) return false;
  const std::string_view w = Written(tokens, text, b, e);
  if (w.size() > 12) return false;
  bool letter = false;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!(c >= '0' && c <= '9') && c != '.') {
      return false;
    }
  }
  return letter;
}

// The length of a parenthesised ticker starting at tokens[i] ("(", ..., ")"), or 0: an exchange and a
// code ("(NYSE: XYZ)", "(OTC:JAPAF)") or a code with a market suffix ("(ABCD.PA)").
size_t TickerLength(const std::vector<ScanToken>& tokens, std::string_view text, size_t i, const Lexicon& lexicon) {
  if (tokens[i].lower != "(") return 0;
  size_t close = i + 1;
  while (close < tokens.size() && close - i <= 8 && tokens[close].lower != ")") ++close;
  if (close >= tokens.size() || tokens[close].lower != ")" || close == i + 1) return 0;
  size_t b = i + 1;
  bool exchange = false;
  for (size_t k = b; k < close; ++k) {
    if (tokens[k].lower == ":") {
      std::string name;
      for (size_t x = b; x < k; ++x) name += (x > b ? " " : "") + tokens[x].lower;
      exchange = lexicon.ticker_exchanges.count(name) > 0;
      if (!exchange) return 0;
      b = k + 1;
      break;
    }
  }
  if (!TickerShape(tokens, text, b, close)) return 0;
  const bool suffixed = Written(tokens, text, b, close).find('.') != std::string_view::npos;
  return exchange || suffixed ? close + 1 - i : 0;
}

// The ISO code of a country abbreviation starting at tokens[i] ("U.S.", "UK", "EE.UU."), with its length
// in tokens; written exactly so, since "us" is also a word.
std::optional<std::string> CountryAbbreviation(const std::vector<ScanToken>& tokens, std::string_view text, size_t i,
                                               const Lexicon& lexicon, size_t* length) {
  if (tokens[i].kind != ScanKind::kWord || !IsCapitalised(tokens[i], text)) return std::nullopt;
  // The longest run of letters and dots written without spaces.
  size_t e = i + 1;
  while (e < tokens.size() && e - i < 6 && !tokens[e].space_before &&
         (tokens[e].lower == "." || (tokens[e].kind == ScanKind::kWord && tokens[e - 1].lower == "."))) {
    ++e;
  }
  for (; e > i; --e) {
    auto it = lexicon.country_abbreviations.find(std::string(Written(tokens, text, i, e)));
    if (it != lexicon.country_abbreviations.end()) {
      // "U.S.-based": the abbreviation ends at its last dot, the hyphen stays for the trigger.
      *length = e - i;
      return it->second;
    }
  }
  return std::nullopt;
}

// "Inicialmente BGL", "Announcing the deal, X", "Finalement Y": an adverb or a gerund, told by its ending,
// is capitalised only because it starts the sentence.
bool HasAbstractNounEnding(const std::string& lower) {
  if (lower.size() >= 7 && lower.compare(lower.size() - 3, 3, "ing") == 0) return true;
  static const char* const kEndings[] = {"ment", "ments", "tion", "tions", "sion", "ness", "ity", "ance", "ence",
                                         "ción", "sión", "miento", "mientos"};
  for (const char* ending : kEndings) {
    const size_t n = std::char_traits<char>::length(ending);
    if (lower.size() > n + 3 && lower.compare(lower.size() - n, n, ending) == 0) return true;
  }
  return false;
}

bool IsAdverbOrGerund(const std::string& lower) {
  // "-ing" only on long words: "Boeing" and "Beijing" are names.
  if (lower.size() >= 9 && lower.compare(lower.size() - 3, 3, "ing") == 0) return true;
  static const char* const kEndings[] = {"mente", "ement", "ly", "ando", "iendo", "erweise"};
  for (const char* ending : kEndings) {
    const size_t n = std::char_traits<char>::length(ending);
    if (lower.size() > n + 3 && lower.compare(lower.size() - n, n, ending) == 0) return true;
  }
  return false;
}

// True when the word is written in capitals only ("DAVOS", "AT"), which makes it no function word.
bool HasEnding(const std::string& lower, const std::vector<std::string>& endings, size_t min_stem) {
  for (const std::string& ending : endings) {
    if (lower.size() >= ending.size() + min_stem &&
        lower.compare(lower.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

bool WrittenInCapitals(const ScanToken& t, std::string_view text) {
  const std::string_view w = text.substr(t.span.begin, t.span.end - t.span.begin);
  for (char c : w) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return !w.empty();
}

bool AllCaps(const ScanToken& t, std::string_view text) {
  if (t.kind != ScanKind::kWord) return false;
  const std::string_view w = text.substr(t.span.begin, t.span.end - t.span.begin);
  bool letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter && w.size() > 1;
}

// True when tokens[e - 1] is a legal form such as "Inc", "AG" or "Co".
bool IsLegalForm(const std::vector<ScanToken>& tokens, size_t e) {
  static const char* const kForms[] = {"inc", "corp", "ltd", "plc", "llc", "sa", "sas", "ag", "se", "gmbh",
                                       "nv", "bv", "spa", "ab", "co"};
  const std::string& w = tokens[e - 1].lower;
  for (const char* f : kForms) {
    if (w == f) return true;
  }
  return false;
}

// True for a German common noun, told by a word list, an organisation noun or a noun ending.
bool IsGermanNoun(const ScanToken& t, const Lexicon& lexicon) {
  if (t.kind != ScanKind::kWord) return false;
  if (lexicon.german_common_nouns.count(t.lower) || lexicon.org_cue_nouns.count(t.lower)) return true;
  // "Standorts", "Konzerns", "Werken": a listed noun with a case or plural ending.
  for (const char* ending : {"s", "es", "n", "en", "e"}) {
    const size_t n = std::char_traits<char>::length(ending);
    if (t.lower.size() > n + 3 && t.lower.compare(t.lower.size() - n, n, ending) == 0 &&
        lexicon.german_common_nouns.count(t.lower.substr(0, t.lower.size() - n))) {
      return true;
    }
  }
  return HasEnding(t.lower, lexicon.german_noun_endings, 3) ||
         HasEndingInAnyCase(t.lower, lexicon.org_cue_noun_endings, 3);
}

// Where a German name starting at tokens[b] ends within [b, e): before a hyphenated noun ("-Konzerns",
// "-Chef", "-Aktie") or a trailing common noun.
size_t GermanNameEnd(const std::vector<ScanToken>& tokens, size_t b, size_t e, const Lexicon& lexicon) {
  for (size_t k = b + 1; k < e; ++k) {
    if (tokens[k].lower == "-" && k + 1 < e && IsGermanNoun(tokens[k + 1], lexicon)) return k;
    if (tokens[k].kind == ScanKind::kWord && IsGermanNoun(tokens[k], lexicon) && tokens[k].space_before) return k;
  }
  return e;
}

bool HasEndingInAnyCase(const std::string& lower, const std::vector<std::string>& endings, size_t min_stem) {
  if (HasEnding(lower, endings, min_stem)) return true;
  for (const char* ending : {"s", "es", "n", "en"}) {
    const size_t n = std::char_traits<char>::length(ending);
    if (lower.size() > n + min_stem && lower.compare(lower.size() - n, n, ending) == 0 &&
        HasEnding(lower.substr(0, lower.size() - n), endings, min_stem)) {
      return true;
    }
  }
  return false;
}

size_t SkipHonorifics(const std::vector<ScanToken>& tokens, size_t k, size_t end, const Lexicon& lexicon) {
  while (k + 2 < end && lexicon.honorifics.count(tokens[k].lower) && tokens[k + 1].lower == ".") k += 2;
  return k;
}

}  // namespace kg::extract
