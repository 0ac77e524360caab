// Crash safety of `kg ingest`, end to end: the built kg binary is killed with SIGKILL at seeded random
// moments, again and again on one store, and after every kill the store must pass `kg check`, hold every
// unit that kg reported as committed, and hold no part of a unit that it did not finish.
//
// Every input line is its own fact with its own source, so the evidence count is the number of lines
// stored. Units are --unit-lines lines long and line up with the same line numbers on every run (a
// re-run re-reads the stored prefix as duplicates), so an atomic store always holds a multiple of the
// unit size, or the whole file.
//
// A second test kills `kg ingest` while it creates a new store, which must leave a directory that the next
// ingest completes.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kg {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

constexpr uint64_t kLines = 20000;
constexpr uint64_t kUnitLines = 1000;
constexpr int kKills = 22;
constexpr uint64_t kDefaultSeed = 20240611;
// Generous bound for runs that should finish on their own; hitting it fails the test instead of hanging.
constexpr Seconds kNoKill{180};

// When to kill a run: `delay` after kg reported line `after_line` as committed, or after the file
// `after_file` appeared, or else after launch. A run that never gets there is left to finish.
struct KillPlan {
  Seconds delay{0};
  uint64_t after_line = 0;
  std::string after_file;
};

// One "kg: committed FILE through line N" report and when it arrived, counted from launch.
struct Report {
  uint64_t line;
  Seconds at;
};

// What became of one kg process.
struct Outcome {
  bool killed = false;  // ended by our SIGKILL
  int exit_code = -1;   // its exit code, when it exited on its own
  std::string out;
  std::string err;
  std::vector<Report> reports;  // complete progress lines only: one cut short by the kill is no report
};

// The N of a complete progress line, or 0 for any other line.
uint64_t ReportedLine(const std::string& line) {
  static const std::string kMarker = " through line ";
  size_t at = line.find(kMarker);
  if (line.rfind("kg: committed ", 0) != 0 || at == std::string::npos) return 0;
  return std::stoull(line.substr(at + kMarker.size()));
}

// Runs `binary` with `args`, capturing stdout and stderr, and kills it with SIGKILL as `plan` says. Without
// a plan, or before the plan's line is reported, it is killed after kNoKill, which the caller treats as a
// hang. Returns once the process is gone and both pipes are drained.
Outcome RunProcess(const std::string& binary, const std::vector<std::string>& args, std::optional<KillPlan> plan) {
  Outcome outcome;
  std::vector<std::string> strings = {binary};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2: " << std::strerror(errno);
    return outcome;
  }
  const auto start = Clock::now();
  auto deadline = start + std::chrono::duration_cast<Clock::duration>(kNoKill);
  bool armed = plan && plan->after_line == 0 && plan->after_file.empty();  // the deadline is the plan's
  if (armed) deadline = start + std::chrono::duration_cast<Clock::duration>(plan->delay);
  const pid_t pid = fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    return outcome;
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);

  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&outcome.out, &outcome.err};
  size_t err_parsed = 0;  // outcome.err up to here is complete lines already looked at
  int open_fds = 2;
  bool kill_sent = false;
  while (open_fds > 0) {
    int timeout_ms = -1;
    if (!kill_sent) {
      auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        kill(pid, SIGKILL);
        kill_sent = true;
        continue;
      }
      timeout_ms = static_cast<int>((left + 999) / 1000);
      if (plan && !armed && !plan->after_file.empty()) {
        if (std::filesystem::exists(plan->after_file)) {
          deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(plan->delay);
          armed = true;
          continue;
        }
        timeout_ms = 1;  // look for the file again soon
      }
    }
    if (poll(fds, 2, timeout_ms) < 0) {
      if (errno == EINTR) continue;
      ADD_FAILURE() << "poll: " << std::strerror(errno);
      kill(pid, SIGKILL);
      kill_sent = true;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
    for (size_t end; (end = outcome.err.find('\n', err_parsed)) != std::string::npos; err_parsed = end + 1) {
      uint64_t line = ReportedLine(outcome.err.substr(err_parsed, end - err_parsed));
      if (line == 0) continue;
      const auto now = Clock::now();
      outcome.reports.push_back({line, now - start});
      if (plan && !armed && plan->after_line != 0 && line >= plan->after_line) {
        deadline = now + std::chrono::duration_cast<Clock::duration>(plan->delay);
        armed = true;
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  return outcome;
}

// Each line a fact of its own (the object is unique) from a source of its own.
std::string MakeInput(uint64_t lines) {
  std::string text;
  for (uint64_t i = 1; i <= lines; ++i) {
    const std::string subject = "Crash Holdings " + std::to_string(i % 300);
    const std::string object = "Crash Target " + std::to_string(i);
    const std::string sentence = subject + " invests in " + object + ".";
    text += R"({"subject":")" + subject + R"(","predicate":"invests_in","object":")" + object +
            R"(","amount":)" + std::to_string(1000000 + i) + R"(,"currency":"EUR","date":"2024-0)" +
            std::to_string(1 + i % 9) + R"(","source":{"uri":"https://crash.example/)" + std::to_string(i) +
            R"("},"evidence":{"text":")" + sentence + R"(","start":0,"end":)" + std::to_string(sentence.size()) +
            "}}\n";
  }
  return text;
}

uint64_t SeedFromEnvironment() {
  const char* text = std::getenv("KG_CRASH_SEED");
  return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : kDefaultSeed;
}

class CrashTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // A private copy, so that a concurrent rebuild of kg cannot swap the binary in the middle of the test.
    binary_ = Path("kg");
    std::filesystem::copy_file(testing::KgBinary(), binary_);
  }

  Outcome Kg(const std::vector<std::string>& args, std::optional<KillPlan> plan = std::nullopt) {
    Outcome outcome = RunProcess(binary_, args, plan);
    if (!plan) EXPECT_FALSE(outcome.killed) << "kg did not finish within " << kNoKill.count() << " s";
    return outcome;
  }

  // The store's counts from `kg stats`, after checking that `kg check` passes. Fails the test otherwise.
  nlohmann::json CheckedStats(const std::string& db, const std::string& context) {
    Outcome check = Kg({"--db", db, "check"});
    EXPECT_EQ(check.exit_code, 0) << context << ": kg check failed\n" << check.out << check.err;
    Outcome stats = Kg({"--db", db, "stats"});
    EXPECT_EQ(stats.exit_code, 0) << context << ": kg stats failed\n" << stats.err;
    if (stats.exit_code != 0) return nlohmann::json::object({{"evidence", 0}, {"facts", 0}});
    return nlohmann::json::parse(stats.out);
  }

 private:
  std::string binary_;
};

TEST_F(CrashTest, KilledIngestKeepsEveryReportedUnitAndNoPartOfAnother) {
  const uint64_t seed = SeedFromEnvironment();
  std::cout << "[ crash    ] seed " << seed << " (set KG_CRASH_SEED to use another)" << std::endl;
  RecordProperty("seed", std::to_string(seed));
  const std::string input = WriteFile("input.jsonl", MakeInput(kLines));
  const std::vector<std::string> ingest = {"ingest", input, "--unit-lines", std::to_string(kUnitLines), "--progress"};
  auto with_db = [](const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return args;
  };

  // An uninterrupted load on a scratch store gives the time scale: how long start-up takes before the
  // first unit is reported, and how long a unit takes.
  Outcome full = Kg(with_db(Path("calibration.db"), ingest));
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_FALSE(full.reports.empty()) << full.err;
  ASSERT_EQ(full.reports.back().line, kLines) << full.err;
  const Seconds startup = full.reports.front().at;
  const auto last_unit = std::find_if(full.reports.begin(), full.reports.end(),
                                      [](const Report& r) { return r.line == kLines; });
  Seconds unit_time = (last_unit->at - startup) / static_cast<double>(kLines / kUnitLines - 1);
  // The killed runs load into a store that already holds lines, which takes kg's slower path (every key
  // is looked up), so a second load of the same file, all duplicates, times a unit there too; the kills
  // use the slower of the two.
  Outcome again = Kg(with_db(Path("calibration.db"), ingest));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  ASSERT_GE(again.reports.size(), 2u) << again.err;
  const Seconds again_unit_time =
      (again.reports.back().at - again.reports.front().at) / static_cast<double>(again.reports.size() - 1);
  unit_time = std::max(unit_time, again_unit_time);
  std::cout << "[ crash    ] uninterrupted: first unit after " << startup.count() << " s, then "
            << unit_time.count() << " s a unit" << std::endl;

  // Each kill aims at the end of what the store already holds: once kg reports the last stored unit or
  // the one before it (re-read as duplicates; kg may report a unit while it still writes the next), wait
  // up to a unit and a half, then kill. Kills so land among units being written, at a random point of a
  // unit (parsing, batching, the synced write), and the store grows by a unit or so each time. One kill
  // in six lands during start-up instead.
  const std::string db = Path("kg.db");
  std::mt19937_64 random(seed);
  auto uniform = [&random] { return static_cast<double>(random() >> 11) * 0x1.0p-53; };
  uint64_t stored_before = 0;
  int during_startup = 0, mid_ingest = 0, grew = 0, finished = 0;
  for (int i = 0; i < kKills; ++i) {
    KillPlan plan;
    if (uniform() < 1.0 / 6) {
      plan.delay = startup * 1.2 * uniform();
    } else {
      const uint64_t back = uniform() < 0.5 ? kUnitLines : 0;
      plan.after_line = std::max(kUnitLines, stored_before > back ? stored_before - back : 0);
      plan.delay = unit_time * 1.5 * uniform();
    }
    // Every other run commits its units as SST files ingested atomically instead of as write batches,
    // so that both of kg's commit paths are killed mid-write.
    std::vector<std::string> args = ingest;
    const bool as_files = i % 2 == 1;
    if (as_files) args.insert(args.end(), {"--sst-min-entries", "1"});
    Outcome run = Kg(with_db(db, args), plan);
    const uint64_t reported = run.reports.empty() ? 0 : run.reports.back().line;
    std::ostringstream context;
    context << "kill " << i << (as_files ? " [sst units]" : " [batch units]") << " (" << plan.delay.count() << " s after "
            << (plan.after_line ? "line " + std::to_string(plan.after_line) : std::string("launch"))
            << ", reported through line " << reported << ")";
    if (!run.killed) {
      ASSERT_EQ(run.exit_code, 0) << context.str() << ": ingest failed on its own\n" << run.err;
      ++finished;
    } else if (reported == 0) {
      ++during_startup;
    } else if (reported < kLines) {
      ++mid_ingest;
    }

    nlohmann::json stats = CheckedStats(db, context.str());
    const uint64_t evidence = stats["evidence"].get<uint64_t>();
    std::cout << "[ crash    ] " << context.str() << ": " << (run.killed ? "killed" : "finished")
              << ", store holds " << evidence << " lines" << std::endl;
    EXPECT_GE(evidence, reported) << context.str() << ": a unit reported as committed is missing";
    EXPECT_GE(evidence, stored_before) << context.str() << ": the store lost lines it held before";
    EXPECT_TRUE(evidence % kUnitLines == 0 || evidence == kLines)
        << context.str() << ": " << evidence << " lines stored, part of a unit";
    EXPECT_EQ(stats["facts"].get<uint64_t>(), evidence) << context.str();
    if (!run.killed) EXPECT_EQ(evidence, kLines) << context.str();
    if (run.killed && evidence > stored_before) ++grew;
    stored_before = evidence;
    if (HasFailure()) break;
  }
  std::cout << "[ crash    ] kills during start-up: " << during_startup << ", mid-ingest: " << mid_ingest
            << " (the store grew after " << grew << " of them), runs that finished first: " << finished
            << std::endl;
  EXPECT_GE(mid_ingest, kKills / 3) << "too few kills landed while units were being written";
  // Kills are timed from an uninterrupted run; on a loaded machine units run slower than that, so fewer
  // kills land after a new unit. A few are enough to show the test reached that case.
  EXPECT_GE(grew, kKills / 8) << "too few kills landed after new units had been written";

  Outcome last = Kg(with_db(db, ingest));
  ASSERT_EQ(last.exit_code, 0) << last.err;
  nlohmann::json stats = CheckedStats(db, "after the final uninterrupted ingest");
  EXPECT_EQ(stats["evidence"].get<uint64_t>(), kLines);
  EXPECT_EQ(stats["facts"].get<uint64_t>(), kLines);
}

// Creating a store takes several synced steps (the RocksDB files, then one column family after another,
// then the format version). A kill between any two of them must leave a directory that the next `kg
// ingest` finishes creating, never one that no kg command opens again.
TEST_F(CrashTest, KillWhileCreatingTheStoreLeavesOneTheNextIngestCompletes) {
  const uint64_t seed = SeedFromEnvironment();
  std::cout << "[ crash    ] seed " << seed << " (set KG_CRASH_SEED to use another)" << std::endl;
  RecordProperty("seed", std::to_string(seed));
  constexpr uint64_t kSmallLines = 2000;
  const std::string input = WriteFile("small.jsonl", MakeInput(kSmallLines));
  std::mt19937_64 random(seed);
  auto uniform = [&random] { return static_cast<double>(random() >> 11) * 0x1.0p-53; };

  for (int i = 0; i < 8; ++i) {
    const std::string db = Path("fresh" + std::to_string(i) + ".db");
    // RocksDB writes CURRENT first; the column families and the format version follow.
    KillPlan plan;
    plan.after_file = db + "/CURRENT";
    plan.delay = Seconds(0.02 * uniform());
    Outcome run = Kg({"--db", db, "ingest", input, "--progress"}, plan);
    std::ostringstream context;
    context << "store " << i << ", kill " << plan.delay.count() << " s after its CURRENT file appeared ("
            << (run.killed ? "killed" : "kg finished first") << ")";
    Outcome again = Kg({"--db", db, "ingest", input});
    ASSERT_EQ(again.exit_code, 0) << context.str() << ": the next ingest fails\n" << again.err;
    nlohmann::json stats = CheckedStats(db, context.str());
    EXPECT_EQ(stats["evidence"].get<uint64_t>(), kSmallLines) << context.str();
    std::cout << "[ crash    ] " << context.str() << ": reopened and completed" << std::endl;
  }
}

}  // namespace
}  // namespace kg
