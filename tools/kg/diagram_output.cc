#include "kg/diagram_output.h"

#include "export/output_file.h"

namespace kg::cli {

bool WriteDiagram(Context& ctx, const std::string& output, const std::string& bytes) {
  if (output == "-") {
    ctx.out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return true;
  }
  exporter::OutputFile file(output);
  Status status = file.Open();
  if (status.ok()) {
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    status = file.Commit();
  }
  if (!status.ok()) ctx.Fail(status);
  return status.ok();
}

void ReportLeftOut(Context& ctx, const DiagramReport& report, std::string_view holds, std::string_view hint) {
  if (report.nodes_left_out == 0 && report.edges_left_out == 0) return;
  *ctx.err << "kg: the " << holds << " " << report.nodes << " entities and " << report.edges << " facts; "
           << (report.count_is_lower_bound ? "at least " : "") << report.nodes_left_out << " more entities and "
           << report.edges_left_out << " more facts were left out (raise --max-nodes or --max-edges" << hint
           << ")\n";
}

}  // namespace kg::cli
