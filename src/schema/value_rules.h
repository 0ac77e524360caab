// The value rules of schemas/assertion.schema.json that plain C++ checks: dates, currencies, predicate
// names, language tags, lengths and numeric ranges. Shared by the full validator (assertion_json.cc) and
// the fast path (fast_assertion_parser.cc), so that the two cannot drift apart. Pure functions.
#ifndef KG_SCHEMA_VALUE_RULES_H_
#define KG_SCHEMA_VALUE_RULES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "text/control_characters.h"

namespace kg::schema {

constexpr double kMaxAmount = 1e18;
constexpr double kMaxOffset = 9007199254740991.0;  // 2^53 - 1: the largest integer every JSON reader keeps

// Lengths in characters (code points), as JSON Schema's maxLength counts them.
constexpr size_t kMaxNameLength = 1000;
constexpr size_t kMaxExternalIdLength = 200;
constexpr size_t kMaxPeriodLength = 200;
constexpr size_t kMaxUriLength = 2048;
constexpr size_t kMaxTitleLength = 1000;
constexpr size_t kMaxEvidenceTextLength = 10000;
constexpr size_t kMaxExtractorLength = 200;

size_t CodePoints(std::string_view s);

// YYYY, YYYY-MM or YYYY-MM-DD naming a month or day that exists (month 01-12, a day the month has in
// the proleptic Gregorian calendar: 2024-02-29 but not 2023-02-29), as the schema's pattern says.
bool IsDate(const std::string& s);
// Whether `s` has IsDate's form but names a day past the end of its month, such as 2024-02-30.
bool IsDayPastMonthEnd(const std::string& s);
// 28 to 31; `month` is 1 to 12. Leap years follow the Gregorian rule (1900 is not one, 2000 is).
int DaysInMonth(int year, int month);
// Three capital letters (ISO 4217's shape).
bool IsCurrency(const std::string& s);
// [a-z][a-z0-9_]{0,63}
bool IsPredicateName(const std::string& s);
// [a-z]{2,3}(-[A-Za-z0-9]{2,8})*
bool IsLanguageTag(const std::string& s);
// The schema's "\S" for names: some character that is not ECMA-262 white space. `s` is valid UTF-8.
bool HasNonSpace(const std::string& s);
// The first character that no name may hold, or nullopt: a control character (Unicode category Cc,
// U+0000-U+001F and U+007F-U+009F), which C strings, cgraph and terminals cut or obey, or a bidi
// embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069), which makes a name display
// as another ("Trojan Source"). The schema's pattern for names says the same. `s` is valid UTF-8.
std::optional<text::ControlCharacter> FindForbiddenNameCharacter(std::string_view s);

}  // namespace kg::schema

#endif  // KG_SCHEMA_VALUE_RULES_H_
