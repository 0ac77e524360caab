#include "schema/value_rules.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace kg::schema {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

// Hand-written instead of std::regex: these run for every line of a bulk load.
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int TwoDigits(const std::string& s, size_t at) {
  if (!IsDigit(s[at]) || !IsDigit(s[at + 1])) return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

namespace {

// The day of a YYYY-MM-DD date whose month is valid and whose day is 01 to 31, or 0 when `s` is not
// one; the year and month through the pointers.
int DayOfFullDate(const std::string& s, int* year, int* month) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (size_t i = 0; i < 4; ++i) if (!IsDigit(s[i])) return 0;
  *year = std::stoi(s.substr(0, 4));
  *month = TwoDigits(s, 5);
  const int day = TwoDigits(s, 8);
  if (*month < 1 || *month > 12 || day < 1 || day > 31) return 0;
  return day;
}

}  // namespace

bool IsDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < 4; ++i) if (!IsDigit(s[i])) return false;
  if (s.size() == 4) return true;
  int month = s[4] == '-' ? TwoDigits(s, 5) : -1;
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  int year = 0;
  const int day = DayOfFullDate(s, &year, &month);
  return day != 0 && day <= DaysInMonth(year, month);
}

bool IsDayPastMonthEnd(const std::string& s) {
  int year = 0, month = 0;
  const int day = DayOfFullDate(s, &year, &month);
  return day != 0 && day > DaysInMonth(year, month);
}

bool IsCurrency(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsPredicateName(const std::string& s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_'; });
}

bool IsLanguageTag(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < s.size()) {
    if (s[i++] != '-') return false;
    size_t start = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

namespace {

// White space as the schema's "\S" pattern means it: JSON Schema patterns are ECMA-262 regular expressions,
// whose \s is the line terminators, tab, vertical tab, form feed, U+FEFF and the space separators (Zs).
bool IsEcmaSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace

// `s` is valid UTF-8: the line was checked before parsing and the parser writes escapes as UTF-8.
bool HasNonSpace(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char lead = s[i];
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? lead : lead & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (!IsEcmaSpace(c)) return true;
    i += len;
  }
  return false;
}

std::optional<text::ControlCharacter> FindForbiddenNameCharacter(std::string_view s) {
  return text::FindControlOrBidiControl(s);
}

}  // namespace kg::schema
