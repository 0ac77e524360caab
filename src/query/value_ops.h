// Cypher's rules for comparing values: equality and ordering with null propagation for WHERE, and a
// total order for ORDER BY, min() and max(). Pure functions.
#ifndef KG_QUERY_VALUE_OPS_H_
#define KG_QUERY_VALUE_OPS_H_

#include <optional>
#include <string>

#include "kg/value.h"

namespace kg::query {

// a = b: nullopt (null) when either side is null; integers and floats compare by value; values of
// different kinds are unequal.
std::optional<bool> Equals(const Value& a, const Value& b);

// a < b as -1, 0, 1: nullopt when either is null or the kinds cannot be ordered (a string and a number).
std::optional<int> Compare(const Value& a, const Value& b);

// A total order for sorting: maps, lists, strings, booleans, numbers, then null last.
int SortCompare(const Value& a, const Value& b);

// Equal values give equal keys (1 and 1.0 included), for DISTINCT and grouping.
std::string GroupKey(const Value& v);

}  // namespace kg::query

#endif  // KG_QUERY_VALUE_OPS_H_
