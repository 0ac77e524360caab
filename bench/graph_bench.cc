// kg_graph_bench: how fast the graph layer and the query engine are on an existing store. Builds the
// whole-graph snapshot (time, memory per fact), then times, on it, the name resolution of the most
// connected entity and its 1- and 2-hop neighbourhoods (the walk on vertex indices alone, then with names
// as `Neighbors` returns them, and the way `kg neighbors` does it, from a seeds+hops snapshot read from
// the store each time), shortest paths between random pairs, and the streaming rate of a query through
// PreparedQuery::Run (with --builds 0, that alone). Prints one Markdown table. See bench/README.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <ctime>
#include <string>
#include <vector>

#include "kg/graph.h"
#include "kg/graph_store.h"
#include "kg/query.h"

namespace {

constexpr char kQuery[] = "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount";

struct Flags {
  std::string db = "kg.db";
  int builds = 3;        // whole-graph snapshot builds (0: no snapshot and no walks, only the query)
  int runs = 200;        // warm runs of in-memory walks
  int store_runs = 20;   // runs that read a seeds+hops snapshot from the store (0: skip)
  int pairs = 200;       // random pairs for shortest paths
  int query_runs = 3;    // runs of the streaming query (0: skip)
  unsigned seed = 42;
};

// A field of /proc/self/status (VmRSS, VmHWM), in bytes.
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

// CPU time of the whole process so far. On a shared machine the wall time includes waiting for a core;
// the CPU time does not, so the two together say how much of a figure is load.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Timing {
  double p50 = 0, p99 = 0;  // seconds
  double cpu_p50 = 0;       // seconds of CPU time
  size_t rows = 0;          // result size of the last run
  int runs = 0;
};

Timing Summarise(std::vector<double> seconds, std::vector<double> cpu_seconds, size_t rows) {
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu_seconds.begin(), cpu_seconds.end());
  Timing t;
  t.cpu_p50 = cpu_seconds[cpu_seconds.size() / 2];
  t.p50 = seconds[seconds.size() / 2];
  t.p99 = seconds[std::min(seconds.size() - 1, seconds.size() * 99 / 100)];
  t.rows = rows;
  t.runs = static_cast<int>(seconds.size());
  return t;
}

// Runs `run` once to warm up, then `runs` times.
Timing Time(int runs, const std::function<size_t()>& run) {
  run();
  std::vector<double> seconds, cpu_seconds;
  size_t rows = 0;
  for (int i = 0; i < std::max(runs, 1); ++i) {
    const double cpu = CpuSeconds();
    auto start = std::chrono::steady_clock::now();
    rows = run();
    seconds.push_back(Seconds(start));
    cpu_seconds.push_back(CpuSeconds() - cpu);
  }
  return Summarise(std::move(seconds), std::move(cpu_seconds), rows);
}

std::string Duration(double seconds) {
  char text[32];
  if (seconds >= 1) {
    std::snprintf(text, sizeof text, "%.2f s", seconds);
  } else if (seconds >= 1e-3) {
    std::snprintf(text, sizeof text, "%.2f ms", seconds * 1e3);
  } else {
    std::snprintf(text, sizeof text, "%.1f µs", seconds * 1e6);
  }
  return text;
}

void Row(const std::string& figure, const std::string& p50, const std::string& p99, const std::string& cpu,
         const std::string& result, int runs, const std::string& note) {
  std::printf("| %s | %s | %s | %s | %s | %s | %s |\n", figure.c_str(), p50.c_str(), p99.c_str(), cpu.c_str(),
              result.c_str(), runs > 0 ? std::to_string(runs).c_str() : "", note.c_str());
}

void TimeRow(const std::string& figure, const Timing& t, const std::string& unit, const std::string& note) {
  Row(figure, Duration(t.p50), Duration(t.p99), Duration(t.cpu_p50), std::to_string(t.rows) + " " + unit, t.runs,
      note);
}

std::string Bytes(double bytes, double facts) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f MiB, %.1f B/fact", bytes / 1048576.0, bytes / facts);
  return text;
}

int Fail(const kg::Status& status) {
  std::fprintf(stderr, "kg_graph_bench: %s\n", status.ToString().c_str());
  return 1;
}

// The whole-graph snapshot and the walks on it.
int BenchWalks(kg::GraphStore& store, const Flags& flags) {
  // The first build gives the memory figures; later ones, each freed at once, only the time.
  const size_t rss_before = ProcStatusBytes("VmRSS");
  std::vector<double> build_seconds, build_cpu;
  double cpu = CpuSeconds();
  auto start = std::chrono::steady_clock::now();
  auto snapshot = store.Snapshot({});
  if (!snapshot.ok()) return Fail(snapshot.status());
  build_seconds.push_back(Seconds(start));
  build_cpu.push_back(CpuSeconds() - cpu);
  const size_t rss_growth = ProcStatusBytes("VmRSS") - rss_before;
  const size_t rss_peak = ProcStatusBytes("VmHWM");
  for (int i = 1; i < flags.builds; ++i) {
    cpu = CpuSeconds();
    start = std::chrono::steady_clock::now();
    auto again = store.Snapshot({});
    if (!again.ok()) return Fail(again.status());
    build_seconds.push_back(Seconds(start));
    build_cpu.push_back(CpuSeconds() - cpu);
  }
  const kg::GraphSnapshot& s = **snapshot;
  const double facts = static_cast<double>(std::max<uint64_t>(s.edge_count(), 1));

  kg::RankOptions by_degree;
  by_degree.by = kg::RankMeasure::kDegree;
  by_degree.limit = 1;
  auto top = s.Rank(by_degree);
  if (!top.ok() || top->empty()) return Fail(top.ok() ? kg::NotFound("the store is empty") : top.status());
  const std::string hub = (*top)[0].entity.name;
  auto hub_vertex = s.ResolveVertex(hub);
  if (!hub_vertex.ok() || !*hub_vertex) return Fail(hub_vertex.ok() ? kg::NotFound(hub) : hub_vertex.status());

  std::printf("Store `%s`: %u entities, %llu facts; most connected entity \"%s\" (%.0f facts).\n\n", flags.db.c_str(),
              s.vertex_count(), static_cast<unsigned long long>(s.edge_count()), hub.c_str(), (*top)[0].score);
  std::printf("| figure | p50 | p99 | CPU p50 | result | runs | note |\n|---|---|---|---|---|---|---|\n");
  const Timing build = Summarise(build_seconds, build_cpu, s.edge_count());
  TimeRow("whole-graph snapshot build", build, "facts", "time of GraphStore::Snapshot({})");
  Row("snapshot arrays", Bytes(static_cast<double>(s.memory_bytes()), facts), "", "", "", 0, "GraphSnapshot::memory_bytes");
  Row("RSS growth after build", Bytes(static_cast<double>(rss_growth), facts), "", "", "", 0, "first build");
  Row("peak RSS of the process", Bytes(static_cast<double>(rss_peak), facts), "", "", "", 0, "after the first build");

  TimeRow("name resolution of the hub", Time(flags.runs, [&] {
            auto v = s.ResolveVertex(hub);
            return v.ok() && *v ? size_t{1} : size_t{0};
          }), "vertex", "GraphSnapshot::ResolveVertex, through the store");
  for (int hops : {1, 2}) {
    kg::NeighborOptions options;
    options.hops = hops;
    const std::string label = std::to_string(hops) + "-hop of the hub";
    TimeRow(label + ", walk", Time(flags.runs, [&] {
              auto rows = s.NeighborVertices(**hub_vertex, options);
              return rows.ok() ? rows->size() : 0;
            }), "neighbours", "NeighborVertices: in memory, vertex indices, sorted by name");
    TimeRow(label + ", with names", Time(flags.runs, [&] {
              auto rows = s.Neighbors(hub, options);
              return rows.ok() ? rows->size() : 0;
            }), "neighbours", "Neighbors: resolution, walk, rows with names copied");
    if (flags.store_runs > 0) {
      kg::SnapshotFilter around;
      around.seeds = {hub};
      around.hops = hops;
      TimeRow(label + ", from the store", Time(flags.store_runs, [&] {
                auto part = store.Snapshot(around);
                if (!part.ok()) return size_t{0};
                auto rows = (*part)->Neighbors(hub, options);
                return rows.ok() ? rows->size() : 0;
              }), "neighbours", "seeds+hops snapshot, then Neighbors, as `kg neighbors`");
    }
  }

  std::mt19937 random(flags.seed);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < flags.pairs; ++i) {
    pairs.emplace_back(std::string(s.vertex(random() % s.vertex_count()).name),
                       std::string(s.vertex(random() % s.vertex_count()).name));
  }
  size_t next = 0, found = 0, hops_total = 0;
  Timing paths = Time(flags.pairs - 1, [&] {
    const auto& [a, b] = pairs[next++ % pairs.size()];
    auto result = s.ShortestPaths(a, b, {});
    const size_t length = result.ok() && !result->empty() ? (*result)[0].size() : 0;
    found += length > 0;
    hops_total += length;
    return length;
  });
  char path_note[128];
  std::snprintf(path_note, sizeof path_note, "ShortestPaths with names; %zu of %d pairs connected, %.1f facts on average",
                found, flags.pairs, found ? static_cast<double>(hops_total) / found : 0.0);
  TimeRow("shortest path, random pairs", paths, "facts (last)", path_note);

  return 0;
}

// The streaming rate of kQuery.
int BenchQuery(kg::GraphStore& store, const Flags& flags) {
  if (flags.query_runs > 0) {
    auto query = store.Prepare(kQuery);
    if (!query.ok()) return Fail(query.status());
    std::vector<double> seconds, cpu_seconds, rates;
    size_t rows = 0;
    for (int i = 0; i < flags.query_runs; ++i) {
      rows = 0;
      const double cpu = CpuSeconds();
      const auto start = std::chrono::steady_clock::now();
      kg::Status status = (*query)->Run([&](const std::vector<kg::Value>&) {
        ++rows;
        return true;
      });
      if (!status.ok()) return Fail(status);
      seconds.push_back(Seconds(start));
      cpu_seconds.push_back(CpuSeconds() - cpu);
      rates.push_back(static_cast<double>(rows) / seconds.back());
    }
    std::sort(rates.begin(), rates.end());
    const Timing t = Summarise(seconds, cpu_seconds, rows);
    char rate[96];
    std::snprintf(rate, sizeof rate, "%.1fk rows/s (slowest run %.1fk; per CPU second %.1fk)",
                  rates[rates.size() / 2] / 1e3, rates.front() / 1e3, static_cast<double>(rows) / t.cpu_p50 / 1e3);
    Row(std::string("query `") + kQuery + "`", Duration(t.p50), Duration(t.p99), Duration(t.cpu_p50),
        std::to_string(rows) + " rows", t.runs, std::string("PreparedQuery::Run, counting rows: ") + rate);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--db") flags.db = value;
    else if (name == "--builds" && std::atoi(value.c_str()) >= 0) flags.builds = std::atoi(value.c_str());
    else if (name == "--runs") flags.runs = std::atoi(value.c_str());
    else if (name == "--store-runs") flags.store_runs = std::atoi(value.c_str());
    else if (name == "--pairs") flags.pairs = std::max(2, std::atoi(value.c_str()));
    else if (name == "--query-runs") flags.query_runs = std::atoi(value.c_str());
    else if (name == "--seed") flags.seed = static_cast<unsigned>(std::atoi(value.c_str()));
    else {
      std::fprintf(stderr,
                   "usage: kg_graph_bench --db DIR [--builds N] [--runs N] [--store-runs N] [--pairs N]"
                   " [--query-runs N] [--seed S]\n");
      return 2;
    }
  }
  if (argc % 2 == 0) return Fail(kg::InvalidArgument(std::string(argv[argc - 1]) + " needs a value"));
  auto store = kg::GraphStore::Open(flags.db, kg::OpenMode::kReadOnly);
  if (!store.ok()) return Fail(store.status());

  if (flags.builds > 0) {
    if (int failed = BenchWalks(**store, flags)) return failed;
  } else {
    std::printf("Store `%s`.\n\n| figure | p50 | p99 | CPU p50 | result | runs | note |\n|---|---|---|---|---|---|---|\n",
                flags.db.c_str());
  }
  return BenchQuery(**store, flags);
}
