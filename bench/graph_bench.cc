// kg_graph_bench: how fast the graph layer is on an existing store. Builds a whole-graph snapshot (time,
// memory per fact), then times k-hop neighbourhoods of the most connected entity, both on that snapshot
// and the way `kg neighbors` does it (a seeds+hops snapshot read from the store each time), and shortest
// paths between random pairs. Prints a Markdown table. See bench/README.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "kg/graph.h"
#include "kg/graph_store.h"

namespace {

struct Flags {
  std::string db = "kg.db";
  int runs = 200;        // warm runs of in-memory walks
  int store_runs = 20;   // runs that read a seeds+hops snapshot from the store
  int pairs = 200;       // random pairs for shortest paths
  unsigned seed = 42;
};

// Resident set size and its peak, in bytes, from /proc/self/status.
size_t ProcStatusBytes(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::strtoull(line.c_str() + field.size() + 1, nullptr, 10) * 1024;
  }
  return 0;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

struct Timing {
  double p50_ms = 0, p99_ms = 0;
  size_t rows = 0;  // result size of the last run
};

Timing Time(int runs, const std::function<size_t()>& run) {
  run();  // warm up
  std::vector<double> ms;
  Timing timing;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    timing.rows = run();
    ms.push_back(Seconds(start) * 1e3);
  }
  std::sort(ms.begin(), ms.end());
  timing.p50_ms = ms[ms.size() / 2];
  timing.p99_ms = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  return timing;
}

void Row(const char* what, const Timing& t, const char* note = "") {
  std::printf("| %s | %.3f | %.3f | %zu | %s |\n", what, t.p50_ms, t.p99_ms, t.rows, note);
}

int Fail(const kg::Status& status) {
  std::fprintf(stderr, "kg_graph_bench: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--db") flags.db = value;
    else if (name == "--runs") flags.runs = std::atoi(value.c_str());
    else if (name == "--store-runs") flags.store_runs = std::atoi(value.c_str());
    else if (name == "--pairs") flags.pairs = std::atoi(value.c_str());
    else if (name == "--seed") flags.seed = static_cast<unsigned>(std::atoi(value.c_str()));
    else {
      std::fprintf(stderr, "usage: kg_graph_bench --db DIR [--runs N] [--store-runs N] [--pairs N] [--seed S]\n");
      return 2;
    }
  }
  auto store = kg::GraphStore::Open(flags.db, kg::OpenMode::kReadOnly);
  if (!store.ok()) return Fail(store.status());

  const size_t rss_before = ProcStatusBytes("VmRSS");
  auto start = std::chrono::steady_clock::now();
  auto snapshot = (*store)->Snapshot({});
  if (!snapshot.ok()) return Fail(snapshot.status());
  const double build_s = Seconds(start);
  const size_t rss_after = ProcStatusBytes("VmRSS");
  const size_t rss_peak = ProcStatusBytes("VmHWM");
  const kg::GraphSnapshot& s = **snapshot;
  const double facts = static_cast<double>(std::max<uint64_t>(s.edge_count(), 1));

  kg::RankOptions by_degree;
  by_degree.by = kg::RankMeasure::kDegree;
  by_degree.limit = 1;
  auto top = s.Rank(by_degree);
  if (!top.ok() || top->empty()) return Fail(top.ok() ? kg::NotFound("the store is empty") : top.status());
  const std::string hub = (*top)[0].entity.name;

  std::printf("store `%s`: %u entities, %llu facts; most connected entity \"%s\" (%.0f facts)\n\n", flags.db.c_str(),
              s.vertex_count(), static_cast<unsigned long long>(s.edge_count()), hub.c_str(), (*top)[0].score);
  std::printf("| whole-graph snapshot | value |\n|---|---|\n");
  std::printf("| build time | %.2f s |\n", build_s);
  std::printf("| snapshot arrays (memory_bytes) | %.1f MiB, %.1f bytes/fact |\n", s.memory_bytes() / 1048576.0,
              s.memory_bytes() / facts);
  std::printf("| RSS growth after build | %.1f MiB, %.1f bytes/fact |\n", (rss_after - rss_before) / 1048576.0,
              (rss_after - rss_before) / facts);
  std::printf("| peak RSS of the process | %.1f MiB |\n\n", rss_peak / 1048576.0);

  std::printf("| walk | p50 ms | p99 ms | rows | how |\n|---|---|---|---|---|\n");
  for (int hops : {1, 2}) {
    kg::NeighborOptions options;
    options.hops = hops;
    kg::SnapshotFilter around;
    around.seeds = {hub};
    around.hops = hops;
    const std::string label = std::to_string(hops) + "-hop neighbours of the hub";
    Row((label + ", in memory").c_str(), Time(flags.runs, [&] {
          auto rows = s.Neighbors(hub, options);
          return rows.ok() ? rows->size() : 0;
        }), "on the whole-graph snapshot");
    Row((label + ", from the store").c_str(), Time(flags.store_runs, [&] {
          auto part = (*store)->Snapshot(around);
          if (!part.ok()) return size_t{0};
          auto rows = (*part)->Neighbors(hub, options);
          return rows.ok() ? rows->size() : 0;
        }), "seeds+hops snapshot, as `kg neighbors`");
  }
  std::mt19937 random(flags.seed);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < flags.pairs; ++i) {
    pairs.emplace_back(std::string(s.vertex(random() % s.vertex_count()).name),
                       std::string(s.vertex(random() % s.vertex_count()).name));
  }
  size_t next = 0, found = 0;
  Timing paths = Time(flags.pairs - 1, [&] {
    const auto& [a, b] = pairs[next++ % pairs.size()];
    auto result = s.ShortestPaths(a, b, {});
    const size_t length = result.ok() && !result->empty() ? (*result)[0].size() : 0;
    found += length > 0;
    return length;
  });
  Row("shortest path, random pairs", paths,
      ("in memory; " + std::to_string(found) + " of " + std::to_string(flags.pairs) + " pairs connected").c_str());
  return 0;
}
