#include "query/cypher_expr_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kg::query {
namespace {

// The functions kg's executor knows, with how many arguments each takes (coalesce takes one or more).
struct FunctionInfo {
  std::string_view name;
  bool aggregate;
};
constexpr FunctionInfo kFunctions[] = {
    {"avg", true},      {"coalesce", false}, {"collect", true},  {"count", true},
    {"id", false},      {"labels", false},   {"max", true},      {"min", true},
    {"size", false},    {"sum", true},       {"tofloat", false}, {"tointeger", false},
    {"tolower", false}, {"tostring", false}, {"toupper", false}, {"type", false},
};
constexpr std::string_view kFunctionList =
    "avg, coalesce, collect, count, id, labels, max, min, size, sum, toFloat, toInteger, toLower, toString, "
    "toUpper, type";

// Deeper nesting, and taller expression trees, are refused rather than risking the stack on hostile
// input.
constexpr int kMaxDepth = 200;

const FunctionInfo* LookUpFunction(std::string_view lower_name) {
  for (const FunctionInfo& info : kFunctions) {
    if (info.name == lower_name) return &info;
  }
  return nullptr;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Expr Binary(Expr::Kind kind, Expr lhs, Expr rhs) {
  Expr e;
  e.kind = kind;
  e.position = lhs.position;
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  return e;
}

Expr Unary(Expr::Kind kind, Expr operand, size_t position) {
  Expr e;
  e.kind = kind;
  e.position = position;
  e.args.push_back(std::move(operand));
  return e;
}

Expr Literal(Value value, size_t position) {
  Expr e;
  e.kind = Expr::Kind::kLiteral;
  e.literal = std::move(value);
  e.position = position;
  return e;
}

// -literal folds into a negative literal, so that property maps can hold {delta: -5}.
Expr Negate(Expr operand, size_t position) {
  if (operand.kind == Expr::Kind::kLiteral && operand.literal.is_int()) {
    return Literal(Value(-operand.literal.as_int()), position);
  }
  if (operand.kind == Expr::Kind::kLiteral && operand.literal.is_double()) {
    return Literal(Value(-operand.literal.as_number()), position);
  }
  return Unary(Expr::Kind::kNegate, std::move(operand), position);
}

const char* CompareOp(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEq:
      return "=";
    case TokenKind::kNe:
      return "<>";
    case TokenKind::kLt:
      return "<";
    case TokenKind::kLe:
      return "<=";
    case TokenKind::kGt:
      return ">";
    case TokenKind::kGe:
      return ">=";
    case TokenKind::kArrowLeft:
      return "<";  // a<-1 lexes as an arrow but means a < -1
    default:
      return nullptr;
  }
}

// How tall an expression tree is, and where its deepest node starts in the query text.
struct TreeHeight {
  int levels = 0;  // 1 for a leaf
  size_t deepest = 0;
};

// Walks with a stack of its own rather than by recursion, because it measures trees that are not yet
// known to be shallow.
TreeHeight Measure(const Expr& root) {
  TreeHeight height;
  std::vector<std::pair<const Expr*, int>> pending = {{&root, 1}};
  while (!pending.empty()) {
    auto [e, level] = pending.back();
    pending.pop_back();
    if (level > height.levels) height = {level, e->position};
    for (const Expr& arg : e->args) pending.emplace_back(&arg, level + 1);
  }
  return height;
}

int Height(const Expr& root) { return Measure(root).levels; }

class ExprParser {
 public:
  explicit ExprParser(TokenCursor& cursor) : c_(cursor) {}

  // Every later walk over the tree (checks, planning, evaluation, printing, destruction) recurses once
  // per level, so no tree taller than kMaxDepth leaves the parser. Nesting is refused as it is read;
  // this catches what the loose precedence levels add on top of it.
  Result<Expr> Expression() {
    Result<Expr> expr = Or();
    if (!expr.ok()) return expr;
    const TreeHeight height = Measure(*expr);
    if (height.levels > kMaxDepth) return TooDeep(height.deepest);
    return expr;
  }

 private:
  using Operand = Result<Expr> (ExprParser::*)();

  // `operand` (keyword `operand`)...: a chain of one associative operator becomes one node with every
  // operand as an argument, so that a WHERE clause of 12,000 ORs is one level deep, not 12,000.
  Result<Expr> Chain(Keyword keyword, Expr::Kind kind, Operand operand) {
    Result<Expr> first = (this->*operand)();
    if (!first.ok() || !c_.AtKeyword(keyword)) return first;
    Expr chain;
    chain.kind = kind;
    chain.position = first->position;
    chain.args.push_back(std::move(*first));
    while (c_.AcceptKeyword(keyword)) {
      Result<Expr> next = (this->*operand)();
      if (!next.ok()) return next;
      chain.args.push_back(std::move(*next));
    }
    return chain;
  }

  Result<Expr> Or() { return Chain(Keyword::kOr, Expr::Kind::kOr, &ExprParser::Xor); }
  Result<Expr> Xor() { return Chain(Keyword::kXor, Expr::Kind::kXor, &ExprParser::And); }
  Result<Expr> And() { return Chain(Keyword::kAnd, Expr::Kind::kAnd, &ExprParser::Not); }

  Result<Expr> Not() {
    if (!c_.AtKeyword(Keyword::kNot)) return Predicate();
    size_t position = c_.Next().offset;
    if (++depth_ > kMaxDepth) return TooDeep(position);
    Result<Expr> operand = Not();
    --depth_;
    if (!operand.ok()) return operand;
    return Unary(Expr::Kind::kNot, std::move(*operand), position);
  }

  // Comparisons and the other binary predicates, left to right. A chain a < b <= c means, as in Neo4j,
  // a < b AND b <= c, and becomes one AND node. The other operators nest to the left, a level per link:
  // `height` follows the tree built so far, so that a long chain is refused before it is deep.
  Result<Expr> Predicate() {
    Result<Expr> lhs = Negation();
    if (!lhs.ok()) return lhs;
    int height = Height(*lhs);
    std::optional<Expr> chain_rhs;  // the right side of the comparison just parsed, for chains
    int chain_rhs_height = 0;
    bool conjunction = false;       // lhs is the AND node of the current comparison chain
    while (true) {
      const Token& token = c_.Peek();
      const size_t link = token.offset;
      auto too_tall = [&] { return depth_ + height > kMaxDepth; };
      if (const char* op = CompareOp(token.kind)) {
        if (token.kind == TokenKind::kArrowLeft && LooksLikePattern()) return RefusePattern();
        bool arrow = token.kind == TokenKind::kArrowLeft;
        size_t arrow_minus = token.offset + 1;
        c_.Next();
        Result<Expr> rhs = Negation();
        if (!rhs.ok()) return rhs;
        Expr right = arrow ? Negate(std::move(*rhs), arrow_minus) : std::move(*rhs);
        const int right_height = Height(right);
        if (!chain_rhs.has_value()) {
          lhs = Binary(Expr::Kind::kCompare, std::move(*lhs), right);
          lhs->op = op;
          height = std::max(height, right_height) + 1;
        } else {
          Expr compare = Binary(Expr::Kind::kCompare, std::move(*chain_rhs), right);
          compare.op = op;
          const int compare_height = std::max(chain_rhs_height, right_height) + 1;
          if (!conjunction) {
            lhs = Binary(Expr::Kind::kAnd, std::move(*lhs), std::move(compare));
            height = std::max(height, compare_height) + 1;
            conjunction = true;
          } else {
            lhs->args.push_back(std::move(compare));
            height = std::max(height, compare_height + 1);
          }
        }
        if (too_tall()) return TooDeep(link);
        chain_rhs = std::move(right);
        chain_rhs_height = right_height;
        continue;
      }
      chain_rhs.reset();
      conjunction = false;
      Expr::Kind kind;
      if (c_.AcceptKeyword(Keyword::kIn)) {
        kind = Expr::Kind::kIn;
      } else if (c_.AcceptKeyword(Keyword::kStarts)) {
        if (!c_.AcceptKeyword(Keyword::kWith)) return c_.Expected("WITH after STARTS");
        kind = Expr::Kind::kStartsWith;
      } else if (c_.AcceptKeyword(Keyword::kEnds)) {
        if (!c_.AcceptKeyword(Keyword::kWith)) return c_.Expected("WITH after ENDS");
        kind = Expr::Kind::kEndsWith;
      } else if (c_.AcceptKeyword(Keyword::kContains)) {
        kind = Expr::Kind::kContains;
      } else if (c_.AcceptKeyword(Keyword::kIs)) {
        bool negated = c_.AcceptKeyword(Keyword::kNot);
        if (!c_.AcceptKeyword(Keyword::kNull)) return c_.Expected(negated ? "NULL after IS NOT" : "NULL after IS");
        size_t position = lhs->position;
        lhs = Unary(negated ? Expr::Kind::kIsNotNull : Expr::Kind::kIsNull, std::move(*lhs), position);
        ++height;
        if (too_tall()) return TooDeep(link);
        continue;
      } else {
        KG_RETURN_IF_ERROR(RefuseArithmetic());
        return lhs;
      }
      Result<Expr> rhs = Negation();
      if (!rhs.ok()) return rhs;
      height = std::max(height, Height(*rhs)) + 1;
      if (too_tall()) return TooDeep(link);
      lhs = Binary(kind, std::move(*lhs), std::move(*rhs));
    }
  }

  Result<Expr> Negation() {
    if (!c_.At(TokenKind::kDash)) return Postfix();
    size_t position = c_.Next().offset;
    if (++depth_ > kMaxDepth) return TooDeep(position);
    Result<Expr> operand = Negation();
    --depth_;
    if (!operand.ok()) return operand;
    return Negate(std::move(*operand), position);
  }

  Result<Expr> Postfix() {
    Result<Expr> atom = Atom();
    if (!atom.ok()) return atom;
    if (c_.At(TokenKind::kDot)) {
      if (atom->kind != Expr::Kind::kVariable) {
        return c_.ErrorAt(c_.Peek().offset,
                          "property access is only supported on a variable, as in a.name, by kg's Cypher subset");
      }
      c_.Next();
      if (!c_.AtName(/*allow_keywords=*/true)) return c_.Expected("a property name after '.'");
      atom->kind = Expr::Kind::kProperty;
      atom->property = c_.Next().value;
      if (c_.At(TokenKind::kDot)) {
        return c_.ErrorAt(c_.Peek().offset,
                          "property access is only supported on a variable, as in a.name, by kg's Cypher subset");
      }
    }
    if (c_.At(TokenKind::kLBracket)) {
      return c_.ErrorAt(c_.Peek().offset, "list indexing is not supported by kg's Cypher subset");
    }
    return atom;
  }

  Result<Expr> Atom() {
    const Token& token = c_.Peek();
    switch (token.kind) {
      case TokenKind::kInteger:
        c_.Next();
        return Literal(Value(token.int_value), token.offset);
      case TokenKind::kFloat:
        c_.Next();
        return Literal(Value(token.float_value), token.offset);
      case TokenKind::kString:
        c_.Next();
        return Literal(Value(token.value), token.offset);
      case TokenKind::kLBracket:
        return List();
      case TokenKind::kLParen:
        return Parenthesised();
      case TokenKind::kParameter:
        return c_.ErrorAt(token.offset, "parameter $" + token.value + " is not supported by kg's Cypher subset");
      case TokenKind::kIdentifier:
        if (token.keyword == Keyword::kNull || token.keyword == Keyword::kTrue || token.keyword == Keyword::kFalse) {
          c_.Next();
          if (token.keyword == Keyword::kNull) return Literal(Value(), token.offset);
          return Literal(Value(token.keyword == Keyword::kTrue), token.offset);
        }
        if (token.keyword != Keyword::kNone) break;
        if (c_.Peek(1).kind == TokenKind::kLParen) return FunctionCall();
        [[fallthrough]];
      case TokenKind::kQuotedName: {
        Expr e;
        e.kind = Expr::Kind::kVariable;
        e.name = token.value;
        e.position = token.offset;
        c_.Next();
        return e;
      }
      default:
        break;
    }
    return c_.Expected("an expression");
  }

  Result<Expr> List() {
    Expr list;
    list.kind = Expr::Kind::kList;
    list.position = c_.Next().offset;
    if (++depth_ > kMaxDepth) return TooDeep(list.position);
    if (!c_.Accept(TokenKind::kRBracket)) {
      while (true) {
        Result<Expr> item = Or();
        if (!item.ok()) return item;
        list.args.push_back(std::move(*item));
        if (c_.Accept(TokenKind::kRBracket)) break;
        if (!c_.Accept(TokenKind::kComma)) return c_.Expected("',' or ']' in the list");
      }
    }
    --depth_;
    return list;
  }

  Result<Expr> Parenthesised() {
    size_t open = c_.Next().offset;
    if (++depth_ > kMaxDepth) return TooDeep(open);
    Result<Expr> inner = Or();
    if (!inner.ok()) return inner;
    if (!c_.Accept(TokenKind::kRParen)) return c_.Expected("')' to close the parenthesis");
    --depth_;
    return inner;
  }

  Result<Expr> FunctionCall() {
    const Token& name_token = c_.Next();
    std::string written = name_token.value;
    Expr call;
    call.kind = Expr::Kind::kFunction;
    call.name = AsciiLower(written);
    call.position = name_token.offset;
    const FunctionInfo* info = LookUpFunction(call.name);
    if (info == nullptr) {
      return c_.ErrorAt(call.position, "unknown function '" + written + "'; kg supports " + std::string(kFunctionList));
    }
    c_.Next();  // (
    if (call.name == "count" && c_.At(TokenKind::kStar)) {
      c_.Next();
      if (!c_.Accept(TokenKind::kRParen)) return c_.Expected("')' after count(*");
      call.kind = Expr::Kind::kCountStar;
      return call;
    }
    if (c_.AtKeyword(Keyword::kDistinct)) {
      if (!info->aggregate) {
        return c_.ErrorAt(c_.Peek().offset,
                          "DISTINCT is only allowed in aggregate functions, not in " + written + "()");
      }
      c_.Next();
      call.distinct = true;
    }
    if (++depth_ > kMaxDepth) return TooDeep(call.position);
    if (!c_.Accept(TokenKind::kRParen)) {
      while (true) {
        Result<Expr> arg = Or();
        if (!arg.ok()) return arg;
        call.args.push_back(std::move(*arg));
        if (c_.Accept(TokenKind::kRParen)) break;
        if (!c_.Accept(TokenKind::kComma)) return c_.Expected("',' or ')' after the argument of " + written + "()");
      }
    }
    --depth_;
    size_t count = call.args.size();
    bool arity_ok = call.name == "coalesce" ? count >= 1 : count == 1;
    if (!arity_ok) {
      return c_.ErrorAt(call.position, std::string("expected ") + (call.name == "coalesce" ? "at least " : "") +
                                           "1 argument for " + written + "(), found " + std::to_string(count));
    }
    return call;
  }

  // Pattern predicates such as WHERE (a)-->(b) would otherwise be reported as subtraction.
  bool LooksLikePattern() const {
    TokenKind first = c_.Peek().kind;
    TokenKind second = c_.Peek(1).kind;
    if (first == TokenKind::kArrowLeft) return second == TokenKind::kDash || second == TokenKind::kLBracket;
    return first == TokenKind::kDash &&
           (second == TokenKind::kDash || second == TokenKind::kArrowRight || second == TokenKind::kLBracket);
  }

  Status RefusePattern() const {
    return c_.ErrorAt(c_.Peek().offset,
                      "pattern expressions such as (a)-->(b) are not supported in expressions by kg's Cypher "
                      "subset; put the pattern in MATCH");
  }

  Status RefuseArithmetic() const {
    const Token& token = c_.Peek();
    const char* op = nullptr;
    switch (token.kind) {
      case TokenKind::kPlus:
        op = "+";
        break;
      case TokenKind::kDash:
        op = "-";
        break;
      case TokenKind::kStar:
        op = "*";
        break;
      case TokenKind::kSlash:
        op = "/";
        break;
      case TokenKind::kPercent:
        op = "%";
        break;
      default:
        return Status::Ok();
    }
    if (LooksLikePattern()) return RefusePattern();
    return c_.ErrorAt(token.offset, std::string("arithmetic ('") + op + "') is not supported by kg's Cypher subset");
  }

  // A bad query like any other (exit 2), not a failure of kg's.
  Status TooDeep(size_t position) const {
    return c_.ErrorAt(position, "expression nested deeper than " + std::to_string(kMaxDepth) + " levels");
  }

  TokenCursor& c_;
  int depth_ = 0;
};

}  // namespace

Result<Expr> ParseExpression(TokenCursor& cursor) { return ExprParser(cursor).Expression(); }

bool IsAggregateFunction(std::string_view name) {
  const FunctionInfo* info = LookUpFunction(name);
  return info != nullptr && info->aggregate;
}

const Expr* FindAggregate(const Expr& expr) {
  if (expr.kind == Expr::Kind::kCountStar) return &expr;
  if (expr.kind == Expr::Kind::kFunction && IsAggregateFunction(expr.name)) return &expr;
  for (const Expr& arg : expr.args) {
    if (const Expr* found = FindAggregate(arg)) return found;
  }
  return nullptr;
}

bool IsConstant(const Expr& expr) {
  if (expr.kind == Expr::Kind::kLiteral) return true;
  if (expr.kind != Expr::Kind::kList) return false;
  for (const Expr& item : expr.args) {
    if (!IsConstant(item)) return false;
  }
  return true;
}

}  // namespace kg::query
