// A lean reader of stored evidence lines for the exporters. Evidence is stored as the canonical JSON
// line that kg itself wrote (see schemas/store_layout.md), so an export does not need the validating
// parser behind store::DecodeEvidence, nor an Assertion with its subject and object: one pass over the
// line pulls out the qualifier, source and evidence fields and skips the rest.
//
// The scanner trusts the values (it does not re-check ranges, dates or lengths, which the writer did)
// but not the syntax: any line that is not a well-formed JSON object of the assertion's fields is
// reported as corrupt, never read past its end. On the lines kg writes it agrees with DecodeEvidence.
#ifndef KG_EXPORT_EVIDENCE_FIELDS_H_
#define KG_EXPORT_EVIDENCE_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kg/model.h"
#include "kg/status.h"

namespace kg::exporter {

// The fields of one piece of evidence that the export formats print: an Assertion whose subject,
// predicate and object a scan leaves empty (exports take those from the evidence key), and whose other
// fields are missing when empty or nullopt. Reusing one object across lines keeps the strings' storage,
// so a warm scan allocates nothing.
using EvidenceFields = Assertion;

// Which fields a scan fills: all of them, or only those an edge's summary needs (amount, currency,
// date, period, confidence and source_uri), leaving the others empty. Both check the line's structure.
// Strings that a scan does not keep (the subject, predicate and object always; the rest in a summary
// scan) are stepped over to their closing quote without checking their escapes and bytes.
enum class EvidenceScope { kAll, kSummary };

// Reads `line`, a stored evidence value, into `*fields` (every field is overwritten). Returns Ok, or
// DataLoss naming the byte offset and what was expected there when the line is not a JSON object
// with the assertion's fields (subject, predicate and object are required; unknown or repeated
// fields, bad escapes, ill-formed numbers and trailing bytes are errors). On error `*fields` holds
// partial values.
[[nodiscard]] Status ScanEvidenceFields(std::string_view line, EvidenceFields* fields,
                                        EvidenceScope scope = EvidenceScope::kAll);

}  // namespace kg::exporter

#endif  // KG_EXPORT_EVIDENCE_FIELDS_H_
