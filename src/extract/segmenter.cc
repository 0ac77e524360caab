#include "extract/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace kg::extract {
namespace {

// ICU strings are indexed by int32_t UTF-16 units; stay far enough below that.
constexpr size_t kMaxTextBytes = 256u * 1024 * 1024;

// Abbreviations after which a period does not end a sentence. ICU already keeps "U.S. officials" together
// (a lower-case word follows); these cover a capitalised next word. They are checked on ICU's breaks
// rather than given to ICU's FilteredBreakIterator, which misses them at the start of a text and when they
// hold inner periods ("S.A.").
constexpr const char* kAbbreviations[] = {
    "M.",    "MM.",   "Mme.",  "Mlle.", "Mr.",   "Mrs.",  "Ms.",  "Dr.",   "Pr.",   "Prof.", "St.",
    "Ste.",  "S.A.",  "SA.",   "S.A.S.", "Inc.", "Corp.", "Co.",  "Ltd.",  "Bros.", "Jr.",   "Sr.",
    "etc.",  "p.",    "ex.",   "cf.",   "vs.",   "No.",   "U.S.",  "U.K.",  "U.N.",  "E.U.",
    "Sra.",  "Dña.",  "Hr.",   "Fr.",   "Nr.",   "bzw.", "z.B.",  "d.h.",  "Gen.",  "Gov.",
    "Sen.",  "Rep.",  "Jan.",  "Feb.",  "Aug.",  "Sept.", "Oct.", "Nov.",  "Dec.",  "env.",  "av.",
    "J.-C.", "art.",  "chap.", "vol.",  "Mgr.",  "Me.",   "Cie.",
};

// ICU iterators are not thread-safe; each thread builds its own once and reuses it.
icu::BreakIterator* SentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), error));
    return U_FAILURE(error) ? nullptr : std::move(it);
  }();
  return iterator.get();
}

icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), error));
    return U_FAILURE(error) ? nullptr : std::move(it);
  }();
  return iterator.get();
}

// The UTF-16 text ICU works on, and the byte and code-point offset of every UTF-16 index.
struct Utf16Text {
  icu::UnicodeString text;
  std::vector<uint32_t> byte_at;
  std::vector<uint32_t> char_at;

  TextSpan Span(int32_t begin, int32_t end) const {
    return {byte_at[begin], byte_at[end], char_at[begin], char_at[end]};
  }
};

Result<Utf16Text> Prepare(std::string_view text) {
  if (text.size() > kMaxTextBytes) return ResourceExhausted("text of " + std::to_string(text.size()) + " bytes is over the 256 MiB limit");
  KG_RETURN_IF_ERROR(ValidateUtf8(text));
  Utf16Text out;
  out.text = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  out.byte_at.reserve(static_cast<size_t>(out.text.length()) + 1);
  out.char_at.reserve(static_cast<size_t>(out.text.length()) + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  uint32_t chars = 0;
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    for (int unit = 0; unit < U16_LENGTH(c); ++unit) {
      out.byte_at.push_back(static_cast<uint32_t>(start));
      out.char_at.push_back(chars);
    }
    ++chars;
  }
  out.byte_at.push_back(static_cast<uint32_t>(text.size()));
  out.char_at.push_back(chars);
  return out;
}

bool IsElision(const icu::UnicodeString& prefix) {
  static const char* const kElisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"};
  icu::UnicodeString lower(prefix);
  lower.toLower(icu::Locale::getRoot());
  for (const char* e : kElisions) {
    if (lower == icu::UnicodeString(e, -1, US_INV)) return true;
  }
  return false;
}

void AppendToken(const Utf16Text& u, std::string_view text, TokenKind kind, int32_t begin, int32_t end,
                 std::vector<Token>* tokens) {
  Token token;
  token.kind = kind;
  token.span = u.Span(begin, end);
  token.text.assign(text.substr(token.span.begin, token.span.end - token.span.begin));
  tokens->push_back(std::move(token));
}

Result<std::vector<Token>> TokensOf(const Utf16Text& u, std::string_view text) {
  icu::BreakIterator* words = WordIterator();
  if (words == nullptr) return Internal("ICU could not create a word break iterator");
  words->setText(u.text);
  std::vector<Token> tokens;
  for (int32_t begin = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words->next()) {
    int32_t status = words->getRuleStatus();
    if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      AppendToken(u, text, TokenKind::kNumber, begin, end, &tokens);
    } else if (status >= UBRK_WORD_LETTER) {
      // French elisions ("l'Espagne", "d’euros") become two words, so the noun can be looked up alone.
      int32_t apostrophe = -1;
      for (int32_t i = begin; i < end && i - begin <= 6; ++i) {
        UChar ch = u.text.charAt(i);
        if (ch == u'\'' || ch == u'\u2019') {
          apostrophe = i;
          break;
        }
      }
      if (apostrophe > begin && apostrophe + 1 < end && IsElision(u.text.tempSubStringBetween(begin, apostrophe))) {
        AppendToken(u, text, TokenKind::kWord, begin, apostrophe + 1, &tokens);
        AppendToken(u, text, TokenKind::kWord, apostrophe + 1, end, &tokens);
      } else {
        AppendToken(u, text, TokenKind::kWord, begin, end, &tokens);
      }
    } else {
      // Unclassified segments are single characters (or CR LF): spaces are dropped, the rest is punctuation.
      UChar32 c = u.text.char32At(begin);
      if (!u_isUWhiteSpace(c)) AppendToken(u, text, TokenKind::kPunctuation, begin, end, &tokens);
    }
  }
  return tokens;
}

// True when the sentence [begin, end) (trailing space trimmed) ends with an abbreviation or an initial.
bool EndsWithAbbreviation(const icu::UnicodeString& text, int32_t begin, int32_t end) {
  if (end - begin < 2 || text.charAt(end - 1) != u'.') return false;
  int32_t start = end - 1;
  while (start > begin && !u_isUWhiteSpace(text.charAt(start - 1))) --start;
  // Opening brackets and quotes are not part of the word: "(Inc." or "«M.".
  while (start < end && (u_hasBinaryProperty(text.char32At(start), UCHAR_QUOTATION_MARK) ||
                         u_charType(text.char32At(start)) == U_START_PUNCTUATION)) {
    ++start;
  }
  std::string word;
  text.tempSubStringBetween(start, end).toUTF8String(word);
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial: "John F. Kennedy"
  for (const char* abbreviation : kAbbreviations) {
    if (word == abbreviation) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<Token>> Tokenize(std::string_view text) {
  Result<Utf16Text> u = Prepare(text);
  if (!u.ok()) return u.status();
  return TokensOf(*u, text);
}

Result<std::vector<Sentence>> Segment(std::string_view text) {
  Result<Utf16Text> u = Prepare(text);
  if (!u.ok()) return u.status();
  Result<std::vector<Token>> tokens = TokensOf(*u, text);
  if (!tokens.ok()) return tokens.status();
  icu::BreakIterator* sentences = SentenceIterator();
  if (sentences == nullptr) return Internal("ICU could not create a sentence break iterator");
  sentences->setText(u->text);

  std::vector<Sentence> out;
  size_t next_token = 0;
  int32_t begin = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; end = sentences->next()) {
    while (begin < end && u_isUWhiteSpace(u->text.char32At(begin))) begin += U16_LENGTH(u->text.char32At(begin));
    int32_t boundary = end;
    while (end > begin) {
      int32_t last = u->text.moveIndex32(end, -1);
      if (!u_isUWhiteSpace(u->text.char32At(last))) break;
      end = last;
    }
    if (begin == end) continue;
    // After an abbreviation the sentence goes on, unless a line break or the end of the text closes it.
    bool line_break = false;
    for (int32_t k = end; k < boundary; ++k) line_break = line_break || u->text.charAt(k) == u'\n';
    if (boundary < u->text.length() && !line_break && EndsWithAbbreviation(u->text, begin, end)) continue;
    Sentence sentence;
    sentence.span = u->Span(begin, end);
    while (next_token < tokens->size() && (*tokens)[next_token].span.begin < sentence.span.end) {
      sentence.tokens.push_back(std::move((*tokens)[next_token++]));
    }
    out.push_back(std::move(sentence));
    begin = boundary;
  }
  return out;
}

}  // namespace kg::extract
