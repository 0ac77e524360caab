// An evidence line's summary (the fields an edge needs: amount, currency, date, period, confidence and
// source uri) as a compact record of plain bytes. A whole-graph export that keeps no evidence scans its
// lines on the read-ahead thread (see evidence_stream.h) and hands these records over instead: the scan
// is about a fifth of an export's CPU time, and moving it to the other core leaves the exporting thread
// only the formatting. Records are bytes written and read in order, like the stored lines they replace,
// so handing them between cores stays cheap.
#ifndef KG_EXPORT_EVIDENCE_SUMMARY_H_
#define KG_EXPORT_EVIDENCE_SUMMARY_H_

#include <string>
#include <string_view>

#include "export/evidence_fields.h"
#include "kg/status.h"

namespace kg::exporter {

// Scans `line` (a stored evidence value) with EvidenceScope::kSummary through `scratch` and appends its
// record to `out`. A line that does not scan is recorded too, as its error, so that the reader reports
// it where it lies.
void AppendEvidenceSummary(std::string_view line, EvidenceFields* scratch, std::string* out);

// Reads a record that AppendEvidenceSummary wrote into `*fields` (the summary's fields; the others are
// left as they are). Returns the scan's DataLoss for a line that did not scan, or DataLoss for a record
// that is cut short.
[[nodiscard]] Status ReadEvidenceSummary(std::string_view record, EvidenceFields* fields);

}  // namespace kg::exporter

#endif  // KG_EXPORT_EVIDENCE_SUMMARY_H_
