#include "extract/amount_parser.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "extract/currency_names.h"

namespace kg::extract {
namespace {

constexpr double kMaxAmount = 1e18;  // assertion.schema.json: amount maximum
constexpr size_t kMaxDigits = 40;    // beyond this a "number" is an identifier or an attack, not money

struct ScaleWord {
  std::string_view word;
  double factor;
  std::string_view language;  // whose digit conventions the word implies; "" when several languages use it
  bool short_form;            // "m", "bn": only a scale when a currency stands beside the amount
};

// "billion" and "billions" are 1e9 here and 1e12 in French and German; see ScaleFactor.
constexpr ScaleWord kScaleWords[] = {
    {"thousand", 1e3, "en", false},   {"mille", 1e3, "fr", false},       {"mil", 1e3, "es", false},
    {"tausend", 1e3, "de", false},    {"million", 1e6, "", false},       {"millions", 1e6, "", false},
    {"millón", 1e6, "es", false},     {"millones", 1e6, "es", false},    {"millionen", 1e6, "de", false},
    {"milliard", 1e9, "fr", false},   {"milliards", 1e9, "fr", false},   {"millardo", 1e9, "es", false},
    {"millardos", 1e9, "es", false},  {"milliarde", 1e9, "de", false},   {"milliarden", 1e9, "de", false},
    {"billion", 1e9, "", false},      {"billions", 1e9, "", false},      {"billón", 1e12, "es", false},
    {"billones", 1e12, "es", false},  {"billionen", 1e12, "de", false},  {"trillion", 1e12, "en", false},
    {"trillions", 1e12, "en", false}, {"k", 1e3, "", true},              {"m", 1e6, "", true},
    {"mn", 1e6, "en", true},          {"mln", 1e6, "en", true},          {"mio", 1e6, "de", true},
    {"bn", 1e9, "en", true},          {"md", 1e9, "fr", true},           {"mds", 1e9, "fr", true},
    {"mrd", 1e9, "de", true},         {"mrds", 1e9, "fr", true},         {"tn", 1e12, "en", true},
    {"lakh", 1e5, "en", false},       {"lakhs", 1e5, "en", false},       {"crore", 1e7, "en", false},
    {"crores", 1e7, "en", false},
};

// Abbreviations that carry both a scale and a currency: Mexican "mdd" (millones de dólares), "mdp"
// (millones de pesos, always Mexican pesos), "mmdd" (miles de millones de dólares); Moroccan "MDH"
// (millions de dirhams) and "MMDH" (milliards de dirhams).
struct ScaleCurrency {
  ScaleWord scale;
  std::string_view code;
};
constexpr ScaleCurrency kScaleCurrencies[] = {
    {{"mdd", 1e6, "es", false}, "USD"},  {{"mmdd", 1e9, "es", false}, "USD"}, {{"mdp", 1e6, "es", false}, "MXN"},
    {{"mdh", 1e6, "fr", false}, "MAD"},  {{"mmdh", 1e9, "fr", false}, "MAD"},
};

// Number words that can stand before a scale word ("zwölf Milliarden", "un milliard", "eine Milliarde"),
// one to twenty in German, French, Spanish and English. Only read when a currency follows the scale word.
struct NumberWord {
  std::string_view word;
  int value;
};
constexpr NumberWord kNumberWords[] = {
    {"ein", 1},       {"eine", 1},      {"einer", 1},    {"zwei", 2},       {"drei", 3},      {"vier", 4},
    {"fünf", 5},      {"sechs", 6},     {"sieben", 7},   {"acht", 8},       {"neun", 9},      {"zehn", 10},
    {"elf", 11},      {"zwölf", 12},    {"dreizehn", 13}, {"vierzehn", 14}, {"fünfzehn", 15}, {"sechzehn", 16},
    {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19}, {"zwanzig", 20},  {"un", 1},        {"une", 1},
    {"deux", 2},      {"trois", 3},     {"quatre", 4},   {"cinq", 5},       {"six", 6},       {"sept", 7},
    {"huit", 8},      {"neuf", 9},      {"dix", 10},     {"onze", 11},      {"douze", 12},    {"treize", 13},
    {"quatorze", 14}, {"quinze", 15},   {"seize", 16},   {"vingt", 20},     {"uno", 1},       {"una", 1},
    {"dos", 2},       {"tres", 3},      {"cuatro", 4},   {"cinco", 5},      {"seis", 6},      {"siete", 7},
    {"ocho", 8},      {"nueve", 9},     {"diez", 10},    {"doce", 12},      {"trece", 13},    {"catorce", 14},
    {"quince", 15},   {"veinte", 20},   {"one", 1},      {"a", 1},          {"two", 2},       {"three", 3},
    {"four", 4},      {"five", 5},      {"seven", 7},    {"eight", 8},      {"nine", 9},      {"ten", 10},
    {"eleven", 11},   {"twelve", 12},   {"fifteen", 15}, {"twenty", 20},
};

struct CurrencyName {
  std::string_view name;  // lower case
  std::string_view code;
};

constexpr CurrencyName kSymbols[] = {{"€", "EUR"}, {"$", "USD"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}};
// Letters written before "$", as in "US$2.5 million" or "C$40m".
// Letters written after "$", as in "$US10 trillion" or "$A5m" (Australian usage).
constexpr CurrencyName kDollarPrefixes[] = {{"us", "USD"}, {"a", "AUD"}, {"au", "AUD"}, {"c", "CAD"}, {"ca", "CAD"},
                                            {"hk", "HKD"}, {"nz", "NZD"}, {"r", "BRL"},  {"s", "SGD"}};
constexpr std::string_view kCodes[] = {"eur", "usd", "gbp", "jpy", "chf", "cny", "cad", "aud", "hkd",
                                       "inr", "brl", "sek", "nok", "dkk", "krw", "sgd", "mad", "zar",
                                       "mxn", "ars", "cop", "clp", "aed", "nzd", "rub", "try"};
constexpr CurrencyName kWords[] = {
    {"euro", "EUR"},  {"euros", "EUR"},   {"dollar", "USD"},   {"dollars", "USD"},  {"dólar", "USD"},
    {"dólares", "USD"}, {"pound", "GBP"}, {"pounds", "GBP"},   {"sterling", "GBP"}, {"pfund", "GBP"},
    {"yen", "JPY"},   {"yens", "JPY"},    {"yuan", "CNY"},     {"yuans", "CNY"},    {"renminbi", "CNY"},
    {"franken", "CHF"}, {"rupees", "INR"}, {"roupies", "INR"}, {"rupee", "INR"},    {"rand", "ZAR"},
    // The dirham of French-language news is Morocco's; "DH" is its usual abbreviation there.
    {"dirham", "MAD"}, {"dirhams", "MAD"}, {"dh", "MAD"},     {"dhs", "MAD"},
};
// Currency names several countries share, with the codes they may mean. Such a name makes a number money,
// but its code is the caller's default when that is one of the codes, else unknown (""): "pesos" alone is
// Mexican, Argentine, Colombian, Chilean... and a wrong code is worse than none.
struct SharedCurrencyName {
  std::string_view name;
  std::string_view codes;  // space-separated
};
constexpr SharedCurrencyName kSharedNames[] = {
    {"peso", "MXN ARS COP CLP UYU DOP CUP PHP"}, {"pesos", "MXN ARS COP CLP UYU DOP CUP PHP"}};
// Two-word names whose parts alone are not (or not that) currency: (first, second, code).
struct CurrencyPair {
  std::string_view first;
  std::string_view second;
  std::string_view code;
};
constexpr CurrencyPair kPairs[] = {
    {"livre", "sterling", "GBP"},     {"livres", "sterling", "GBP"},      {"libras", "esterlinas", "GBP"},
    {"franc", "suisse", "CHF"},       {"francs", "suisses", "CHF"},       {"swiss", "franc", "CHF"},
    {"swiss", "francs", "CHF"},       {"francos", "suizos", "CHF"},       {"canadian", "dollars", "CAD"},
    {"australian", "dollars", "AUD"}, {"dollars", "canadiens", "CAD"},    {"dollars", "australiens", "AUD"},
    {"dólares", "canadienses", "CAD"}, {"us", "dollars", "USD"},          {"dollars", "américains", "USD"},
    {"pesos", "mexicanos", "MXN"},    {"pesos", "argentinos", "ARS"},     {"pesos", "colombianos", "COP"},
    {"pesos", "chilenos", "CLP"},
};

struct CurrencyMatch {
  std::string code;       // "" for a shared name such as "pesos" (see kSharedNames)
  size_t next;            // index of the first token after the currency
  bool shared = false;    // a shared name: money, but of no single currency
  bool needs_scale = false;  // "R" of "R71.5 billion": the rand only before a scale word
};

bool IsUpperAscii(std::string_view text, const TextSpan& span) {
  for (size_t i = span.begin; i < span.end; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
  }
  return true;
}

bool Glued(const std::vector<ScanToken>& t, size_t i) { return i < t.size() && !t[i].space_before; }

// The currency at t[i]. `after_amount`: t[i] follows a number, where ISO 4217 codes and names beyond our
// own list count too ("500 Mio. SEK", "20 millones de coronas suecas"); elsewhere a code or a one-word
// name is too often something else ("AMD", "Rand").
std::optional<CurrencyMatch> MatchCurrency(const std::vector<ScanToken>& t, size_t i, std::string_view text,
                                           bool after_amount) {
  if (i >= t.size()) return std::nullopt;
  const ScanToken& token = t[i];
  if (token.kind == ScanKind::kOther) {
    for (const auto& s : kSymbols) {
      if (token.lower != s.name) continue;
      // "$US10 trillion", "$A5 million": the country's letters after the sign.
      if (s.name == "$" && Glued(t, i + 1) && t[i + 1].kind == ScanKind::kWord && IsUpperAscii(text, t[i + 1].span)) {
        for (const auto& p : kDollarPrefixes) {
          if (t[i + 1].lower == p.name) return CurrencyMatch{std::string(p.code), i + 2};
        }
      }
      return CurrencyMatch{std::string(s.code), i + 1};
    }
    return std::nullopt;
  }
  if (token.kind != ScanKind::kWord) return std::nullopt;
  if (Glued(t, i + 1) && t[i + 1].lower == "$" && IsUpperAscii(text, token.span)) {
    for (const auto& p : kDollarPrefixes) {
      if (token.lower == p.name) return CurrencyMatch{std::string(p.code), i + 2};
    }
  }
  // South African "R71.5 billion" and Indian "Rs 500 crore" / "Rs. 500": a capital R, glued to the digits
  // for the rand (which then needs a scale word, as "R2" names many things).
  bool capital_r = text[token.span.begin] == 'R';
  if (capital_r && token.lower == "r" && Glued(t, i + 1) && t[i + 1].kind == ScanKind::kDigits) {
    return CurrencyMatch{"ZAR", i + 1, false, true};
  }
  if (capital_r && token.lower == "rs") {
    return CurrencyMatch{"INR", Glued(t, i + 1) && t[i + 1].lower == "." ? i + 2 : i + 1};
  }
  // After an amount, ISO 4217's names of several words before our pairs and words: "dollar de Hong Kong"
  // is not the US dollar. (Elsewhere they would cost a lookup per word of the text for little.)
  if (after_amount) {
    if (IsoCurrencyMatch iso = IsoCurrencyNameAt(t, i, false); iso.length > 1) {
      return CurrencyMatch{std::string(iso.code), i + iso.length};
    }
  }
  if (i + 1 < t.size()) {
    for (const auto& p : kPairs) {
      if (token.lower == p.first && t[i + 1].lower == p.second) return CurrencyMatch{std::string(p.code), i + 2};
    }
  }
  for (const auto& w : kWords) {
    if (token.lower == w.name) return CurrencyMatch{std::string(w.code), i + 1};
  }
  for (const auto& w : kSharedNames) {
    if (token.lower == w.name) return CurrencyMatch{"", i + 1, true};
  }
  if (token.lower.size() == 3 && IsUpperAscii(text, token.span)) {
    const std::string_view code = text.substr(token.span.begin, 3);
    for (auto known : kCodes) {
      if (token.lower == known) return CurrencyMatch{std::string(code), i + 1};
    }
    if (after_amount && IsIsoCurrencyCode(code)) return CurrencyMatch{std::string(code), i + 1};
  }
  if (after_amount) {
    if (IsoCurrencyMatch iso = IsoCurrencyNameAt(t, i, true); iso.length > 0) {
      return CurrencyMatch{std::string(iso.code), i + iso.length};
    }
  }
  return std::nullopt;
}

// A currency right after an amount: "€", "euros", or behind a connector ("d'euros", "de euros", "of dollars").
std::optional<CurrencyMatch> MatchCurrencyAfter(const std::vector<ScanToken>& t, size_t i, std::string_view text) {
  if (i >= t.size()) return std::nullopt;
  if (auto direct = MatchCurrency(t, i, text, true)) return direct;
  const std::string& w = t[i].lower;
  if (w == "de" || w == "del" || w == "of") return MatchCurrency(t, i + 1, text, true);
  if (w == "d" && Glued(t, i + 1) && t[i + 1].lower == "'") return MatchCurrency(t, i + 2, text, true);
  return std::nullopt;
}

struct ScaleMatch {
  const ScaleWord* word;
  double factor;
  size_t next;
  std::string_view code = {};  // the currency an abbreviation such as "mdd" carries, else empty
};

std::optional<ScaleMatch> MatchScale(const std::vector<ScanToken>& t, size_t i, std::string_view text,
                                     const AmountOptions& options) {
  if (i >= t.size() || t[i].kind != ScanKind::kWord) return std::nullopt;
  for (const auto& s : kScaleCurrencies) {
    if (t[i].lower == s.scale.word) return ScaleMatch{&s.scale, s.scale.factor, i + 1, s.code};
  }
  for (const auto& s : kScaleWords) {
    if (t[i].lower != s.word) continue;
    double factor = s.factor;
    if ((s.word == "billion" || s.word == "billions") && (options.language == "fr" || options.language == "de")) {
      factor = 1e12;  // the long scale: French and German "billion" is a million millions
    }
    size_t next = i + 1;
    if (s.word == "mil" && next < t.size() && (t[next].lower == "millones" || t[next].lower == "millón")) {
      return ScaleMatch{&s, 1e9, next + 1};  // Spanish "mil millones"
    }
    if ((s.word == "lakh" || s.word == "lakhs") && next < t.size() &&
        (t[next].lower == "crore" || t[next].lower == "crores")) {
      return ScaleMatch{&s, 1e12, next + 1};  // Indian "lakh crore": a hundred thousand crores
    }
    // "3 Mrd. Euro": the abbreviation's period belongs to the amount when a currency follows it.
    if (s.short_form && Glued(t, next) && t[next].lower == "." && MatchCurrency(t, next + 1, text, true)) ++next;
    return ScaleMatch{&s, factor, next};
  }
  return std::nullopt;
}

// The digit groups of a numeral and the separators between them: "7.500" is {"7", "500"} and ".".
struct Numeral {
  std::vector<std::string_view> groups;
  std::string separators;  // one of ',', '.', ' ' per gap
  size_t next = 0;
  size_t digits = 0;
};

bool IsSingleSpaceGap(std::string_view text, size_t from, size_t to) {
  std::string_view gap = text.substr(from, to - from);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF";
}

Numeral ReadNumeral(const std::vector<ScanToken>& t, size_t i, std::string_view text) {
  Numeral n;
  n.groups.push_back(t[i].lower);
  n.digits = t[i].lower.size();
  size_t k = i + 1;
  while (k < t.size()) {
    const ScanToken& s = t[k];
    bool punct = s.kind == ScanKind::kOther && (s.lower == "," || s.lower == ".");
    if (punct && !s.space_before && k + 1 < t.size() && t[k + 1].kind == ScanKind::kDigits && Glued(t, k + 1)) {
      n.separators += s.lower;
      n.groups.push_back(t[k + 1].lower);
      n.digits += t[k + 1].lower.size();
      k += 2;
      continue;
    }
    // "500 000": a space groups thousands only before any comma or point, after a group of one to three
    // digits, and only when exactly three digits follow; "en 2024 500" stays two numbers.
    bool space_group = s.kind == ScanKind::kDigits && s.lower.size() == 3 && n.groups.front().size() <= 3 &&
                       n.separators.find_first_of(",.") == std::string::npos &&
                       IsSingleSpaceGap(text, t[k - 1].span.end, s.span.begin);
    if (!space_group) break;
    n.separators += ' ';
    n.groups.push_back(s.lower);
    n.digits += s.lower.size();
    ++k;
  }
  n.next = k;
  return n;
}

// The value of a numeral, or nullopt when its grouping is inconsistent or it is absurdly long. With
// `group_of_three_is_thousands`, a lone separator before three digits groups thousands whatever it is:
// Spanish "1.500 millones" and Mexican "1,500 millones" are both 1500 millions.
std::optional<double> NumeralValue(const Numeral& n, std::string_view language, bool group_of_three_is_thousands) {
  if (n.digits > kMaxDigits) return std::nullopt;
  size_t decimal_at = n.separators.size();  // index of the decimal separator, or none
  if (!n.separators.empty()) {
    char last = n.separators.back();
    size_t same = std::count(n.separators.begin(), n.separators.end(), last);
    if (last != ' ' && same == 1) {
      if (n.separators.size() > 1 || n.groups.back().size() != 3 || n.groups.front() == "0") {
        decimal_at = n.separators.size() - 1;
      } else {
        // "1,500" or "7.500": only the language can tell. English (and unknown) writes a decimal point.
        bool comma_decimal = language == "fr" || language == "es" || language == "de";
        if ((last == ',') == comma_decimal && !group_of_three_is_thousands) decimal_at = n.separators.size() - 1;
      }
    }
  }
  std::string number;
  for (size_t g = 0; g < n.groups.size(); ++g) {
    if (g > 0 && g - 1 == decimal_at) {
      number += '.';
    } else if (g > 0) {
      // A thousands separator: one kind only, after one to three digits, before groups of three.
      if (n.separators[g - 1] != n.separators[0] || n.groups[0].size() > 3 || n.groups[g].size() != 3) {
        return std::nullopt;
      }
    }
    number += n.groups[g];
  }
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "2 millions d'habitants": a scale word followed by "de"/"d'"/"of" and a word that is no currency.
bool IsCount(const std::vector<ScanToken>& t, size_t i, std::string_view text) {
  if (i >= t.size()) return false;
  size_t noun = i + 1;
  if (t[i].lower == "d" && Glued(t, i + 1) && t[i + 1].lower == "'") noun = i + 2;
  else if (t[i].lower != "de" && t[i].lower != "of" && t[i].lower != "del") return false;
  return noun < t.size() && t[noun].kind == ScanKind::kWord && !MatchCurrency(t, noun, text, true);
}

// The index after a hyphen that joins the parts of a compound ("Zwölf-Milliarden-Euro-Investition",
// "a billion-dollar deal"), else i.
size_t SkipHyphen(const std::vector<ScanToken>& t, size_t i) {
  bool joins = i + 1 < t.size() && t[i].lower == "-" && Glued(t, i) && Glued(t, i + 1) &&
               t[i + 1].kind == ScanKind::kWord;
  return joins ? i + 1 : i;
}

bool WordsAre(const std::vector<ScanToken>& t, size_t i, std::string_view first, std::string_view second) {
  return i + 1 < t.size() && t[i].lower == first && t[i + 1].lower == second;
}

// A number written as a word before a scale word: its value and the index of the scale word. "zwölf
// Milliarden" is 12; the "mil" of "mil millones" is an implied 1 and the scale word itself.
std::optional<std::pair<double, size_t>> ReadNumberWord(const std::vector<ScanToken>& t, size_t i) {
  if (i >= t.size() || t[i].kind != ScanKind::kWord) return std::nullopt;
  if (WordsAre(t, i, "mil", "millones")) return std::pair<double, size_t>{1, i};
  for (const auto& w : kNumberWords) {
    if (t[i].lower == w.word) return std::pair<double, size_t>{w.value, SkipHyphen(t, i + 1)};
  }
  return std::nullopt;
}

// "8", "80", "800": the plain group after "mil" in Mexican "4 mil 800 millones".
std::optional<double> SmallNumber(const std::vector<ScanToken>& t, size_t i) {
  if (i >= t.size() || t[i].kind != ScanKind::kDigits || t[i].lower.size() > 3) return std::nullopt;
  return std::stod(t[i].lower);
}

// The currency a shared name ("pesos") stands for: the caller's default when it is one of the name's codes.
std::string SharedCurrencyCode(const std::vector<ScanToken>& t, size_t name_end, const AmountOptions& options) {
  if (options.default_currency.size() != 3) return "";
  for (const auto& w : kSharedNames) {
    if (t[name_end - 1].lower != w.name) continue;
    for (size_t at = 0; at + 3 <= w.codes.size(); at += 4) {
      if (w.codes.substr(at, 3) == options.default_currency) return options.default_currency;
    }
  }
  return "";
}

}  // namespace

Result<std::vector<Amount>> FindAmounts(std::string_view text, const AmountOptions& options) {
  Result<std::vector<ScanToken>> scanned = ScanTokens(text);
  if (!scanned.ok()) return scanned.status();
  const std::vector<ScanToken>& t = *scanned;

  std::vector<std::pair<size_t, std::string>> mentions;  // token index -> currency, for context
  for (size_t i = 0; i < t.size(); ++i) {
    if (auto c = MatchCurrency(t, i, text, false); c && !c->code.empty() && !c->needs_scale) {
      mentions.emplace_back(i, c->code);
    }
  }

  std::vector<Amount> amounts;
  for (size_t i = 0; i < t.size();) {
    size_t start = i;
    size_t j = i;
    std::string prefix_code;
    bool prefix_needs_scale = false;
    if (auto c = MatchCurrency(t, i, text, false);
        c && !c->shared && c->next < t.size() && t[c->next].kind == ScanKind::kDigits) {
      prefix_code = c->code;
      prefix_needs_scale = c->needs_scale;
      j = c->next;
    }
    Numeral numeral;
    std::optional<double> word_value;  // a number written as a word: "zwölf", "un", "eine"
    size_t number_end = j;
    if (t[j].kind == ScanKind::kDigits) {
      numeral = ReadNumeral(t, j, text);
      // Digits glued to a word ("A320", "T1") name things; they are not sums.
      if (prefix_code.empty() && j > 0 && Glued(t, j) && t[j - 1].kind == ScanKind::kWord) {
        i = numeral.next;
        continue;
      }
      number_end = numeral.next;
    } else if (auto word = prefix_code.empty() ? ReadNumberWord(t, j) : std::nullopt) {
      word_value = word->first;
      number_end = word->second;
    } else {
      ++i;
      continue;
    }
    // Mexican "4 mil 800 millones": thousands of millions and a remainder, 4800 millions.
    bool has_remainder = false;
    double remainder = 0;
    if (!word_value && numeral.separators.empty() && number_end + 2 < t.size() && t[number_end].lower == "mil") {
      std::optional<double> low = SmallNumber(t, number_end + 1);
      std::optional<ScaleMatch> millions = MatchScale(t, number_end + 2, text, options);
      if (low && millions && millions->word->language == "es" && millions->factor >= 1e6) {
        has_remainder = true;
        remainder = *low;
        number_end += 2;
      }
    }
    std::optional<ScaleMatch> scale = MatchScale(t, SkipHyphen(t, number_end), text, options);
    // "4,5, Milliarden Euro": a stray comma after a decimal numeral, before a scale word and a currency.
    if (!scale && !word_value && numeral.separators.find(',') != std::string::npos && number_end + 1 < t.size() &&
        t[number_end].lower == "," && Glued(t, number_end) && !Glued(t, number_end + 1)) {
      std::optional<ScaleMatch> behind = MatchScale(t, number_end + 1, text, options);
      if (behind && !behind->word->short_form && MatchCurrencyAfter(t, SkipHyphen(t, behind->next), text)) {
        scale = behind;
      }
    }
    size_t after = scale ? scale->next : number_end;
    double half = 0;  // "un milliard et demi", "dos millones y medio"
    if (scale && !scale->word->short_form && (WordsAre(t, after, "et", "demi") || WordsAre(t, after, "y", "medio"))) {
      half = 0.5;
      after += 2;
    }
    std::optional<CurrencyMatch> suffix;
    if (prefix_code.empty() && scale && !scale->code.empty()) {
      suffix = CurrencyMatch{std::string(scale->code), after};
    } else if (prefix_code.empty()) {
      suffix = MatchCurrencyAfter(t, SkipHyphen(t, after), text);
    }
    if (scale && scale->word->short_form && prefix_code.empty() && !suffix) {
      scale.reset();  // "300m de haut" is a height
      half = 0;
      after = number_end;
      suffix = MatchCurrencyAfter(t, after, text);
    }
    // Number words and the rand's bare "R" make money only with a scale word and, for words, a currency.
    if ((word_value && (!scale || scale->word->short_form || !suffix)) || (prefix_needs_scale && !scale)) {
      i = word_value ? j + 1 : number_end;
      continue;
    }
    std::string_view language = options.language;
    if (scale && !scale->word->language.empty()) language = scale->word->language;
    // Spanish writes no decimals in thousands of millions: "1,500 millones" is Mexican for "1.500 millones".
    bool thousands = scale && scale->word->language == "es" && scale->factor >= 1e6;
    std::optional<double> value = word_value ? word_value : NumeralValue(numeral, language, thousands);
    size_t end = suffix ? suffix->next : after;
    if (!value) {
      i = end;
      continue;
    }
    if (has_remainder) *value = *value * 1000 + remainder;
    double amount = (*value + half) * (scale ? scale->factor : 1.0);
    if (!std::isfinite(amount) || amount > kMaxAmount) {
      i = end;
      continue;
    }
    Amount a;
    a.value = amount;
    a.currency = !prefix_code.empty() ? prefix_code : suffix ? suffix->code : "";
    if (suffix && suffix->shared) {
      a.currency = SharedCurrencyCode(t, suffix->next, options);
      a.currency_inferred = !a.currency.empty();
    } else if (a.currency.empty()) {
      if (!scale || IsCount(t, after, text)) {  // a bare number or a count is not money
        i = after;
        continue;
      }
      // The nearest currency mention in the text, else the caller's default.
      size_t best_distance = SIZE_MAX;
      for (const auto& [index, code] : mentions) {
        size_t distance = index > j ? index - j : j - index;
        if (distance < best_distance) best_distance = distance, a.currency = code;
      }
      if (a.currency.empty()) a.currency = options.default_currency;
      a.currency_inferred = true;
    }
    a.span = {t[start].span.begin, t[end - 1].span.end, t[start].span.char_begin, t[end - 1].span.char_end};
    amounts.push_back(std::move(a));
    i = end;
  }
  return amounts;
}

}  // namespace kg::extract
