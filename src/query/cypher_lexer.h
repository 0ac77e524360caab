// Splits the text of a Cypher query into tokens, each with its byte range, for the Cypher parser. Also holds
// the helpers both query parsers use to word their errors: "L:C: expected WHAT, found 'TOKEN'", where L and
// C are 1-based and C counts Unicode code points, so a column matches what an editor shows.
#ifndef KG_QUERY_CYPHER_LEXER_H_
#define KG_QUERY_CYPHER_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg::query {

enum class TokenKind {
  kEnd,         // the end of the query text
  kError,       // the text cannot be tokenized further; `value` holds the whole error message
  kIdentifier,  // a bare name, which may spell a keyword (see Token::keyword)
  kQuotedName,  // a `backtick quoted` name: never a keyword
  kString,      // 'text' or "text"; `value` holds the decoded text
  kInteger,     // 42; `int_value` holds it
  kFloat,       // 1.5, .5, 1e9; `float_value` holds it
  kParameter,   // $name: lexed only so that the parser can refuse it by name
  kLParen,      // (
  kRParen,      // )
  kLBracket,    // [
  kRBracket,    // ]
  kLBrace,      // {
  kRBrace,      // }
  kComma,       // ,
  kDot,         // .
  kDotDot,      // ..
  kColon,       // :
  kSemicolon,   // ;
  kPipe,        // |
  kStar,        // *
  kPlus,        // +
  kSlash,       // /
  kPercent,     // %
  kDash,        // -
  kArrowRight,  // ->
  kArrowLeft,   // <-
  kEq,          // =
  kNe,          // <>
  kLt,          // <
  kLe,          // <=
  kGt,          // >
  kGe,          // >=
};

// The words the parser gives a meaning to, matched without regard to case. Function names such as count are
// not keywords: they are names followed by '('.
enum class Keyword {
  kNone,
  kMatch,
  kWhere,
  kReturn,
  kDistinct,
  kAs,
  kOrder,
  kBy,
  kAsc,
  kAscending,
  kDesc,
  kDescending,
  kSkip,
  kLimit,
  kAnd,
  kOr,
  kXor,
  kNot,
  kIn,
  kStarts,
  kEnds,
  kWith,
  kContains,
  kIs,
  kNull,
  kTrue,
  kFalse,
  // Clauses outside kg's subset, known so that the parser can name them in its error.
  kOptional,
  kUnwind,
  kCall,
  kUnion,
  kCreate,
  kMerge,
  kDelete,
  kDetach,
  kSet,
  kRemove,
  kLoad,
  kForeach,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  Keyword keyword = Keyword::kNone;  // kIdentifier only
  std::string value;                 // names without backticks, decoded strings, kError's message
  int64_t int_value = 0;
  double float_value = 0;
  size_t offset = 0;  // byte range [offset, end) in the query text
  size_t end = 0;
};

// Tokenizes all of `text`. Whitespace and comments (// to the end of the line, /* ... */) are skipped. The
// last token is kEnd, or kError when some text cannot be tokenized (an unterminated string, a bad escape, an
// integer over int64, a stray character): the parser reports that error only when it reaches that token,
// so an earlier mistake is reported first.
std::vector<Token> TokenizeCypher(std::string_view text);

// Reads the string literal whose opening quote (' or ") is at `text[offset]`, with Cypher's escapes
// (\' \" \\ \n \t \r \b \f \uXXXX). On success stores the decoded UTF-8 text in `*value` and returns the
// offset just past the closing quote; otherwise returns InvalidArgument "L:C: expected ..., found ...".
Result<size_t> ReadQuotedString(std::string_view text, size_t offset, std::string* value);

// True for the bytes that may start or continue a bare name, decoding one code point at `text[offset]` and
// storing its length in `*length`: ASCII letters, digits (continue only) and '_', and Unicode identifier
// characters.
bool IsNameStart(std::string_view text, size_t offset, size_t* length);
bool IsNamePart(std::string_view text, size_t offset, size_t* length);

// "L:C" for byte `offset` of `text`: the 1-based line, and the 1-based column in code points.
std::string LineColumn(std::string_view text, size_t offset);

// InvalidArgument "L:C: <message>" at byte `offset` of `text`.
Status SyntaxErrorAt(std::string_view text, size_t offset, std::string_view message);

// How a token appears in an error: its source text in quotes (shortened when long), or "end of query".
std::string QuoteSource(std::string_view text, size_t begin, size_t end);

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_LEXER_H_
