#include "export/evidence_summary.h"

#include <cstdint>
#include <cstring>

namespace kg::exporter {
namespace {

// A record: one flags byte; the amount and the confidence as 8-byte doubles when present; then
// currency, date, period and source uri, each a 4-byte length and its bytes. A line that did not scan
// is the flags byte kScanError and the message, as one length and its bytes.
enum Flags : uint8_t { kAmount = 1, kConfidence = 2, kScanError = 4 };

void AppendDouble(std::string* out, double value) {
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out->append(bytes, sizeof bytes);
}

void AppendText(std::string* out, std::string_view text) {
  const auto size = static_cast<uint32_t>(text.size());
  char bytes[sizeof size];
  std::memcpy(bytes, &size, sizeof size);
  out->append(bytes, sizeof bytes).append(text);
}

// Reads from a record front to back; any read past its end makes it !ok().
class RecordReader {
 public:
  explicit RecordReader(std::string_view record) : rest_(record) {}
  bool ok() const { return ok_; }

  uint8_t Byte() {
    if (!Has(1)) return 0;
    const auto b = static_cast<uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return b;
  }
  double Double() {
    double value = 0;
    if (!Has(sizeof value)) return 0;
    std::memcpy(&value, rest_.data(), sizeof value);
    rest_.remove_prefix(sizeof value);
    return value;
  }
  std::string_view Text() {
    uint32_t size = 0;
    if (!Has(sizeof size)) return {};
    std::memcpy(&size, rest_.data(), sizeof size);
    rest_.remove_prefix(sizeof size);
    if (!Has(size)) return {};
    const std::string_view text = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return text;
  }

 private:
  bool Has(size_t n) {
    if (rest_.size() < n) ok_ = false;
    return ok_;
  }
  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace

void AppendEvidenceSummary(std::string_view line, EvidenceFields* scratch, std::string* out) {
  const Status scanned = ScanEvidenceFields(line, scratch, EvidenceScope::kSummary);
  if (!scanned.ok()) {
    out->push_back(static_cast<char>(kScanError));
    AppendText(out, scanned.message());
    return;
  }
  const EvidenceFields& f = *scratch;
  out->push_back(static_cast<char>((f.amount ? kAmount : 0) | (f.confidence ? kConfidence : 0)));
  if (f.amount) AppendDouble(out, *f.amount);
  if (f.confidence) AppendDouble(out, *f.confidence);
  AppendText(out, f.currency);
  AppendText(out, f.date);
  AppendText(out, f.period);
  AppendText(out, f.source_uri);
}

Status ReadEvidenceSummary(std::string_view record, EvidenceFields* fields) {
  RecordReader in(record);
  const uint8_t flags = in.Byte();
  if (flags == kScanError) {
    const std::string_view message = in.Text();
    return in.ok() ? DataLoss(std::string(message)) : DataLoss("an evidence summary is cut short");
  }
  fields->amount.reset();
  fields->confidence.reset();
  if (flags & kAmount) fields->amount = in.Double();
  if (flags & kConfidence) fields->confidence = in.Double();
  fields->currency.assign(in.Text());
  fields->date.assign(in.Text());
  fields->period.assign(in.Text());
  fields->source_uri.assign(in.Text());
  return in.ok() ? Status::Ok() : DataLoss("an evidence summary is cut short");
}

}  // namespace kg::exporter
