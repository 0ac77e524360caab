#include "query/cypher_parser.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "query/cypher_cursor.h"
#include "query/cypher_expr_parser.h"
#include "query/cypher_lexer.h"
#include "query/cypher_pattern_parser.h"

namespace kg::query {
namespace {

// The variables the MATCH patterns parsed so far bind, in order of first appearance.
class Scope {
 public:
  // Records the variables of `path`. Fails when a name is used for both a node and a relationship, or
  // for two relationships (Cypher binds each relationship variable to one relationship).
  Status Bind(const PathPattern& path, const TokenCursor& c) {
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      KG_RETURN_IF_ERROR(Add(path.nodes[i].variable, /*is_rel=*/false, path.nodes[i].position, c));
      if (i < path.rels.size()) KG_RETURN_IF_ERROR(Add(path.rels[i].variable, true, path.rels[i].position, c));
    }
    return Status::Ok();
  }

  bool Has(const std::string& name) const { return Find(name) != nullptr; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  struct Entry {
    std::string name;
    bool is_rel;
  };

  const Entry* Find(const std::string& name) const {
    for (const Entry& e : entries_) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  Status Add(const std::string& name, bool is_rel, size_t position, const TokenCursor& c) {
    if (name.empty()) return Status::Ok();
    const Entry* seen = Find(name);
    if (seen == nullptr) {
      entries_.push_back({name, is_rel});
      names_.push_back(name);
      return Status::Ok();
    }
    if (seen->is_rel != is_rel) {
      return c.ErrorAt(position, "variable '" + name + "' is used for both a node and a relationship");
    }
    if (is_rel) {
      return c.ErrorAt(position, "relationship variable '" + name +
                                     "' is used twice; each relationship pattern needs its own variable");
    }
    return Status::Ok();
  }

  std::vector<Entry> entries_;
  std::vector<std::string> names_;
};

// The specific refusal for a clause outside kg's subset at the cursor, or OK when the current token starts
// no such clause.
Status RefuseUnsupportedClause(const TokenCursor& c) {
  const Token& token = c.Peek();
  if (token.kind != TokenKind::kIdentifier) return Status::Ok();
  auto next_is = [&](std::string_view upper) {
    const Token& next = c.Peek(1);
    if (next.kind != TokenKind::kIdentifier || next.value.size() != upper.size()) return false;
    return std::equal(upper.begin(), upper.end(), next.value.begin(),
                      [](char a, char b) { return a == std::toupper(static_cast<unsigned char>(b)); });
  };
  std::string read_only;
  std::string outside;
  switch (token.keyword) {
    case Keyword::kCreate:
      read_only = "CREATE";
      break;
    case Keyword::kMerge:
      read_only = "MERGE";
      break;
    case Keyword::kDelete:
      read_only = "DELETE";
      break;
    case Keyword::kDetach:
      read_only = next_is("DELETE") ? "DETACH DELETE" : "DETACH";
      break;
    case Keyword::kSet:
      read_only = "SET";
      break;
    case Keyword::kRemove:
      read_only = "REMOVE";
      break;
    case Keyword::kLoad:
      read_only = next_is("CSV") ? "LOAD CSV" : "LOAD";
      break;
    case Keyword::kForeach:
      read_only = "FOREACH";
      break;
    case Keyword::kOptional:
      outside = next_is("MATCH") ? "OPTIONAL MATCH" : "OPTIONAL";
      break;
    case Keyword::kWith:
      outside = "WITH";
      break;
    case Keyword::kUnwind:
      outside = "UNWIND";
      break;
    case Keyword::kCall:
      outside = "CALL";
      break;
    case Keyword::kUnion:
      outside = "UNION";
      break;
    default:
      return Status::Ok();
  }
  if (!read_only.empty())
    return c.ErrorAt(token.offset, "kg queries are read-only: " + read_only + " is not supported");
  return c.ErrorAt(token.offset, outside + " is not supported by kg's Cypher subset");
}

// Fails on the first variable in `expr` that is neither bound by `scope` nor one of `aliases`.
Status CheckVariables(const Expr& expr, const Scope& scope, const std::vector<std::string>& aliases,
                      const TokenCursor& c) {
  if (expr.kind == Expr::Kind::kVariable || expr.kind == Expr::Kind::kProperty) {
    bool known = scope.Has(expr.name) || std::find(aliases.begin(), aliases.end(), expr.name) != aliases.end();
    if (!known) return c.ErrorAt(expr.position, "variable '" + expr.name + "' is not defined by a MATCH pattern");
  }
  for (const Expr& arg : expr.args) KG_RETURN_IF_ERROR(CheckVariables(arg, scope, aliases, c));
  return Status::Ok();
}

// Fails when an aggregate holds another one, as in count(sum(x)).
Status CheckNoNestedAggregates(const Expr& expr, const TokenCursor& c) {
  if (const Expr* outer = FindAggregate(expr)) {
    for (const Expr& arg : outer->args) {
      if (const Expr* inner = FindAggregate(arg)) {
        return c.ErrorAt(inner->position,
                         "aggregate function " + inner->name + "() cannot be used inside " + outer->name + "()");
      }
    }
  }
  for (const Expr& arg : expr.args) KG_RETURN_IF_ERROR(CheckNoNestedAggregates(arg, c));
  return Status::Ok();
}

class QueryParser {
 public:
  explicit QueryParser(std::string_view text) : c_(text, TokenizeCypher(text)) {}

  Result<Query> Parse() {
    if (!c_.AtKeyword(Keyword::kMatch)) {
      KG_RETURN_IF_ERROR(RefuseUnsupportedClause(c_));
      return c_.Expected("MATCH");
    }
    while (c_.AcceptKeyword(Keyword::kMatch)) KG_RETURN_IF_ERROR(MatchClause());
    if (!c_.AtKeyword(Keyword::kReturn)) {
      KG_RETURN_IF_ERROR(RefuseUnsupportedClause(c_));
      return c_.Expected("RETURN after the MATCH clause");
    }
    c_.Next();
    KG_RETURN_IF_ERROR(ReturnClause());
    KG_RETURN_IF_ERROR(OrderSkipLimit());
    if (c_.Accept(TokenKind::kSemicolon)) {
      if (!c_.At(TokenKind::kEnd)) return c_.Expected("the end of the query after ';'");
    }
    return std::move(query_);
  }

 private:
  // pattern, pattern, ... [WHERE expr], after the MATCH keyword.
  Status MatchClause() {
    while (true) {
      Result<PathPattern> path = ParsePathPattern(c_);
      if (!path.ok()) return path.status();
      KG_RETURN_IF_ERROR(CheckPatternSize(*path));
      KG_RETURN_IF_ERROR(scope_.Bind(*path, c_));
      query_.patterns.push_back(std::move(*path));
      if (!c_.Accept(TokenKind::kComma)) break;
    }
    if (!c_.AcceptKeyword(Keyword::kWhere)) return Status::Ok();
    Result<Expr> condition = ParseExpression(c_);
    if (!condition.ok()) return condition.status();
    KG_RETURN_IF_ERROR(CheckVariables(*condition, scope_, {}, c_));
    if (const Expr* aggregate = FindAggregate(*condition)) {
      return c_.ErrorAt(aggregate->position, "aggregate function " + aggregate->name + "() is not allowed in WHERE");
    }
    if (!query_.where.has_value()) {
      query_.where = std::move(*condition);
    } else if (query_.where->kind == Expr::Kind::kAnd) {
      query_.where->args.push_back(std::move(*condition));  // one AND node however many clauses
    } else {
      Expr both;
      both.kind = Expr::Kind::kAnd;
      both.position = query_.where->position;
      both.args.push_back(std::move(*query_.where));
      both.args.push_back(std::move(*condition));
      query_.where = std::move(both);
    }
    return Status::Ok();
  }

  // Refuses the node pattern that takes the query past kMaxPatternNodes, before binding its variables
  // (which costs a look-up among those bound so far).
  Status CheckPatternSize(const PathPattern& path) {
    const size_t limit = kMaxPatternNodes;
    if (pattern_nodes_ + path.nodes.size() > limit) {
      return c_.ErrorAt(path.nodes[limit - pattern_nodes_].position,
                        "the MATCH patterns hold more than " + std::to_string(limit) +
                            " nodes; kg matches at most that many in one query");
    }
    pattern_nodes_ += path.nodes.size();
    return Status::Ok();
  }

  // [DISTINCT] (* | item) [, item]..., after the RETURN keyword.
  Status ReturnClause() {
    query_.distinct = c_.AcceptKeyword(Keyword::kDistinct);
    if (c_.At(TokenKind::kStar)) {
      size_t star = c_.Next().offset;
      if (scope_.names().empty()) {
        return c_.ErrorAt(star, "RETURN * has nothing to return: no MATCH pattern names a variable");
      }
      query_.return_all = true;
      columns_ = scope_.names();
      if (!c_.Accept(TokenKind::kComma)) return Status::Ok();
    }
    while (true) {
      const Token& first = c_.Peek();
      Result<Expr> expr = ParseExpression(c_);
      if (!expr.ok()) return expr.status();
      KG_RETURN_IF_ERROR(CheckVariables(*expr, scope_, {}, c_));
      KG_RETURN_IF_ERROR(CheckNoNestedAggregates(*expr, c_));
      ReturnItem item;
      // Neo4j names an unaliased column after the expression exactly as written.
      item.alias = std::string(c_.text().substr(first.offset, c_.Previous().end - first.offset));
      if (c_.AcceptKeyword(Keyword::kAs)) {
        if (!c_.AtName(/*allow_keywords=*/true)) return c_.Expected("a column name after AS");
        item.alias = c_.Next().value;
      }
      if (std::find(columns_.begin(), columns_.end(), item.alias) != columns_.end()) {
        return c_.ErrorAt(first.offset, "column '" + item.alias + "' is returned twice; rename one with AS");
      }
      columns_.push_back(item.alias);
      item.expr = std::move(*expr);
      query_.items.push_back(std::move(item));
      if (!c_.Accept(TokenKind::kComma)) return Status::Ok();
    }
  }

  // [ORDER BY expr [ASC|DESC], ...] [SKIP n] [LIMIT n], then the end of the query.
  Status OrderSkipLimit() {
    if (c_.AcceptKeyword(Keyword::kOrder)) {
      if (!c_.AcceptKeyword(Keyword::kBy)) return c_.Expected("BY after ORDER");
      while (true) {
        Result<Expr> expr = ParseExpression(c_);
        if (!expr.ok()) return expr.status();
        KG_RETURN_IF_ERROR(CheckVariables(*expr, scope_, columns_, c_));
        KG_RETURN_IF_ERROR(CheckNoNestedAggregates(*expr, c_));
        SortItem item;
        item.expr = std::move(*expr);
        if (c_.AcceptKeyword(Keyword::kDesc) || c_.AcceptKeyword(Keyword::kDescending)) {
          item.descending = true;
        } else if (!c_.AcceptKeyword(Keyword::kAsc)) {
          c_.AcceptKeyword(Keyword::kAscending);
        }
        query_.order_by.push_back(std::move(item));
        if (!c_.Accept(TokenKind::kComma)) break;
      }
    }
    if (c_.AcceptKeyword(Keyword::kSkip)) {
      if (!c_.At(TokenKind::kInteger)) return c_.Expected("a non-negative integer after SKIP");
      query_.skip = c_.Next().int_value;
    }
    if (c_.AcceptKeyword(Keyword::kLimit)) {
      if (!c_.At(TokenKind::kInteger)) return c_.Expected("a non-negative integer after LIMIT");
      query_.limit = c_.Next().int_value;
    }
    if (c_.At(TokenKind::kEnd) || c_.At(TokenKind::kSemicolon)) return Status::Ok();
    KG_RETURN_IF_ERROR(RefuseUnsupportedClause(c_));
    return c_.Expected(WhatMayFollow());
  }

  // "',', ORDER BY, SKIP, LIMIT or the end of the query", less what can no longer come.
  std::string WhatMayFollow() const {
    std::vector<std::string> options;
    if (!query_.skip && !query_.limit) options.push_back("','");
    if (query_.order_by.empty() && !query_.skip && !query_.limit) options.push_back("ORDER BY");
    if (!query_.skip && !query_.limit) options.push_back("SKIP");
    if (!query_.limit) options.push_back("LIMIT");
    std::string text;
    for (const std::string& option : options) text += option + ", ";
    if (!text.empty()) text.replace(text.size() - 2, 2, " or ");
    return text + "the end of the query";
  }

  TokenCursor c_;
  Scope scope_;
  std::vector<std::string> columns_;  // RETURN column names so far, for duplicates and ORDER BY
  size_t pattern_nodes_ = 0;          // node patterns in the MATCH clauses so far
  Query query_;
};

}  // namespace

Result<Query> ParseCypher(std::string_view text) { return QueryParser(text).Parse(); }

}  // namespace kg::query
