#include "extract_eval/report_output.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/predicate_vocabulary.h"

namespace kg::eval {
namespace {

// Vocabulary predicates first, so that a predicate nobody found still shows up with its zero recall.
std::vector<std::pair<std::string, Counts>> PredicateRows(const Report& report) {
  std::vector<std::pair<std::string, Counts>> rows;
  for (const auto& [name, info] : schema::PredicateVocabulary::Builtin().all()) {
    auto it = report.by_predicate.find(name);
    rows.emplace_back(name, it == report.by_predicate.end() ? Counts{} : it->second);
  }
  for (const auto& [name, counts] : report.by_predicate) {
    if (schema::PredicateVocabulary::Builtin().Find(name) == nullptr) rows.emplace_back(name, counts);
  }
  return rows;
}

// GCC 12 has no std::format, and iostream manipulators would leak state into the caller's stream.
std::string Fixed(const char* format, auto... args) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, format, args...);
  return buffer;
}

std::string CountsRow(const std::string& label, const Counts& c) {
  return Fixed("%-24s %5d %5d %5d %9.3f %7.3f %7.3f\n", label.c_str(), c.tp, c.fp, c.fn, c.Precision(),
               c.Recall(), c.F1());
}

std::string TallyText(const char* name, const QualifierTally& t) {
  return Fixed("  %-9s %d/%d (%.1f%%)\n", name, t.correct, t.compared, 100 * t.Accuracy());
}

nlohmann::ordered_json CountsJson(const Counts& c) {
  return {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", c.Precision()}, {"recall", c.Recall()},
          {"f1", c.F1()}};
}

nlohmann::ordered_json TallyJson(const QualifierTally& t) {
  return {{"compared", t.compared}, {"correct", t.correct}, {"accuracy", t.Accuracy()}};
}

}  // namespace

void PrintTable(const Report& report, std::ostream& out) {
  out << Fixed("%-24s %5s %5s %5s %9s %7s %7s\n", "predicate", "tp", "fp", "fn", "precision", "recall", "f1");
  for (const auto& [name, counts] : PredicateRows(report)) out << CountsRow(name, counts);
  out << CountsRow("overall (micro)", report.overall);
  out << "\nqualifiers on matched triples (correct/compared):\n"
      << TallyText("amount", report.amount) << TallyText("currency", report.currency)
      << TallyText("date", report.date);
  out << "\n" << Fixed("%-24s %5s %9s %5s %5s %5s\n", "article", "gold", "predicted", "tp", "fp", "fn");
  for (const ArticleScore& a : report.articles) {
    out << Fixed("%-24s %5d %9d %5d %5d %5d\n", a.article.c_str(), a.gold, a.predicted, a.counts.tp,
                 a.counts.fp, a.counts.fn);
  }
}

void PrintJson(const Report& report, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["predicates"] = nlohmann::ordered_json::object();
  for (const auto& [name, counts] : PredicateRows(report)) doc["predicates"][name] = CountsJson(counts);
  doc["overall"] = CountsJson(report.overall);
  doc["qualifiers"] = {{"amount", TallyJson(report.amount)},
                       {"currency", TallyJson(report.currency)},
                       {"date", TallyJson(report.date)}};
  doc["articles"] = nlohmann::ordered_json::array();
  for (const ArticleScore& a : report.articles) {
    doc["articles"].push_back({{"article", a.article}, {"gold", a.gold}, {"predicted", a.predicted},
                               {"tp", a.counts.tp}, {"fp", a.counts.fp}, {"fn", a.counts.fn}});
  }
  // Article names come from file names, which need not be UTF-8; replace rather than throw.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace kg::eval
