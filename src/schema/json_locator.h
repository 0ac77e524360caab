// Finds where a field's value starts in the raw text of a JSON line, so that errors found after parsing
// (a mistyped "subject", an unknown predicate) can still name a column. Only runs on the error path.
#ifndef KG_SCHEMA_JSON_LOCATOR_H_
#define KG_SCHEMA_JSON_LOCATOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::schema {

// The byte offset of the value at `path` (object keys from the root) in `json_text`, which must be valid
// JSON. Returns nullopt when the path is not there. An empty path gives the root value.
std::optional<size_t> LocateValue(std::string_view json_text, const std::vector<std::string>& path);

// The byte offset of the first byte of the first byte sequence in `text` that is not valid UTF-8, or
// nullopt when all of it is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// The byte offset of the bracket that opens nesting level `max_depth + 1` (outside strings), or nullopt.
std::optional<size_t> FindExcessNesting(std::string_view json_text, int max_depth);

}  // namespace kg::schema

#endif  // KG_SCHEMA_JSON_LOCATOR_H_
