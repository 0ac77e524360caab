// A position in the token list of one Cypher query, shared by the clause, pattern and expression parsers,
// with the helpers that word their errors. Owned by one parse on one thread; it borrows the query text,
// which must outlive it.
#ifndef KG_QUERY_CYPHER_CURSOR_H_
#define KG_QUERY_CYPHER_CURSOR_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/status.h"
#include "query/cypher_lexer.h"

namespace kg::query {

class TokenCursor {
 public:
  TokenCursor(std::string_view text, std::vector<Token> tokens) : text_(text), tokens_(std::move(tokens)) {}

  std::string_view text() const { return text_; }

  // The token `ahead` places after the current one; the last token (kEnd or kError) past the end.
  const Token& Peek(size_t ahead = 0) const { return tokens_[std::min(index_ + ahead, tokens_.size() - 1)]; }
  // The token before the current one. Precondition: at least one token was consumed.
  const Token& Previous() const { return tokens_[index_ - 1]; }
  // Returns the current token and moves past it (never past the last token).
  const Token& Next() {
    const Token& token = Peek();
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }

  bool At(TokenKind kind) const { return Peek().kind == kind; }
  bool AtKeyword(Keyword keyword) const { return Peek().kind == TokenKind::kIdentifier && Peek().keyword == keyword; }
  bool Accept(TokenKind kind) {
    if (!At(kind)) return false;
    Next();
    return true;
  }
  bool AcceptKeyword(Keyword keyword) {
    if (!AtKeyword(keyword)) return false;
    Next();
    return true;
  }

  // True when the current token is a name: a bare word that is no keyword, or a `quoted` one. With
  // `allow_keywords`, keywords count too, for the places no keyword can stand (labels, keys, aliases).
  bool AtName(bool allow_keywords) const {
    const Token& token = Peek();
    if (token.kind == TokenKind::kQuotedName) return true;
    return token.kind == TokenKind::kIdentifier && (allow_keywords || token.keyword == Keyword::kNone);
  }

  // InvalidArgument "L:C: expected <what>, found '<current token>'" (or "found end of query"). When the
  // current token is a kError, its own message is returned instead: the text there could not be read.
  Status Expected(std::string_view what) const {
    const Token& token = Peek();
    if (token.kind == TokenKind::kError) return InvalidArgument(token.value);
    std::string found = token.kind == TokenKind::kEnd ? "end of query" : QuoteSource(text_, token.offset, token.end);
    return SyntaxErrorAt(text_, token.offset, "expected " + std::string(what) + ", found " + found);
  }

  // InvalidArgument "L:C: <message>" at byte `offset`.
  Status ErrorAt(size_t offset, std::string_view message) const { return SyntaxErrorAt(text_, offset, message); }

 private:
  std::string_view text_;
  std::vector<Token> tokens_;  // never empty: the lexer always ends it with kEnd or kError
  size_t index_ = 0;
};

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_CURSOR_H_
