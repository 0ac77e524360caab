#include "query/query_plan.h"

#include <cmath>

namespace kg::query {
namespace {

std::string NodeText(const Plan& plan, int node) {
  const NodeSpec& spec = plan.nodes[node];
  std::string text = "(" + plan.slots[spec.slot].name;
  if (spec.type) text += std::string(":") + EntityTypeName(*spec.type);
  if (!spec.name.empty()) text += " {name: \"" + spec.name + "\"}";
  return text + ")";
}

std::string RelText(const Plan& plan, const RelSpec& rel, bool from_left) {
  std::string inner = plan.slots[rel.slot].name;
  for (size_t i = 0; i < rel.predicate_names.size(); ++i) inner += (i == 0 ? ":" : "|") + rel.predicate_names[i];
  if (rel.variable_length) inner += "*" + std::to_string(rel.min_hops) + ".." + std::to_string(rel.max_hops);
  Direction d = rel.direction;
  if (!from_left && d != Direction::kBoth) d = d == Direction::kOut ? Direction::kIn : Direction::kOut;
  const std::string from = NodeText(plan, from_left ? rel.left : rel.right);
  const std::string to = NodeText(plan, from_left ? rel.right : rel.left);
  const std::string open = d == Direction::kIn ? "<-[" : "-[";
  const std::string close = d == Direction::kOut ? "]->" : "]-";
  return from + open + inner + close + to;
}

std::string Estimate(double rows) {
  const double rounded = std::round(rows);
  return rounded < 1 ? "at most 1" : "~" + std::to_string(static_cast<long long>(rounded));
}

}  // namespace

int Plan::SlotOf(const std::string& name) const {
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Plan::Explain() const {
  std::string text;
  if (no_rows) text += "no rows: " + no_rows_reason + "\n";
  int n = 0;
  for (const Step& step : steps) {
    text += std::to_string(++n) + ". ";
    switch (step.kind) {
      case Step::Kind::kLookupNode: text += "lookup " + NodeText(*this, step.node); break;
      case Step::Kind::kScanNodes: text += "scan entities " + NodeText(*this, step.node); break;
      case Step::Kind::kScanRels: text += "scan facts " + RelText(*this, rels[step.rel], true); break;
      case Step::Kind::kExpand: text += "expand " + RelText(*this, rels[step.rel], step.from_left); break;
    }
    text += "  [" + Estimate(step.estimate) + " rows each]";
    if (!step.filters.empty()) text += " + " + std::to_string(step.filters.size()) + " WHERE condition(s)";
    text += "\n";
  }
  return text;
}

}  // namespace kg::query
