// kg::Value: one cell of a query result, as `kg query` returns it and as query literals are written.
//
// A plain value type in the spirit of Cypher's values: null, boolean, integer, float, string, list and
// map. Nodes and relationships come out of queries as maps (see README, "Queries"). Safe to copy and
// to share between threads once built.
#ifndef KG_VALUE_H_
#define KG_VALUE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kg {

struct Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // keys in the order they were given

struct Value {
  std::variant<std::monostate, bool, int64_t, double, std::string, ValueList, ValueMap> data;

  Value() = default;
  Value(std::nullptr_t) {}                                       // NOLINT: null
  Value(bool b) : data(b) {}                                     // NOLINT
  Value(int64_t i) : data(i) {}                                  // NOLINT
  Value(int i) : data(static_cast<int64_t>(i)) {}                // NOLINT
  Value(double d) : data(d) {}                                   // NOLINT
  Value(std::string s) : data(std::move(s)) {}                   // NOLINT
  Value(const char* s) : data(std::string(s)) {}                 // NOLINT
  Value(ValueList l) : data(std::move(l)) {}                     // NOLINT
  Value(ValueMap m) : data(std::move(m)) {}                      // NOLINT

  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
  bool is_bool() const { return std::holds_alternative<bool>(data); }
  bool is_int() const { return std::holds_alternative<int64_t>(data); }
  bool is_double() const { return std::holds_alternative<double>(data); }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return std::holds_alternative<std::string>(data); }
  bool is_list() const { return std::holds_alternative<ValueList>(data); }
  bool is_map() const { return std::holds_alternative<ValueMap>(data); }

  // Preconditions: the matching is_*() holds.
  bool as_bool() const { return std::get<bool>(data); }
  int64_t as_int() const { return std::get<int64_t>(data); }
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : std::get<double>(data); }
  const std::string& as_string() const { return std::get<std::string>(data); }
  const ValueList& as_list() const { return std::get<ValueList>(data); }
  const ValueMap& as_map() const { return std::get<ValueMap>(data); }

  // The value of `key` in a map, or null when absent or not a map.
  const Value& Get(const std::string& key) const;

  friend bool operator==(const Value& a, const Value& b) { return a.data == b.data; }
};

// Compact JSON text for a value, as `--format json` prints it (strings escaped, floats shortest form).
std::string ValueToJson(const Value& value);

}  // namespace kg

#endif  // KG_VALUE_H_
