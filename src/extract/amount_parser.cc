#include "extract/amount_parser.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <optional>

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
};

struct CurrencyName {
  std::string_view name;  // lower case
  std::string_view code;
};

constexpr CurrencyName kSymbols[] = {{"€", "EUR"}, {"$", "USD"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}};
// Letters written before "$", as in "US$2.5 million" or "C$40m".
constexpr CurrencyName kDollarPrefixes[] = {{"us", "USD"}, {"a", "AUD"}, {"au", "AUD"}, {"c", "CAD"}, {"ca", "CAD"},
                                            {"hk", "HKD"}, {"nz", "NZD"}, {"r", "BRL"},  {"s", "SGD"}};
constexpr std::string_view kCodes[] = {"eur", "usd", "gbp", "jpy", "chf", "cny", "cad", "aud",
                                       "hkd", "inr", "brl", "sek", "nok", "dkk", "krw", "sgd"};
constexpr CurrencyName kWords[] = {
    {"euro", "EUR"},  {"euros", "EUR"},   {"dollar", "USD"},   {"dollars", "USD"},  {"dólar", "USD"},
    {"dólares", "USD"}, {"pound", "GBP"}, {"pounds", "GBP"},   {"sterling", "GBP"}, {"pfund", "GBP"},
    {"yen", "JPY"},   {"yens", "JPY"},    {"yuan", "CNY"},     {"yuans", "CNY"},    {"renminbi", "CNY"},
    {"franken", "CHF"}, {"rupees", "INR"}, {"roupies", "INR"},
};
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
};

struct CurrencyMatch {
  std::string code;
  size_t next;  // index of the first token after the currency
};

bool IsUpperAscii(std::string_view text, const TextSpan& span) {
  for (size_t i = span.begin; i < span.end; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
  }
  return true;
}

bool Glued(const std::vector<ScanToken>& t, size_t i) { return i < t.size() && !t[i].space_before; }

std::optional<CurrencyMatch> MatchCurrency(const std::vector<ScanToken>& t, size_t i, std::string_view text) {
  if (i >= t.size()) return std::nullopt;
  const ScanToken& token = t[i];
  if (token.kind == ScanKind::kOther) {
    for (const auto& s : kSymbols) {
      if (token.lower == s.name) return CurrencyMatch{std::string(s.code), i + 1};
    }
    return std::nullopt;
  }
  if (token.kind != ScanKind::kWord) return std::nullopt;
  if (Glued(t, i + 1) && t[i + 1].lower == "$" && IsUpperAscii(text, token.span)) {
    for (const auto& p : kDollarPrefixes) {
      if (token.lower == p.name) return CurrencyMatch{std::string(p.code), i + 2};
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
  if (token.lower.size() == 3 && IsUpperAscii(text, token.span)) {
    for (auto code : kCodes) {
      if (token.lower == code) return CurrencyMatch{std::string(text.substr(token.span.begin, 3)), i + 1};
    }
  }
  return std::nullopt;
}

// A currency right after an amount: "€", "euros", or behind a connector ("d'euros", "de euros", "of dollars").
std::optional<CurrencyMatch> MatchCurrencyAfter(const std::vector<ScanToken>& t, size_t i, std::string_view text) {
  if (i >= t.size()) return std::nullopt;
  if (auto direct = MatchCurrency(t, i, text)) return direct;
  const std::string& w = t[i].lower;
  if (w == "de" || w == "del" || w == "of") return MatchCurrency(t, i + 1, text);
  if (w == "d" && Glued(t, i + 1) && t[i + 1].lower == "'") return MatchCurrency(t, i + 2, text);
  return std::nullopt;
}

struct ScaleMatch {
  const ScaleWord* word;
  double factor;
  size_t next;
};

std::optional<ScaleMatch> MatchScale(const std::vector<ScanToken>& t, size_t i, std::string_view text,
                                     const AmountOptions& options) {
  if (i >= t.size() || t[i].kind != ScanKind::kWord) return std::nullopt;
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
    // "3 Mrd. Euro": the abbreviation's period belongs to the amount when a currency follows it.
    if (s.short_form && Glued(t, next) && t[next].lower == "." && MatchCurrency(t, next + 1, text)) ++next;
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

// The value of a numeral, or nullopt when its grouping is inconsistent or it is absurdly long.
std::optional<double> NumeralValue(const Numeral& n, std::string_view language) {
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
        if ((last == ',') == comma_decimal) decimal_at = n.separators.size() - 1;
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
  return noun < t.size() && t[noun].kind == ScanKind::kWord && !MatchCurrency(t, noun, text);
}

}  // namespace

Result<std::vector<Amount>> FindAmounts(std::string_view text, const AmountOptions& options) {
  Result<std::vector<ScanToken>> scanned = ScanTokens(text);
  if (!scanned.ok()) return scanned.status();
  const std::vector<ScanToken>& t = *scanned;

  std::vector<std::pair<size_t, std::string>> mentions;  // token index -> currency, for context
  for (size_t i = 0; i < t.size(); ++i) {
    if (auto c = MatchCurrency(t, i, text)) mentions.emplace_back(i, c->code);
  }

  std::vector<Amount> amounts;
  for (size_t i = 0; i < t.size();) {
    size_t start = i;
    size_t j = i;
    std::string prefix_code;
    if (auto c = MatchCurrency(t, i, text); c && c->next < t.size() && t[c->next].kind == ScanKind::kDigits) {
      prefix_code = c->code;
      j = c->next;
    }
    if (t[j].kind != ScanKind::kDigits) {
      ++i;
      continue;
    }
    Numeral numeral = ReadNumeral(t, j, text);
    // Digits glued to a word ("A320", "T1") name things; they are not sums.
    if (prefix_code.empty() && j > 0 && Glued(t, j) && t[j - 1].kind == ScanKind::kWord) {
      i = numeral.next;
      continue;
    }
    std::optional<ScaleMatch> scale = MatchScale(t, numeral.next, text, options);
    size_t after = scale ? scale->next : numeral.next;
    std::optional<CurrencyMatch> suffix;
    if (prefix_code.empty()) suffix = MatchCurrencyAfter(t, after, text);
    if (scale && scale->word->short_form && prefix_code.empty() && !suffix) {
      scale.reset();  // "300m de haut" is a height
      after = numeral.next;
      suffix = MatchCurrencyAfter(t, after, text);
    }
    std::string_view language = options.language;
    if (scale && !scale->word->language.empty()) language = scale->word->language;
    std::optional<double> value = NumeralValue(numeral, language);
    size_t end = suffix ? suffix->next : after;
    if (!value) {
      i = end;
      continue;
    }
    double amount = *value * (scale ? scale->factor : 1.0);
    if (!std::isfinite(amount) || amount > kMaxAmount) {
      i = end;
      continue;
    }
    Amount a;
    a.value = amount;
    a.currency = !prefix_code.empty() ? prefix_code : suffix ? suffix->code : "";
    if (a.currency.empty()) {
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
