#include "extract/date_parser.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace kg::extract {
namespace {

struct Entry {
  std::string_view word;
  int value;
};

// Month names and their usual abbreviations in French, English, Spanish and German, lower case. "may" and
// "mar" are safe because a month only counts beside a day or a year.
constexpr Entry kMonths[] = {
    {"janvier", 1},    {"janv", 1},       {"january", 1},   {"jan", 1},       {"enero", 1},     {"januar", 1},
    {"jänner", 1},     {"février", 2},    {"fevrier", 2},   {"févr", 2},      {"february", 2},  {"feb", 2},
    {"febrero", 2},    {"februar", 2},    {"mars", 3},      {"march", 3},     {"mar", 3},       {"marzo", 3},
    {"märz", 3},       {"avril", 4},      {"april", 4},     {"apr", 4},       {"abril", 4},     {"mai", 5},
    {"may", 5},        {"mayo", 5},       {"juin", 6},      {"june", 6},      {"jun", 6},       {"junio", 6},
    {"juni", 6},       {"juillet", 7},    {"july", 7},      {"jul", 7},       {"julio", 7},     {"juli", 7},
    {"août", 8},       {"aout", 8},       {"august", 8},    {"aug", 8},       {"agosto", 8},    {"septembre", 9},
    {"september", 9},  {"sept", 9},       {"sep", 9},       {"septiembre", 9}, {"setiembre", 9}, {"octobre", 10},
    {"october", 10},   {"oct", 10},       {"octubre", 10},  {"oktober", 10},  {"novembre", 11}, {"november", 11},
    {"nov", 11},       {"noviembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},      {"december", 12},
    {"dec", 12},       {"diciembre", 12}, {"dezember", 12},
};

constexpr Entry kNumberWords[] = {
    {"un", 1},   {"une", 1},    {"one", 1},    {"a", 1},      {"uno", 1},   {"una", 1},    {"ein", 1},
    {"einem", 1}, {"eines", 1}, {"deux", 2},   {"two", 2},    {"dos", 2},   {"zwei", 2},   {"trois", 3},
    {"three", 3}, {"tres", 3},  {"drei", 3},   {"quatre", 4}, {"four", 4},  {"cuatro", 4}, {"vier", 4},
    {"cinq", 5},  {"five", 5},  {"cinco", 5},  {"fünf", 5},   {"six", 6},   {"seis", 6},   {"sechs", 6},
    {"sept", 7},  {"seven", 7}, {"siete", 7},  {"sieben", 7}, {"huit", 8},  {"eight", 8},  {"ocho", 8},
    {"acht", 8},  {"neuf", 9},  {"nine", 9},   {"nueve", 9},  {"neun", 9},  {"dix", 10},   {"ten", 10},
    {"diez", 10}, {"zehn", 10},
};

// Duration units, by the ISO 8601 designator they become.
constexpr std::pair<std::string_view, char> kUnits[] = {
    {"an", 'Y'},      {"ans", 'Y'},    {"année", 'Y'},   {"années", 'Y'},  {"year", 'Y'},   {"years", 'Y'},
    {"año", 'Y'},     {"años", 'Y'},   {"jahr", 'Y'},    {"jahre", 'Y'},   {"jahren", 'Y'}, {"mois", 'M'},
    {"month", 'M'},   {"months", 'M'}, {"mes", 'M'},     {"meses", 'M'},   {"monat", 'M'},  {"monate", 'M'},
    {"monaten", 'M'}, {"semaines", 'W'}, {"weeks", 'W'}, {"semanas", 'W'}, {"wochen", 'W'}, {"jours", 'D'},
    {"days", 'D'},    {"días", 'D'},   {"tage", 'D'},    {"tagen", 'D'},
};
constexpr std::string_view kNextWords[] = {"prochaines", "prochains", "next", "coming", "próximos", "próximas",
                                           "nächsten", "kommenden"};
constexpr std::string_view kDurationIntroducers[] = {"sur", "over", "pendant", "during", "for", "durante",
                                                     "within", "ici", "über", "innerhalb"};
constexpr std::string_view kDeadlines[] = {
    "d ' ici à la fin de", "d ' ici la fin de", "d ' ici fin", "d ' ici à", "d ' ici", "jusqu ' en",
    "jusqu ' à fin", "jusqu ' à", "by the end of", "by end", "by", "until", "hasta finales de", "hasta", "bis ende",
    "bis"};
// Quarter (Q) and half-year (H) phrasings: the ordinal's word, the part's noun, the number.
// Written with digits ("1er", "2nd", "3e"), an ordinal is the digit and one of kOrdinalMarks.
constexpr Entry kOrdinals[] = {
    {"premier", 1}, {"first", 1},   {"primer", 1}, {"ersten", 1},  {"deuxième", 2}, {"second", 2},
    {"segundo", 2}, {"zweiten", 2}, {"troisième", 3}, {"third", 3}, {"tercer", 3},  {"dritten", 3},
    {"quatrième", 4}, {"fourth", 4}, {"cuarto", 4}, {"vierten", 4},
};
constexpr std::string_view kOrdinalMarks[] = {"er", "e", "ème", "st", "nd", "rd", "th", "."};
constexpr std::pair<std::string_view, char> kParts[] = {
    {"trimestre", 'Q'}, {"quarter", 'Q'}, {"quartal", 'Q'}, {"semestre", 'H'}, {"half", 'H'}, {"halbjahr", 'H'}};
// Relative mentions: the words, the unit they move ('Y', 'M', 'D') and by how much.
struct Relative {
  std::string_view words;
  char unit;
  int delta;
};
constexpr Relative kRelatives[] = {
    {"l ' an dernier", 'Y', -1},       {"l ' année dernière", 'Y', -1}, {"l ' an passé", 'Y', -1},
    {"l ' année passée", 'Y', -1},     {"last year", 'Y', -1},          {"el año pasado", 'Y', -1},
    {"letztes jahr", 'Y', -1},         {"im vergangenen jahr", 'Y', -1}, {"l ' an prochain", 'Y', 1},
    {"l ' année prochaine", 'Y', 1},   {"next year", 'Y', 1},           {"el año próximo", 'Y', 1},
    {"el próximo año", 'Y', 1},        {"nächstes jahr", 'Y', 1},       {"cette année", 'Y', 0},
    {"this year", 'Y', 0},             {"este año", 'Y', 0},            {"dieses jahr", 'Y', 0},
    {"le mois dernier", 'M', -1},      {"last month", 'M', -1},         {"el mes pasado", 'M', -1},
    {"letzten monat", 'M', -1},        {"le mois prochain", 'M', 1},    {"next month", 'M', 1},
    {"hier", 'D', -1},                 {"yesterday", 'D', -1},          {"ayer", 'D', -1},
    {"gestern", 'D', -1},              {"aujourd ' hui", 'D', 0},       {"today", 'D', 0},
    {"hoy", 'D', 0},                   {"heute", 'D', 0},               {"demain", 'D', 1},
    {"tomorrow", 'D', 1},
};
// Words after which a lone four-digit number is a year.
constexpr std::string_view kYearPrepositions[] = {
    "en", "in", "depuis", "since", "dès", "de", "del", "im", "seit", "for", "pour", "of", "année",
    "year", "año", "jahr", "fin", "début", "end", "early", "mid", "late", "from", "desde", "von", "ab",
    "vers", "around", "au", "el", "durante", "during", "entre", "between", "et", "and", "y", "und", "à",
    "to", "avant", "before", "après", "after", "antes", "nach", "vor"};

// Words and signs after which a number is a quantity, even when it looks like a year.
constexpr std::string_view kNotAfterYears[] = {"%", "€", "$", "£", "¥", "euros", "euro", "dollars", "percent",
                                               "pour", "prozent", "por", "millions", "milliards", "million"};

template <typename Table>
std::optional<int> Lookup(const Table& table, std::string_view word) {
  for (const auto& e : table) {
    if (e.word == word) return e.value;
  }
  return std::nullopt;
}

std::string Format(int year, int month = 0, int day = 0) {
  char buffer[40];
  if (day > 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  else if (month > 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

bool ValidDay(int year, int month, int day) {
  using namespace std::chrono;
  return year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)).ok();
}

struct Date {
  int year = 0, month = 0, day = 0;
};

// Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt for anything else.
std::optional<Date> ParseIsoDate(std::string_view s) {
  auto number = [&](size_t at, size_t length) -> int {
    int v = 0;
    for (size_t k = at; k < at + length; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  Date d;
  d.year = number(0, 4);
  if (d.year < 0) return std::nullopt;
  if (s.size() >= 7) {
    d.month = s[4] == '-' ? number(5, 2) : -1;
    if (d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (s.size() == 10) {
    d.day = s[7] == '-' ? number(8, 2) : -1;
    if (d.day < 1 || !ValidDay(d.year, d.month, d.day)) return std::nullopt;
  }
  return d;
}

class DateScanner {
 public:
  DateScanner(const std::vector<ScanToken>& t, const DateOptions& options, std::optional<Date> reference)
      : t_(t), options_(options), reference_(reference) {}

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    for (size_t i = 0; i < t_.size();) {
      size_t next = i;
      DateMention m;
      if (Deadline(i, &m, &next) || PartOfYear(i, &m, &next) || Duration(i, &m, &next) ||
          CalendarDate(i, &m, &next) || RelativeDate(i, &m, &next) || LoneYear(i, &m, &next)) {
        m.span = {t_[i].span.begin, t_[next - 1].span.end, t_[i].span.char_begin, t_[next - 1].span.char_end};
        out.push_back(std::move(m));
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const std::string& W(size_t i) const {
    static const std::string kNone;
    return i < t_.size() ? t_[i].lower : kNone;
  }
  bool Digits(size_t i) const { return i < t_.size() && t_[i].kind == ScanKind::kDigits; }
  bool Glued(size_t i) const { return i < t_.size() && !t_[i].space_before; }

  // Matches space-separated lower-case words starting at i.
  bool Phrase(size_t i, std::string_view phrase, size_t* next) const {
    size_t k = i;
    for (size_t pos = 0; pos < phrase.size();) {
      size_t end = phrase.find(' ', pos);
      if (end == std::string_view::npos) end = phrase.size();
      if (W(k) != phrase.substr(pos, end - pos)) return false;
      ++k;
      pos = end + 1;
    }
    *next = k;
    return true;
  }

  std::optional<int> Year(size_t i) const {
    if (!Digits(i) || t_[i].lower.size() != 4) return std::nullopt;
    int y = std::stoi(t_[i].lower);
    if (y < 1900 || y > 2100) return std::nullopt;
    return y;
  }
  std::optional<int> Day(size_t i) const {
    if (!Digits(i) || t_[i].lower.size() > 2) return std::nullopt;
    int d = std::stoi(t_[i].lower);
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
  }
  // A month name, with the period of an abbreviation ("janv. 2024", "Sept. 12") consumed.
  std::optional<int> Month(size_t i, size_t* next) const {
    if (i >= t_.size() || t_[i].kind != ScanKind::kWord) return std::nullopt;
    std::optional<int> m = Lookup(kMonths, W(i));
    if (!m) return std::nullopt;
    *next = i + 1;
    if (Glued(i + 1) && W(i + 1) == "." && Digits(i + 2)) ++*next;
    return m;
  }
  bool OrdinalMark(size_t i) const {
    if (!Glued(i)) return false;
    for (auto mark : kOrdinalMarks) {
      if (W(i) == mark) return true;
    }
    return false;
  }
  // A day and its ordinal mark: "12", "1er", "1st", "12." (German), "12 de" (Spanish).
  std::optional<int> DayBeforeMonth(size_t i, size_t* next) const {
    std::optional<int> d = Day(i);
    if (!d) return std::nullopt;
    size_t k = i + 1;
    if (OrdinalMark(k)) ++k;
    if (W(k) == "de") ++k;
    *next = k;
    return d;
  }

  // A date written out: day-month-year, month-day-year, month-year, ISO or numeric. Sets value and next.
  bool ExplicitDate(size_t i, std::string* value, size_t* next) const {
    size_t k = 0, m_end = 0;
    if (std::optional<int> d = DayBeforeMonth(i, &k)) {
      if (std::optional<int> m = Month(k, &m_end)) {
        size_t y_at = W(m_end) == "de" || W(m_end) == "," ? m_end + 1 : m_end;
        std::optional<int> y = Year(y_at);
        int year = y ? *y : reference_ ? reference_->year : 0;
        if (year == 0 || !ValidDay(year, *m, *d)) return false;
        *value = Format(year, *m, *d);
        *next = y ? y_at + 1 : m_end;
        return true;
      }
    }
    if (std::optional<int> m = Month(i, &m_end)) {
      size_t d_end = 0;
      std::optional<int> d = DayBeforeMonth(m_end, &d_end);
      if (d) {  // "March 12, 2024"
        size_t y_at = W(d_end) == "," ? d_end + 1 : d_end;
        if (std::optional<int> y = Year(y_at); y && ValidDay(*y, *m, *d)) {
          *value = Format(*y, *m, *d);
          *next = y_at + 1;
          return true;
        }
      }
      size_t y_at = W(m_end) == "de" || W(m_end) == "del" ? m_end + 1 : m_end;
      if (std::optional<int> y = Year(y_at)) {
        *value = Format(*y, *m);
        *next = y_at + 1;
        return true;
      }
      return false;
    }
    return NumericDate(i, value, next);
  }

  // "2024-03-12", "12/03/2024", "12.03.2024" (month first only in English: "03/12/2024").
  bool NumericDate(size_t i, std::string* value, size_t* next) const {
    if (!Digits(i) || i + 4 >= t_.size()) return false;
    char sep = W(i + 1).size() == 1 ? W(i + 1)[0] : 0;
    if ((sep != '-' && sep != '/' && sep != '.') || W(i + 3) != W(i + 1)) return false;
    for (size_t k = i + 1; k <= i + 4; ++k) {
      if (!Glued(k)) return false;
    }
    if (!Digits(i + 2) || !Digits(i + 4)) return false;
    int year = 0, month = 0, day = 0;
    if (sep == '-' && Year(i) && W(i + 2).size() == 2 && W(i + 4).size() == 2) {
      year = *Year(i), month = std::stoi(W(i + 2)), day = std::stoi(W(i + 4));
    } else if (sep != '-' && Year(i + 4) && W(i).size() <= 2 && W(i + 2).size() <= 2) {
      year = *Year(i + 4), day = std::stoi(W(i)), month = std::stoi(W(i + 2));
      if (options_.language == "en" && sep == '/') std::swap(day, month);
    } else {
      return false;
    }
    if (month < 1 || month > 12 || !ValidDay(year, month, day)) return false;
    *value = Format(year, month, day);
    *next = i + 5;
    return true;
  }

  bool Deadline(size_t i, DateMention* m, size_t* next) const {
    for (std::string_view phrase : kDeadlines) {
      size_t k = 0;
      if (!Phrase(i, phrase, &k)) continue;
      if (W(k) == "l" && W(k + 1) == "'" && W(k + 2) == "année") k += 3;  // "d'ici la fin de l'année 2025"
      std::string value;
      if (ExplicitDate(k, &value, next)) {
      } else if (std::optional<int> y = Year(k)) {
        value = Format(*y);
        *next = k + 1;
      } else {
        continue;
      }
      m->period = "until " + value;
      return true;
    }
    return false;
  }

  bool PartOfYear(size_t i, DateMention* m, size_t* next) const {
    int number = 0;
    char part = 0;
    size_t k = i;
    // Codes: "Q1 2024", "T1 2024" (trimestre), "H1 2024", "S1 2024" (semestre).
    if ((W(i) == "q" || W(i) == "t" || W(i) == "h" || W(i) == "s") && Glued(i + 1) && Digits(i + 1) &&
        W(i + 1).size() == 1) {
      number = W(i + 1)[0] - '0';
      part = W(i) == "q" || W(i) == "t" ? 'Q' : 'H';
      k = i + 2;
      if (!Year(k)) return false;  // a code alone is too often something else ("T1" the terminal)
    } else {
      std::optional<int> ordinal = Lookup(kOrdinals, W(i));
      k = i + 1;
      if (!ordinal && Digits(i) && W(i).size() == 1 && OrdinalMark(i + 1) && W(i + 1) != ".") {
        ordinal = W(i)[0] - '0';
        k = i + 2;
      }
      if (!ordinal) return false;
      for (const auto& [noun, p] : kParts) {
        if (W(k) == noun) part = p;
      }
      if (part == 0) return false;
      number = *ordinal;
      ++k;
    }
    if ((part == 'Q' && (number < 1 || number > 4)) || (part == 'H' && (number < 1 || number > 2))) return false;
    size_t y_at = k;
    if (W(y_at) == "de" || W(y_at) == "of" || W(y_at) == "del") ++y_at;
    if (W(y_at) == "l" && W(y_at + 1) == "'" && W(y_at + 2) == "année") y_at += 3;
    if (std::optional<int> y = Year(y_at)) {
      m->value = Format(*y);
      *next = y_at + 1;
    } else {
      if (reference_) m->value = Format(reference_->year);
      *next = k;
    }
    m->period = std::string(1, part) + std::to_string(number);
    return true;
  }

  std::optional<int> Count(size_t i) const {
    if (Digits(i) && W(i).size() <= 2) return std::stoi(W(i));
    return Lookup(kNumberWords, W(i));
  }
  std::optional<char> Unit(size_t i) const {
    for (const auto& [word, unit] : kUnits) {
      if (W(i) == word) return unit;
    }
    return std::nullopt;
  }
  bool IsNextWord(size_t i) const {
    for (auto w : kNextWords) {
      if (W(i) == w) return true;
    }
    return false;
  }

  // "next two years", "deux prochaines années", "sur cinq ans", "d'ici trois ans".
  bool Duration(size_t i, DateMention* m, size_t* next) const {
    size_t k = i;
    bool introduced = IsNextWord(k);
    for (auto w : kDurationIntroducers) introduced = introduced || W(k) == w;
    if (introduced) ++k;
    std::optional<int> count = Count(k);
    if (!count || *count == 0) return false;
    size_t u = k + 1;
    bool next_after = IsNextWord(u);
    if (next_after) ++u;
    std::optional<char> unit = Unit(u);
    if (!unit || (!introduced && !next_after)) return false;
    m->period = "P" + std::to_string(*count) + *unit;
    *next = u + 1;
    return true;
  }

  bool CalendarDate(size_t i, DateMention* m, size_t* next) const { return ExplicitDate(i, &m->value, next); }

  bool RelativeDate(size_t i, DateMention* m, size_t* next) const {
    for (const auto& r : kRelatives) {
      if (!Phrase(i, r.words, next)) continue;
      if (!reference_ || (r.words == "hier" && options_.language == "de")) return false;  // German "hier" is "here"
      const Date& ref = *reference_;
      if (r.unit == 'Y') {
        m->value = Format(ref.year + r.delta);
      } else if (r.unit == 'M') {
        if (ref.month == 0) return false;
        int months = ref.year * 12 + ref.month - 1 + r.delta;
        m->value = Format(months / 12, months % 12 + 1);
      } else {
        if (ref.day == 0) return false;
        using namespace std::chrono;
        sys_days day = sys_days(year_month_day(std::chrono::year(ref.year), std::chrono::month(ref.month),
                                               std::chrono::day(ref.day))) + days(r.delta);
        year_month_day ymd(day);
        m->value = Format(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
      }
      return true;
    }
    return false;
  }

  bool LoneYear(size_t i, DateMention* m, size_t* next) const {
    std::optional<int> y = Year(i);
    if (!y) return false;
    // Part of a longer numeral ("1.2024", "2024,5") or of a code: not a year.
    if (i > 0 && Glued(i) && t_[i - 1].kind != ScanKind::kOther) return false;
    if (i > 0 && Glued(i) && (W(i - 1) == "," || W(i - 1) == ".") && Digits(i - 2)) return false;
    if (Glued(i + 1) && t_[i + 1].kind != ScanKind::kOther) return false;
    if (Glued(i + 1) && (W(i + 1) == "," || W(i + 1) == ".") && Digits(i + 2) && Glued(i + 2)) return false;
    // Part of a numeric date or code ("31/02/2024", "12.2024"); "2024-2026" is a range of years.
    if (i > 1 && Glued(i) && Digits(i - 2) && Glued(i - 1) &&
        (W(i - 1) == "/" || W(i - 1) == "." || (W(i - 1) == "-" && W(i - 2).size() != 4))) {
      return false;
    }
    if (Glued(i + 1) && (W(i + 1) == "/" || W(i + 1) == ".") && Digits(i + 2) && Glued(i + 2)) return false;
    for (auto unit : kNotAfterYears) {
      if (W(i + 1) == unit) return false;
    }
    bool introduced = false;
    for (auto w : kYearPrepositions) introduced = introduced || (i > 0 && W(i - 1) == w);
    bool closed = i + 1 == t_.size() || t_[i + 1].kind == ScanKind::kOther;
    if (!introduced && !closed) return false;
    m->value = Format(*y);
    *next = i + 1;
    return true;
  }

  const std::vector<ScanToken>& t_;
  const DateOptions& options_;
  std::optional<Date> reference_;
};

}  // namespace

Result<std::vector<DateMention>> FindDates(std::string_view text, const DateOptions& options) {
  std::optional<Date> reference;
  if (!options.reference_date.empty()) {
    reference = ParseIsoDate(options.reference_date);
    if (!reference) {
      return InvalidArgument("reference_date \"" + options.reference_date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  Result<std::vector<ScanToken>> tokens = ScanTokens(text);
  if (!tokens.ok()) return tokens.status();
  return DateScanner(*tokens, options, reference).Run();
}

}  // namespace kg::extract
