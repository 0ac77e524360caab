#include "query/shorthand_parser.h"

#include <string>
#include <utility>
#include <vector>

#include "query/cypher_lexer.h"

namespace kg::query {
namespace {

constexpr std::string_view kTripleExample = "a triple such as ?who invests_in Spain";

struct Word {
  enum class Kind { kVariable, kString, kBare, kSeparator };
  Kind kind = Kind::kBare;
  std::string value;  // the variable without '?', the decoded string, the bare word
  size_t offset = 0;  // byte range [offset, end) in the text
  size_t end = 0;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

size_t WordEnd(std::string_view text, size_t i) {
  while (i < text.size() && !IsSpace(text[i])) ++i;
  return i;
}

// True when all of `word` is one Cypher-style name, as relationship types are.
bool IsName(std::string_view word) {
  size_t length = 0;
  if (word.empty() || !IsNameStart(word, 0, &length)) return false;
  for (size_t i = length; i < word.size(); i += length) {
    if (!IsNamePart(word, i, &length)) return false;
  }
  return true;
}

Result<std::vector<Word>> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (true) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) return words;
    Word word;
    word.offset = i;
    char c = text[i];
    if (c == '\'' || c == '"') {
      word.kind = Word::Kind::kString;
      Result<size_t> after = ReadQuotedString(text, i, &word.value);
      if (!after.ok()) return after.status();
      i = *after;
      if (i < text.size() && !IsSpace(text[i])) {
        return SyntaxErrorAt(
            text, i, "expected a space after the closing quote, found " + QuoteSource(text, i, WordEnd(text, i)));
      }
    } else if (c == '?') {
      word.kind = Word::Kind::kVariable;
      i = WordEnd(text, i);
      word.value = std::string(text.substr(word.offset + 1, i - word.offset - 1));
      if (!IsName(word.value)) {
        return SyntaxErrorAt(text, word.offset,
                             "expected a variable such as ?who, found " + QuoteSource(text, word.offset, i));
      }
    } else {
      i = WordEnd(text, i);
      word.value = std::string(text.substr(word.offset, i - word.offset));
      word.kind = word.value == "." ? Word::Kind::kSeparator : Word::Kind::kBare;
    }
    word.end = i;
    words.push_back(std::move(word));
  }
}

// Builds the query from the words of one text; remembers which variables name entities and which name
// predicates.
class ShorthandCompiler {
 public:
  explicit ShorthandCompiler(std::string_view text) : text_(text) {}

  Result<Query> Compile(const std::vector<Word>& words) {
    size_t i = 0;
    while (true) {
      std::vector<const Word*> triple;
      while (i < words.size() && words[i].kind != Word::Kind::kSeparator) triple.push_back(&words[i++]);
      const Word* separator = i < words.size() ? &words[i] : nullptr;
      bool trailing = separator == nullptr && triple.empty() && !query_.patterns.empty();
      if (!trailing) KG_RETURN_IF_ERROR(AddTriple(triple, separator));
      if (separator == nullptr) break;
      ++i;
    }
    if (query_.items.empty()) return SyntaxErrorAt(text_, 0, "the pattern has no ?variable to return");
    return std::move(query_);
  }

 private:
  enum class Role { kEntity, kPredicate };

  Status AddTriple(const std::vector<const Word*>& triple, const Word* separator) {
    if (triple.size() < 3) {
      static constexpr std::string_view kMissing[] = {kTripleExample, "a predicate after the subject",
                                                      "an object after the predicate"};
      std::string found =
          separator != nullptr ? QuoteSource(text_, separator->offset, separator->end) : std::string("end of query");
      size_t at = separator != nullptr ? separator->offset : text_.size();
      return SyntaxErrorAt(text_, at, "expected " + std::string(kMissing[triple.size()]) + ", found " + found);
    }
    if (triple.size() > 3) {
      return SyntaxErrorAt(
          text_, triple[3]->offset,
          "expected ' . ' between triples, found " + QuoteSource(text_, triple[3]->offset, triple[3]->end));
    }
    const Word& predicate = *triple[1];
    if (predicate.kind != Word::Kind::kVariable && !(predicate.kind == Word::Kind::kBare && IsName(predicate.value))) {
      return SyntaxErrorAt(text_, predicate.offset,
                           "expected a predicate (a name such as invests_in, or a ?variable), found " +
                               QuoteSource(text_, predicate.offset, predicate.end));
    }
    PathPattern path;
    Result<NodePattern> subject = Node(*triple[0]);
    if (!subject.ok()) return subject.status();
    path.nodes.push_back(std::move(*subject));
    RelPattern rel;
    rel.direction = Direction::kOut;
    rel.position = predicate.offset;
    if (predicate.kind == Word::Kind::kVariable) {
      KG_RETURN_IF_ERROR(Use(predicate, Role::kPredicate));
      rel.variable = predicate.value;
    } else {
      rel.types.push_back(predicate.value);
    }
    path.rels.push_back(std::move(rel));
    Result<NodePattern> object = Node(*triple[2]);
    if (!object.ok()) return object.status();
    path.nodes.push_back(std::move(*object));
    query_.patterns.push_back(std::move(path));
    return Status::Ok();
  }

  Result<NodePattern> Node(const Word& word) {
    NodePattern node;
    node.position = word.offset;
    if (word.kind == Word::Kind::kVariable) {
      KG_RETURN_IF_ERROR(Use(word, Role::kEntity));
      node.variable = word.value;
      return node;
    }
    Expr name;
    name.kind = Expr::Kind::kLiteral;
    name.literal = Value(word.value);
    name.position = word.offset;
    node.properties.emplace_back("name", std::move(name));
    return node;
  }

  // Records a use of a variable, adding its return item on first use.
  Status Use(const Word& word, Role role) {
    for (const auto& [name, seen] : roles_) {
      if (name != word.value) continue;
      if (seen != role) {
        return SyntaxErrorAt(text_, word.offset, "?" + name + " is used both as an entity and as a predicate");
      }
      if (role == Role::kPredicate) {
        // Two relationships cannot share one variable; joining on the predicate would need a condition.
        return SyntaxErrorAt(text_, word.offset,
                             "?" + name +
                                 " is already the predicate of another triple; a predicate variable "
                                 "can appear only once");
      }
      return Status::Ok();
    }
    roles_.emplace_back(word.value, role);
    Expr variable;
    variable.kind = Expr::Kind::kVariable;
    variable.name = word.value;
    variable.position = word.offset;
    ReturnItem item;
    item.alias = word.value;
    item.expr.position = word.offset;
    if (role == Role::kEntity) {
      item.expr.kind = Expr::Kind::kProperty;
      item.expr.name = word.value;
      item.expr.property = "name";
    } else {
      item.expr.kind = Expr::Kind::kFunction;
      item.expr.name = "type";
      item.expr.args.push_back(std::move(variable));
    }
    query_.items.push_back(std::move(item));
    return Status::Ok();
  }

  std::string_view text_;
  std::vector<std::pair<std::string, Role>> roles_;
  Query query_;
};

}  // namespace

Result<Query> ParseShorthand(std::string_view text) {
  Result<std::vector<Word>> words = SplitWords(text);
  if (!words.ok()) return words.status();
  return ShorthandCompiler(text).Compile(*words);
}

bool LooksLikeShorthand(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (i < text.size() && text[i] == '?') return true;
  std::string_view rest = text.substr(i);
  if (rest.substr(0, 2) == "//" || rest.substr(0, 2) == "/*") return false;  // a Cypher comment
  // The Cypher lexer matches keywords without regard to case, as ParseCypher will; "MATCH(a)" is one word.
  std::vector<Token> tokens = TokenizeCypher(rest.substr(0, WordEnd(rest, 0)));
  const Token& first = tokens.front();
  if (first.kind != TokenKind::kIdentifier) return true;
  switch (first.keyword) {
    case Keyword::kMatch:
    case Keyword::kOptional:
    case Keyword::kReturn:
    case Keyword::kWith:
    case Keyword::kUnwind:
    case Keyword::kCall:
    case Keyword::kUnion:
    case Keyword::kCreate:
    case Keyword::kMerge:
    case Keyword::kDelete:
    case Keyword::kDetach:
    case Keyword::kSet:
    case Keyword::kRemove:
    case Keyword::kLoad:
    case Keyword::kForeach:
      return false;
    default:
      return true;
  }
}

}  // namespace kg::query
