#include "query/cypher_ast_text.h"

#include <charconv>
#include <utility>
#include <vector>

namespace kg::query {
namespace {

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'':
        out += "\\'";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "'";
}

std::string DescribeValue(const Value& value) {
  if (value.is_null()) return "null";
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  if (value.is_int()) return std::to_string(value.as_int());
  if (value.is_double()) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value.as_number());
    std::string text(buf, end);
    // Keep 1.0 apart from the integer 1.
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
  }
  if (value.is_string()) return QuoteString(value.as_string());
  std::string out;
  if (value.is_list()) {
    out = "[";
    for (const Value& item : value.as_list()) out += (out.size() > 1 ? ", " : "") + DescribeValue(item);
    return out + "]";
  }
  out = "{";
  for (const auto& [key, item] : value.as_map()) out += (out.size() > 1 ? ", " : "") + key + ": " + DescribeValue(item);
  return out + "}";
}

const char* InfixOperator(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kAnd:
      return "AND";
    case Expr::Kind::kOr:
      return "OR";
    case Expr::Kind::kXor:
      return "XOR";
    case Expr::Kind::kCompare:
      return e.op.c_str();
    case Expr::Kind::kIn:
      return "IN";
    case Expr::Kind::kStartsWith:
      return "STARTS WITH";
    case Expr::Kind::kEndsWith:
      return "ENDS WITH";
    case Expr::Kind::kContains:
      return "CONTAINS";
    default:
      return nullptr;
  }
}

std::string JoinArgs(const std::vector<Expr>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) out += (i > 0 ? ", " : "") + DescribeExpr(args[i]);
  return out;
}

std::string DescribeProperties(const std::vector<std::pair<std::string, Expr>>& properties) {
  if (properties.empty()) return "";
  std::string out = " {";
  for (size_t i = 0; i < properties.size(); ++i) {
    out += (i > 0 ? ", " : "") + properties[i].first + ": " + DescribeExpr(properties[i].second);
  }
  return out + "}";
}

std::string DescribeNode(const NodePattern& node) {
  std::string out = "(" + node.variable;
  for (const std::string& label : node.labels) out += ":" + label;
  std::string properties = DescribeProperties(node.properties);
  if (out == "(" && !properties.empty()) properties.erase(0, 1);  // ({name: 'x'}), not ( {name: 'x'})
  return out + properties + ")";
}

std::string DescribeRel(const RelPattern& rel) {
  std::string inner = rel.variable;
  for (size_t i = 0; i < rel.types.size(); ++i) inner += (i == 0 ? ":" : "|") + rel.types[i];
  if (rel.variable_length) inner += "*" + std::to_string(rel.min_hops) + ".." + std::to_string(rel.max_hops);
  inner += DescribeProperties(rel.properties);
  switch (rel.direction) {
    case Direction::kOut:
      return "-[" + inner + "]->";
    case Direction::kIn:
      return "<-[" + inner + "]-";
    case Direction::kBoth:
      break;
  }
  return "-[" + inner + "]-";
}

}  // namespace

std::string DescribeExpr(const Expr& e) {
  if (const char* op = InfixOperator(e)) {
    // AND, OR and XOR hold two or more operands; the other infix operators exactly two.
    std::string out = "(";
    for (size_t i = 0; i < e.args.size(); ++i) {
      if (i > 0) out.append(" ").append(op).append(" ");
      out += DescribeExpr(e.args[i]);
    }
    return out + ")";
  }
  switch (e.kind) {
    case Expr::Kind::kLiteral:
      return DescribeValue(e.literal);
    case Expr::Kind::kList:
      return "[" + JoinArgs(e.args) + "]";
    case Expr::Kind::kVariable:
      return e.name;
    case Expr::Kind::kProperty:
      return e.name + "." + e.property;
    case Expr::Kind::kNot:
      return "(NOT " + DescribeExpr(e.args[0]) + ")";
    case Expr::Kind::kNegate:
      return "(-" + DescribeExpr(e.args[0]) + ")";
    case Expr::Kind::kIsNull:
      return "(" + DescribeExpr(e.args[0]) + " IS NULL)";
    case Expr::Kind::kIsNotNull:
      return "(" + DescribeExpr(e.args[0]) + " IS NOT NULL)";
    case Expr::Kind::kFunction:
      return e.name + "(" + (e.distinct ? "DISTINCT " : "") + JoinArgs(e.args) + ")";
    case Expr::Kind::kCountStar:
      return "count(*)";
    default:
      return "?";
  }
}

std::string DescribeQuery(const Query& query) {
  std::string out = "MATCH ";
  for (size_t p = 0; p < query.patterns.size(); ++p) {
    const PathPattern& path = query.patterns[p];
    if (p > 0) out += ", ";
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      out += DescribeNode(path.nodes[i]);
      if (i < path.rels.size()) out += DescribeRel(path.rels[i]);
    }
  }
  if (query.where) out += " WHERE " + DescribeExpr(*query.where);
  out += " RETURN ";
  if (query.distinct) out += "DISTINCT ";
  if (query.return_all) out += query.items.empty() ? "*" : "*, ";
  for (size_t i = 0; i < query.items.size(); ++i) {
    out += (i > 0 ? ", " : "") + DescribeExpr(query.items[i].expr) + " AS " + query.items[i].alias;
  }
  for (size_t i = 0; i < query.order_by.size(); ++i) {
    out += (i == 0 ? " ORDER BY " : ", ") + DescribeExpr(query.order_by[i].expr);
    if (query.order_by[i].descending) out += " DESC";
  }
  if (query.skip) out += " SKIP " + std::to_string(*query.skip);
  if (query.limit) out += " LIMIT " + std::to_string(*query.limit);
  return out;
}

}  // namespace kg::query
