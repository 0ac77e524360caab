// Finds where things are in the raw text of a JSON line, so that every rejected line can name a column:
// the value or key of a field for errors found after parsing (a mistyped "subject", an unknown field),
// and the offending token for syntax errors. Only runs on the error path.
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

// The byte offset of the opening quote of the key of the member at `path` (non-empty), or nullopt. An error
// about the key itself, such as an unknown field, points here rather than at the value.
std::optional<size_t> LocateKey(std::string_view json_text, const std::vector<std::string>& path);

// The byte offset of the first bare token (a number or word outside any string) that equals `token`, or
// nullopt. Used for errors the parser reports without a position, such as a number that overflows.
std::optional<size_t> FindBareToken(std::string_view text, std::string_view token);

// How the parser described a syntax error, as far as positioning it goes.
enum class SyntaxErrorKind {
  kToken,              // a token that does not belong here, or a malformed one
  kCharacter,          // one bad character in a string: a raw control character, a bad escape letter
  kUnicodeEscape,      // a \u escape without four hex digits, or a low surrogate without a high one
  kLoneHighSurrogate,  // a \u high surrogate that no low surrogate follows
};

// The byte offset to show a person for a syntax error that the parser reports at `stop`, the last byte it
// read. That byte is often the end of the offending token (the closing quote of an unexpected string) or
// one past it (the "}" after "nul"), so the start of the token is returned instead: the first byte of a
// malformed word or number, the opening quote of an unexpected or unterminated string, or the backslash
// of a bad \u escape. `text` need not be valid JSON.
size_t LocateSyntaxError(std::string_view text, size_t stop, SyntaxErrorKind kind);

// The byte offset of the bracket that opens nesting level `max_depth + 1` (outside strings), or nullopt.
std::optional<size_t> FindExcessNesting(std::string_view json_text, int max_depth);

}  // namespace kg::schema

#endif  // KG_SCHEMA_JSON_LOCATOR_H_
