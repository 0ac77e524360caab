// A single-pass parser for the common case: a valid assertion line in plain form.
//
// It reads the line straight into an Assertion, with no DOM, and checks the same rules as the full
// validator (the shared ones live in value_rules.h). Whenever anything is unusual — an error, but also a
// duplicate key, an escaped key, a BOM, a negative number, a very long integer — it gives up and returns
// nullopt, and the caller runs the full parser, which accepts the line identically or explains the error.
// Tests hold it to that over every fixture and every case of the bad-input corpus. Stateless.
#ifndef KG_SCHEMA_FAST_ASSERTION_PARSER_H_
#define KG_SCHEMA_FAST_ASSERTION_PARSER_H_

#include <optional>
#include <string_view>

#include "kg/model.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::schema {

// `line` must already be valid UTF-8 within the limits' size (ParseAssertionLine checks both first).
std::optional<Assertion> FastParseAssertion(std::string_view line, const PredicateVocabulary& vocabulary,
                                            const ParseLimits& limits);

// The same rules for an Assertion built by another reader (N-Triples, CSV): true only when
// ParseAssertionLine would accept ToCanonicalJson(assertion), checked on the fields directly instead of
// through the JSON text. False means "not sure": the caller then runs that round trip, which accepts the
// assertion after all or explains the error. Every text field must already be valid UTF-8. Tests hold it
// to the round trip over every fixture and over assertions broken field by field.
bool FastCheckAssertion(const Assertion& assertion, const PredicateVocabulary& vocabulary, const ParseLimits& limits);

}  // namespace kg::schema

#endif  // KG_SCHEMA_FAST_ASSERTION_PARSER_H_
