// Shapes of words and short token runs that tell names from everything else in news text: tickers
// ("(NYSE: XYZ)"), country abbreviations ("U.S."), legal forms ("Inc", "AG"), words in capitals, adverbs
// and gerunds that a sentence start capitalises, and German common nouns (German capitalises every noun).
// Stateless functions; `text` is what the tokens index.
#ifndef KG_EXTRACT_NAME_SHAPES_H_
#define KG_EXTRACT_NAME_SHAPES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/token_scanner.h"

namespace kg::extract {

// The exact text of tokens [b, e).
std::string_view Written(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e);

// True when tokens[b, e) has the shape of a ticker: capitals and digits, perhaps with a ".XX" market.
bool TickerShape(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e);

// The length in tokens of a parenthesised ticker starting at tokens[i] ("(NYSE: XYZ)", "(ABCD.PA)"), or 0.
size_t TickerLength(const std::vector<ScanToken>& tokens, std::string_view text, size_t i, const Lexicon& lexicon);

// The ISO 3166-1 code of a country abbreviation written at tokens[i] ("U.S.", "UK", "EE.UU."), with its
// length in tokens, or nullopt; case-sensitive, since "us" is also a word.
std::optional<std::string> CountryAbbreviation(const std::vector<ScanToken>& tokens, std::string_view text, size_t i,
                                               const Lexicon& lexicon, size_t* length);

// True for an adverb or a long gerund ("Inicialmente", "Finalement", "Announcing"), told by its ending.
bool IsAdverbOrGerund(const std::string& lower);

// True when `lower` ends as an abstract noun or a gerund does ("Spending", "Investment", "Construction",
// "Inversión", "Financement"): at a sentence start such a word opens a noun phrase, not a name, even
// before a trigger ("Spending commitments include …").
bool HasAbstractNounEnding(const std::string& lower);

// True when `lower` ends with one of `endings` and keeps at least `min_stem` letters before it: the test that
// tells a German compound ("Chemiekonzern") by its last part.
bool HasEnding(const std::string& lower, const std::vector<std::string>& endings, size_t min_stem);

// HasEnding, also under a German case or plural ending ("-s", "-es", "-n", "-en"): "des
// Lebensversicherers", "den Zulieferern".
bool HasEndingInAnyCase(const std::string& lower, const std::vector<std::string>& endings, size_t min_stem);

// The first token at or after k (before `end`) that is not an honorific and its period: "Dr. Angela
// Merkel", "M. Dupont" start their name after the honorific.
size_t SkipHonorifics(const std::vector<ScanToken>& tokens, size_t k, size_t end, const Lexicon& lexicon);

// True when the word is written in capital letters only ("US", "U" of "U.K.").
bool WrittenInCapitals(const ScanToken& t, std::string_view text);

// True when the word is written in capitals only ("DAVOS", "AT"), at least two letters.
bool AllCaps(const ScanToken& t, std::string_view text);

// True when tokens[e - 1] is a legal form such as "Inc", "AG" or "Co".
bool IsLegalForm(const std::vector<ScanToken>& tokens, size_t e);

// True for a German common noun: a listed noun (with its case or plural endings), an organisation noun,
// or a noun ending ("-ung", "-konzern").
bool IsGermanNoun(const ScanToken& t, const Lexicon& lexicon);

// Where a German name starting at tokens[b] ends within [b, e): before a hyphenated noun ("-Konzerns") or
// a trailing common noun.
size_t GermanNameEnd(const std::vector<ScanToken>& tokens, size_t b, size_t e, const Lexicon& lexicon);

}  // namespace kg::extract

#endif  // KG_EXTRACT_NAME_SHAPES_H_
