#include "query/cypher_pattern_parser.h"

#include <string>
#include <utility>
#include <vector>

#include "query/cypher_expr_parser.h"

namespace kg::query {
namespace {

using PropertyList = std::vector<std::pair<std::string, Expr>>;

class PatternParser {
 public:
  explicit PatternParser(TokenCursor& cursor) : c_(cursor) {}

  Result<PathPattern> Path() {
    if (c_.AtName(/*allow_keywords=*/false) && c_.Peek(1).kind == TokenKind::kEq) {
      return c_.ErrorAt(c_.Peek().offset,
                        "path variable '" + c_.Peek().value + "' is not supported by kg's Cypher subset");
    }
    PathPattern path;
    Result<NodePattern> first = Node();
    if (!first.ok()) return first.status();
    path.nodes.push_back(std::move(*first));
    while (c_.At(TokenKind::kDash) || c_.At(TokenKind::kArrowLeft)) {
      Result<RelPattern> rel = Rel();
      if (!rel.ok()) return rel.status();
      path.rels.push_back(std::move(*rel));
      if (!c_.At(TokenKind::kLParen)) return c_.Expected("'(' for the node after the relationship");
      Result<NodePattern> node = Node();
      if (!node.ok()) return node.status();
      path.nodes.push_back(std::move(*node));
    }
    return path;
  }

 private:
  Result<NodePattern> Node() {
    NodePattern node;
    node.position = c_.Peek().offset;
    if (!c_.Accept(TokenKind::kLParen)) return c_.Expected("'(' to start a node pattern");
    if (c_.AtName(/*allow_keywords=*/false)) node.variable = c_.Next().value;
    while (c_.Accept(TokenKind::kColon)) {
      if (!c_.AtName(/*allow_keywords=*/true)) return c_.Expected("a label after ':'");
      node.labels.push_back(c_.Next().value);
    }
    if (c_.At(TokenKind::kLBrace)) KG_RETURN_IF_ERROR(Properties(&node.properties));
    if (!c_.Accept(TokenKind::kRParen)) return c_.Expected("')' to close the node pattern");
    return node;
  }

  // -->  <--  --  -[...]->  <-[...]-  -[...]-. The lexer reads "-->" as '-' '->' and "<--" as '<-' '-'.
  Result<RelPattern> Rel() {
    RelPattern rel;
    rel.position = c_.Peek().offset;
    bool left = c_.Next().kind == TokenKind::kArrowLeft;
    if (c_.Accept(TokenKind::kLBracket)) {
      KG_RETURN_IF_ERROR(RelDetail(&rel));
      if (!c_.Accept(TokenKind::kRBracket)) return c_.Expected("']' to close the relationship pattern");
    } else if (!c_.At(TokenKind::kDash) && !c_.At(TokenKind::kArrowRight)) {
      return c_.Expected(left ? "'-' or '[' after '<-'" : "'-', '->' or '[' after '-'");
    }
    bool right = false;
    if (c_.Accept(TokenKind::kArrowRight)) {
      right = true;
    } else if (!c_.Accept(TokenKind::kDash)) {
      return c_.Expected(left ? "'-' to end the relationship pattern" : "'-' or '->' to end the relationship pattern");
    }
    if (left && right) {
      return c_.ErrorAt(rel.position,
                        "a relationship pattern cannot point both ways; write -[...]- to match either direction");
    }
    rel.direction = left ? Direction::kIn : right ? Direction::kOut : Direction::kBoth;
    return rel;
  }

  // What comes between [ and ]: r, :invests_in|acquires, *1..3, {key: value}, each optional, in that order.
  Status RelDetail(RelPattern* rel) {
    if (c_.AtName(/*allow_keywords=*/false)) rel->variable = c_.Next().value;
    if (c_.Accept(TokenKind::kColon)) {
      while (true) {
        if (!c_.AtName(/*allow_keywords=*/true)) {
          return c_.Expected(c_.Previous().kind == TokenKind::kColon ? "a relationship type after ':'"
                                                                     : "a relationship type after '|'");
        }
        rel->types.push_back(c_.Next().value);
        if (!c_.Accept(TokenKind::kPipe)) break;
        c_.Accept(TokenKind::kColon);  // Neo4j also accepts :a|:b
      }
    }
    if (c_.At(TokenKind::kStar)) KG_RETURN_IF_ERROR(HopRange(rel));
    if (c_.At(TokenKind::kLBrace)) KG_RETURN_IF_ERROR(Properties(&rel->properties));
    return Status::Ok();
  }

  // *  *2  *2..  *..3  *1..3
  Status HopRange(RelPattern* rel) {
    size_t star = c_.Next().offset;
    int64_t min_hops = 1;
    int64_t max_hops = kUnboundedHops;
    if (c_.At(TokenKind::kInteger)) {
      min_hops = c_.Next().int_value;
      max_hops = min_hops;
      if (c_.Accept(TokenKind::kDotDot)) {
        max_hops = c_.At(TokenKind::kInteger) ? c_.Next().int_value : kUnboundedHops;
      }
    } else if (c_.Accept(TokenKind::kDotDot)) {
      if (!c_.At(TokenKind::kInteger)) return c_.Expected("a maximum number of hops after '..'");
      max_hops = c_.Next().int_value;
    }
    std::string range = "'" + std::string(c_.text().substr(star, c_.Previous().end - star)) + "'";
    if (min_hops > max_hops) {
      return c_.ErrorAt(star, "invalid hop range " + range + ": the minimum is larger than the maximum");
    }
    if (max_hops > kUnboundedHops) {
      return c_.ErrorAt(
          star, "invalid hop range " + range + ": kg follows at most " + std::to_string(kUnboundedHops) + " hops");
    }
    if (max_hops == 0) return c_.ErrorAt(star, "invalid hop range " + range + ": at least one hop is needed");
    rel->variable_length = true;
    rel->min_hops = static_cast<int>(min_hops);
    rel->max_hops = static_cast<int>(max_hops);
    return Status::Ok();
  }

  // {key: literal, ...}
  Status Properties(PropertyList* properties) {
    c_.Next();  // {
    if (c_.Accept(TokenKind::kRBrace)) return Status::Ok();
    while (true) {
      if (!c_.AtName(/*allow_keywords=*/true)) return c_.Expected("a property name");
      const Token& key = c_.Next();
      for (const auto& [existing, value] : *properties) {
        if (existing == key.value) return c_.ErrorAt(key.offset, "property '" + key.value + "' is given twice");
      }
      if (!c_.Accept(TokenKind::kColon)) return c_.Expected("':' after the property name");
      size_t start = c_.Peek().offset;
      Result<Expr> value = ParseExpression(c_);
      if (!value.ok()) return value.status();
      if (!IsConstant(*value)) {
        return c_.ErrorAt(start, "expected a literal value for property '" + key.value + "', found " +
                                     QuoteSource(c_.text(), start, c_.Previous().end));
      }
      properties->emplace_back(key.value, std::move(*value));
      if (c_.Accept(TokenKind::kRBrace)) return Status::Ok();
      if (!c_.Accept(TokenKind::kComma)) return c_.Expected("',' or '}' in the property map");
    }
  }

  TokenCursor& c_;
};

}  // namespace

Result<PathPattern> ParsePathPattern(TokenCursor& cursor) { return PatternParser(cursor).Path(); }

}  // namespace kg::query
