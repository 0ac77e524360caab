// Times N-Triples import without the store: `kg_nt_parse_bench FILE` reads FILE line by line and
//  - parse:  runs the line parser (rdf/ntriples_parser.h) alone, on one thread;
//  - decode: runs the whole N-Triples decoder (parse, IRI -> name mapping, statement grouping, the
//            JSONL rules and the evidence line) on one thread; `kg ingest` spreads the same work over
//            its parse threads (Decode on several at once, Assemble in input order) while it merges.
// Prints one TSV row per phase: phase, lines, assertions, seconds, lines/s, CPU seconds (the process's,
// which on this one thread is the phase's: steadier than wall time on a shared machine). Used by
// bench/run_import.sh to tell the decoder's speed from the store's.
#include <time.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "ingest/line_reader.h"
#include "ingest/ntriples_decoder.h"
#include "rdf/ntriples_parser.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kg_nt_parse_bench FILE.nt\n";
    return 2;
  }
  std::cout << "phase\tlines\tassertions\tseconds\tlines_per_s\tcpu_seconds\n";
  for (const std::string phase : {"parse", "decode"}) {
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
      std::cerr << "cannot open " << argv[1] << "\n";
      return 1;
    }
    kg::IngestOptions options;
    options.allow_new_predicates = true;
    kg::ingest::LineSource source(in, options.max_line_bytes);
    kg::ingest::NTriplesDecoder decoder(options);
    kg::IngestReport report;
    std::vector<kg::ingest::DecodedItem> out;
    uint64_t lines = 0, assertions = 0, errors = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    kg::ingest::Record record;
    while (source.Next(&record)) {
      ++lines;
      if (phase == "parse") {
        auto parsed = kg::rdf::ParseNTriplesLine(record.text);
        if (std::holds_alternative<kg::schema::LineError>(parsed)) ++errors;
        continue;
      }
      decoder.Assemble(decoder.Decode(std::move(record)), &report, &out);
      record = {};
      for (auto& item : out) {
        if (std::holds_alternative<kg::Assertion>(item.value)) ++assertions;
        if (std::holds_alternative<kg::schema::LineError>(item.value)) ++errors;
      }
      out.clear();
    }
    if (phase == "decode") {
      decoder.Finish(&report, &out);
      for (auto& item : out) assertions += std::holds_alternative<kg::Assertion>(item.value) ? 1 : 0;
    }
    const double seconds = Seconds(start);
    const double cpu_seconds = CpuSeconds() - cpu_start;
    std::cout << phase << '\t' << lines << '\t' << assertions << '\t' << seconds << '\t'
              << static_cast<uint64_t>(lines / seconds) << '\t' << cpu_seconds << '\n';
    if (errors > 0) std::cerr << phase << ": " << errors << " lines rejected\n";
  }
  return 0;
}
