#include "export/field_text.h"

#include <charconv>

#include "schema/assertion_json.h"

namespace kg::exporter {

void AppendNumber(std::string* out, double value) {
  // Plain decimals for the range amounts and confidences live in (1900000000, not 1.9e+09), still the
  // shortest digits that read back exactly; exponents only outside it.
  const double magnitude = value < 0 ? -value : value;
  const bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
  char buffer[64];
  auto [end, error] = plain ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                            : std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, error == std::errc() ? end : buffer);
}

std::string NumberText(double value) {
  std::string text;
  AppendNumber(&text, value);
  return text;
}

void AppendUnsigned(std::string* out, uint64_t value) {
  char digits[24];
  out->append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void AppendSigned(std::string* out, int64_t value) {
  char digits[24];
  out->append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void AppendAliasesJson(std::string* out, const std::vector<Alias>& aliases) {
  out->push_back('[');
  for (size_t i = 0; i < aliases.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('[');
    schema::AppendJsonString(out, aliases[i].name);
    out->push_back(',');
    schema::AppendJsonString(out, aliases[i].lang);
    out->push_back(']');
  }
  out->push_back(']');
}

void AppendStringsJson(std::string* out, std::span<const std::string> items) {
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    schema::AppendJsonString(out, items[i]);
  }
  out->push_back(']');
}

}  // namespace kg::exporter
