#include "query/value_ops.h"

namespace kg::query {
namespace {

int Rank(const Value& v) {
  if (v.is_map()) return 0;
  if (v.is_list()) return 1;
  if (v.is_string()) return 2;
  if (v.is_bool()) return 3;
  if (v.is_number()) return 4;
  return 5;  // null sorts last
}

int Sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

}  // namespace

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
    return a.as_number() == b.as_number();
  }
  if (a.is_list() && b.is_list()) {
    const ValueList& x = a.as_list();
    const ValueList& y = b.as_list();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (size_t i = 0; i < x.size(); ++i) {
      auto eq = Equals(x[i], y[i]);
      if (!eq) {
        unknown = true;
      } else if (!*eq) {
        return false;
      }
    }
    if (unknown) return std::nullopt;
    return true;
  }
  return a.data == b.data;
}

std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    return Sign(a.as_number() - b.as_number());
  }
  if (a.is_string() && b.is_string()) return Sign(a.as_string().compare(b.as_string()));
  if (a.is_bool() && b.is_bool()) return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
  return std::nullopt;
}

int SortCompare(const Value& a, const Value& b) {
  const int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (a.is_list()) {
    const ValueList& x = a.as_list();
    const ValueList& y = b.as_list();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      const int c = SortCompare(x[i], y[i]);
      if (c != 0) return c;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  if (a.is_map()) return Sign(GroupKey(a).compare(GroupKey(b)));
  return Compare(a, b).value_or(0);
}

std::string GroupKey(const Value& v) {
  // Integral floats print like integers in JSON, so 1 and 1.0 share a key, as Cypher's equality wants.
  return ValueToJson(v);
}

}  // namespace kg::query
