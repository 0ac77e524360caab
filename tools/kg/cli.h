// The `kg` command line: parses flags with CLI11, calls the library and prints. main() is four lines over
// Run(); tests call Run() in-process with string streams.
#ifndef KG_TOOLS_CLI_H_
#define KG_TOOLS_CLI_H_

#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "kg/row_output.h"
#include "kg/status.h"

namespace CLI {
class App;
}

namespace kg::cli {

// Exit codes, as documented in the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // I/O or internal failure
  kExitUsage = 2,        // bad flags or arguments
  kExitRejected = 3,     // ingest rejected some lines (the valid ones went in)
  kExitNotFound = 4,     // no such entity, source or store
  kExitInUse = 5,        // another process is writing to the store
  kExitCheckFailed = 6,  // kg check found a broken invariant, or the store is corrupt
  kExitWrongFormat = 7,  // not a kg store, or another format version
};

// What every subcommand shares: the streams, the global flags, and the exit code it sets.
struct Context {
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  std::string db_path;
  std::string format_name;  // empty: the default for the output stream
  bool raw_csv = false;     // --raw-csv: CSV text fields without the guard against spreadsheet formulas
  int exit_code = kExitOk;

  // The format chosen by --format, or a table on a terminal and TSV otherwise.
  Format OutputFormat() const;

  // How CSV rows are written: formulas guarded unless --raw-csv, controls shown on a terminal.
  CsvStyle OutputCsvStyle() const;

  // Prints "kg: <message>" on err and sets the exit code that `status` maps to.
  void Fail(const Status& status);

  // Opens the store at db_path; on failure reports it (as Fail) and returns null.
  std::unique_ptr<GraphStore> OpenStore(OpenMode mode);
};

// Runs kg with `args` (without the program name). Returns the exit code.
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// Runs kg on the process's own streams, telling terminals apart for the default format.
int Run(int argc, char** argv);

// Each subcommand adds itself to the app; its callback runs when it was the one given.
void AddIngestCommand(CLI::App& app, Context& ctx);
void AddStatsCommand(CLI::App& app, Context& ctx);
void AddEntityCommand(CLI::App& app, Context& ctx);
void AddExportCommand(CLI::App& app, Context& ctx);
void AddExtractCommand(CLI::App& app, Context& ctx);
void AddFactsCommand(CLI::App& app, Context& ctx);
void AddQueryCommand(CLI::App& app, Context& ctx);
void AddCheckCommand(CLI::App& app, Context& ctx);
void AddForgetCommand(CLI::App& app, Context& ctx);
void AddLedgerCommands(CLI::App& app, Context& ctx);
void AddNeighborsCommand(CLI::App& app, Context& ctx);
void AddPathCommand(CLI::App& app, Context& ctx);
void AddRankCommand(CLI::App& app, Context& ctx);
void AddComponentsCommand(CLI::App& app, Context& ctx);
void AddRenderCommand(CLI::App& app, Context& ctx);

}  // namespace kg::cli

#endif  // KG_TOOLS_CLI_H_
