// Reads one JSONL line into an Assertion and writes an Assertion back as canonical JSON.
//
// This is the one file that calls nlohmann/json for assertions: its exceptions stop here and come back as
// a LineError that says where in the line and which field. Validation follows
// schemas/assertion.schema.json; a test checks that a real JSON Schema validator agrees on every fixture.
// Stateless and thread-safe.
#ifndef KG_SCHEMA_ASSERTION_JSON_H_
#define KG_SCHEMA_ASSERTION_JSON_H_

#include <string>
#include <string_view>
#include <variant>

#include "kg/model.h"
#include "schema/predicate_vocabulary.h"

namespace kg::schema {

// Why a line was rejected. `column` is 1-based and counts characters (code points), not bytes.
struct LineError {
  int column = 1;
  std::string field;   // "subject", "source.uri", ... or "json" / "line" for syntax and encoding
  std::string reason;

  // "<column>: <field>: <reason>", to be prefixed with "file:line:".
  std::string ToString() const;
};

struct ParseLimits {
  size_t max_line_bytes = 1 << 20;
  int max_depth = 16;
  bool allow_new_predicates = false;
  bool fast_path = true;  // try FastParseAssertion first; tests turn it off to get the reference result
  // Whether a YYYY-MM-DD date must name a day its month has. Stored evidence is read without this rule:
  // builds before it accepted any day up to 31, and what they stored must still read.
  bool days_must_exist = true;
  // Whether names must be free of control characters and bidi controls (FindForbiddenNameCharacter).
  // Stored evidence is read without this rule, for the same reason: older builds stored such names.
  bool names_without_controls = true;
};

using ParsedLine = std::variant<Assertion, LineError>;

// The error for a line of `length` bytes, over limits.max_line_bytes. Readers that stop buffering a long
// line early (see ingest/line_reader.h) report it with this, as ParseAssertionLine does.
LineError OverlongLineError(size_t length, const ParseLimits& limits);

// Parses and validates one line (without its newline) against the schema and `vocabulary`.
ParsedLine ParseAssertionLine(std::string_view line, const PredicateVocabulary& vocabulary,
                              const ParseLimits& limits);

// The canonical one-line JSON form of `assertion`: fixed key order, only the fields that are set, and
// a plain string for a subject or object that has nothing but a name. ParseAssertionLine reads it back
// to an equal Assertion, so this is what the store keeps and what `kg export --to jsonl` prints.
std::string ToCanonicalJson(const Assertion& assertion);

// Appends `s` to `out` as a JSON string, escaped exactly as nlohmann's dump() escapes it (ensure_ascii
// off), so that hand-written encoders produce the bytes nlohmann would. `s` must be valid UTF-8.
void AppendJsonString(std::string* out, std::string_view s);

// The column (1-based, in code points) of byte offset `byte_offset` within `line`.
int ColumnOf(std::string_view line, size_t byte_offset);

}  // namespace kg::schema

#endif  // KG_SCHEMA_ASSERTION_JSON_H_
