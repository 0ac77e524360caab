#include "kg/value.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "schema/assertion_json.h"  // the one JSON string escaper kg has

namespace kg {
namespace {

void AppendJson(const Value& value, std::string* out) {
  if (value.is_null()) {
    *out += "null";
  } else if (value.is_bool()) {
    *out += value.as_bool() ? "true" : "false";
  } else if (value.is_int()) {
    *out += std::to_string(value.as_int());
  } else if (value.is_double()) {
    const double d = value.as_number();
    if (!std::isfinite(d)) {
      *out += "null";  // JSON has no NaN or infinity
      return;
    }
    // Whole amounts read as digits (1900000000, not 1.9e+09); the rest in the shortest exact form.
    if (d == std::trunc(d) && std::fabs(d) < 1e15) {
      *out += std::to_string(static_cast<int64_t>(d));
      return;
    }
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    out->append(buf, end);
  } else if (value.is_string()) {
    schema::AppendJsonString(out, value.as_string());
  } else if (value.is_list()) {
    out->push_back('[');
    bool first = true;
    for (const Value& item : value.as_list()) {
      if (!first) out->push_back(',');
      first = false;
      AppendJson(item, out);
    }
    out->push_back(']');
  } else {
    out->push_back('{');
    bool first = true;
    for (const auto& [key, item] : value.as_map()) {
      if (!first) out->push_back(',');
      first = false;
      schema::AppendJsonString(out, key);
      out->push_back(':');
      AppendJson(item, out);
    }
    out->push_back('}');
  }
}

}  // namespace

const Value& Value::Get(const std::string& key) const {
  static const Value kNull;
  if (!is_map()) return kNull;
  for (const auto& [k, v] : as_map()) {
    if (k == key) return v;
  }
  return kNull;
}

std::string ValueToJson(const Value& value) {
  std::string out;
  AppendJson(value, &out);
  return out;
}

}  // namespace kg
