#include "extract/date_parser.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "extract/date_words.h"

namespace kg::extract {
namespace {

using namespace date_words;  // NOLINT: the tables are this file's vocabulary

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
          RelativeName(i, &m, &next) || CalendarDate(i, &m, &next) || RelativeDate(i, &m, &next) ||
          LoneYear(i, &m, &next)) {
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
      size_t month_end = 0;
      std::optional<int> month = Month(k, &month_end);
      if (ExplicitDate(k, &value, next)) {
      } else if (std::optional<int> y = Year(k)) {
        value = Format(*y);
        *next = k + 1;
      } else if (month && reference_ && reference_->month > 0 && !Digits(month_end)) {
        // "d'ici fin mars", "bis Ende Juni": a deadline is ahead, in the reference's month at the earliest.
        value = Format(reference_->year + (*month < reference_->month ? 1 : 0), *month);
        *next = month_end;
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

  // "el pasado mes de marzo", "janvier dernier", "im März", "fin mars", "este martes", "le 12 mars dernier":
  // a month, a weekday or a day and month without a year, placed in time by a word before or after it
  // (kShiftsBefore, kShiftsAfter) and resolved against the reference. A year or a day after the month
  // makes it an explicit date, left to CalendarDate.
  bool RelativeName(size_t i, DateMention* m, size_t* next) const {
    if (!reference_ || reference_->month == 0) return false;
    std::optional<Toward> toward;
    size_t k = i;
    for (const auto& s : kShiftsBefore) {
      if (Phrase(i, s.words, &k)) {
        toward = s.toward;
        break;
      }
    }
    if (!toward) k = i;
    size_t filler = 0;
    if (toward && Phrase(k, "mes de", &filler)) k = filler;
    size_t at = k, name_end = 0;
    std::optional<int> day = DayBeforeMonth(k, &at);
    std::optional<int> month = day ? Month(at, &name_end) : std::nullopt;
    if (!month) {
      day.reset();
      month = Month(k, &name_end);
    }
    std::optional<int> weekday;
    if (!month) {
      weekday = Lookup(kWeekdays, W(k));
      name_end = k + 1;
    }
    if (!month && !weekday) return false;
    if (month && (Digits(name_end) || ((W(name_end) == "de" || W(name_end) == "del") && Year(name_end + 1)))) {
      return false;
    }
    if (!toward) {
      for (const auto& s : kShiftsAfter) {
        if (W(name_end) == s.words) {
          toward = s.toward;
          ++name_end;
          break;
        }
      }
    }
    if (!toward) return false;
    std::optional<std::string> value = weekday ? WeekdayValue(*weekday, *toward)
                                       : day   ? DayMonthValue(*day, *month, *toward)
                                               : MonthValue(*month, *toward);
    if (!value) return false;
    m->value = *value;
    *next = name_end;
    return true;
  }

  std::optional<std::string> MonthValue(int month, Toward toward) const {
    const Date& ref = *reference_;
    int year = ref.year;
    switch (toward) {
      case Toward::kPast: year -= month >= ref.month ? 1 : 0; break;
      case Toward::kPastOrNow: year -= month > ref.month ? 1 : 0; break;
      case Toward::kFuture: year += month <= ref.month ? 1 : 0; break;
      case Toward::kNearest:
        if (month - ref.month > 6) --year;
        else if (ref.month - month > 6) ++year;  // "fin janvier" written in November
        break;
      case Toward::kThisWeek: return std::nullopt;
    }
    return Format(year, month);
  }

  std::optional<std::string> DayMonthValue(int day, int month, Toward toward) const {
    const Date& ref = *reference_;
    if (toward != Toward::kPast && toward != Toward::kFuture) return std::nullopt;
    if (month == ref.month && (ref.day == 0 || day == ref.day)) return std::nullopt;  // too close to tell
    bool before = month < ref.month || (month == ref.month && day < ref.day);
    int year = ref.year + (toward == Toward::kPast ? (before ? 0 : -1) : (before ? 1 : 0));
    if (!ValidDay(year, month, day)) return std::nullopt;
    return Format(year, month, day);
  }

  std::optional<std::string> WeekdayValue(int weekday, Toward toward) const {
    const Date& ref = *reference_;
    if (ref.day == 0) return std::nullopt;
    using namespace std::chrono;
    sys_days today = sys_days(year_month_day(std::chrono::year(ref.year), std::chrono::month(ref.month),
                                             std::chrono::day(ref.day)));
    int today_iso = static_cast<int>(std::chrono::weekday(today).iso_encoding());
    int shift = 0;
    switch (toward) {
      case Toward::kThisWeek: shift = weekday - today_iso; break;
      case Toward::kPast: shift = -((today_iso - weekday + 6) % 7 + 1); break;
      case Toward::kFuture: shift = (weekday - today_iso + 6) % 7 + 1; break;
      case Toward::kPastOrNow:
      case Toward::kNearest: return std::nullopt;
    }
    year_month_day ymd(today + days(shift));
    return Format(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
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
