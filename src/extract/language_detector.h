// Guesses the language of a news text among the four kg extracts from: French, English, Spanish, German.
//
// The guess is data-driven: each language has a small table of frequent function words and of letters
// that only it uses among the four (ç, ñ, ß, …). It is meant for choosing lexicons and number conventions,
// not for linguistics: it answers "" rather than guess when the evidence is thin or split. Stateless and
// thread-safe.
#ifndef KG_EXTRACT_LANGUAGE_DETECTOR_H_
#define KG_EXTRACT_LANGUAGE_DETECTOR_H_

#include <string>
#include <string_view>

namespace kg::extract {

// "fr", "en", "es" or "de" for the language `text` is most likely written in, or "" when there is not
// enough evidence (no known word, a tie, or a lead too small to trust). Case does not matter. Only the
// first 64 KiB are read, so the cost is bounded; malformed UTF-8 is tolerated (bad bytes count as
// nothing) and never fails.
std::string DetectLanguage(std::string_view text);

}  // namespace kg::extract

#endif  // KG_EXTRACT_LANGUAGE_DETECTOR_H_
