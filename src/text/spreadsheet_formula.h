// OWASP's rule against CSV injection: a spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that
// starts with '=', '+', '-' or '@' as a formula, and a leading tab or carriage return can hide such a
// start. A writer defuses the cell by putting a single quote in front, which spreadsheets read as "this
// is text" and do not show. Both CSV writers (kg export --to csv and --format csv) share this test, so
// that they guard the same cells. Pure, thread-safe.
#ifndef KG_TEXT_SPREADSHEET_FORMULA_H_
#define KG_TEXT_SPREADSHEET_FORMULA_H_

#include <string_view>

namespace kg::text {

// Whether a spreadsheet could take the text cell `field` for a formula: it starts with = + - @, a tab or
// CR. Only text cells are meant: a number column keeps its minus sign.
inline bool StartsLikeFormula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

// The quote that writers put before such a cell.
inline constexpr char kFormulaGuard = '\'';

}  // namespace kg::text

#endif  // KG_TEXT_SPREADSHEET_FORMULA_H_
