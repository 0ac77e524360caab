// Where a byte offset lies in a query, as people count: "line:column", both from 1, columns in code
// points. Shared by the parsers and the planner so every query error points the same way.
#ifndef KG_QUERY_QUERY_POSITION_H_
#define KG_QUERY_QUERY_POSITION_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::query {

inline std::string LineColumn(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count lead bytes only, so a code point counts once
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_POSITION_H_
