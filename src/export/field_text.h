// Text forms that every export format shares, so that a value reads the same in CSV, GraphML and
// node-link JSON: numbers in their shortest round-trip form, and lists (aliases, sources) as JSON arrays.
#ifndef KG_EXPORT_FIELD_TEXT_H_
#define KG_EXPORT_FIELD_TEXT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kg/model.h"

namespace kg::exporter {

// The shortest decimal text that reads back as exactly `value`: "1.5", "1900000000", "0.9"; with an
// exponent only below 1e-6 or from 1e21 on ("1e+21").
void AppendNumber(std::string* out, double value);
std::string NumberText(double value);

// Decimal digits of `value`, as std::to_string writes them.
void AppendUnsigned(std::string* out, uint64_t value);
void AppendSigned(std::string* out, int64_t value);


// [["Spain","en"],["Espagne","fr"]]: each alias with its language ("" when unknown), as stored.
void AppendAliasesJson(std::string* out, const std::vector<Alias>& aliases);
// ["https://a.example/1","https://b.example/2"]
void AppendStringsJson(std::string* out, std::span<const std::string> items);

}  // namespace kg::exporter

#endif  // KG_EXPORT_FIELD_TEXT_H_
