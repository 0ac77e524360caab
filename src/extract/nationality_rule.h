// The nationality rule: a country adjective on an organisation says where the organisation is based
// (headquartered_in, the guidelines' "nationality" evidence).
//
// It reads the noun phrase around the adjective, in the word orders of the four languages:
//   - noun, then adjective (French, Spanish): "le groupe suédois Fabrikam", "el grupo estadounidense X",
//     "le géant allemand de la chimie X", "le britannique X" (the adjective as a noun);
//   - adjective, then noun (English, German): "the American fund X", "Chinese smartphone maker X",
//     "der niederländische Chemiekonzern X" (German compounds are told by their last part, "-konzern");
//   - a country prefix on the noun: "der US-Konzern X", "US-based" is left to the trigger rules;
//   - an apposition: "X, the German company that…", "X, le groupe français, …";
//   - a definite phrase with no name, "le groupe français a indiqué", which refers to the article's
//     organisation.
// The adjective binds to the organisation its own noun phrase names, so in "X, part of the Swiss group
// Y" only Y is Swiss. Stateless and thread-safe.
#ifndef KG_EXTRACT_NATIONALITY_RULE_H_
#define KG_EXTRACT_NATIONALITY_RULE_H_

#include <vector>

#include "extract/document_context.h"
#include "extract/entity_finder.h"
#include "extract/lexicon.h"
#include "extract/relation_rules.h"

namespace kg::extract {

// True when `token` is a noun that heads an organisation's description in any of the four languages:
// "groupe", "maker", "empresa", or a German compound ending in one ("Chemiekonzern").
bool IsOrgHeadNoun(const ScanToken& token, const Lexicon& lexicon);

// Appends a headquartered_in candidate for every organisation a country adjective describes. Marks the
// names it binds as firm organisations in `mentions`.
void ApplyNationalityRule(const SentenceView& sentence, std::vector<Mention>* mentions, const Lexicon& lexicon,
                          const DocumentContext& ctx, std::vector<Candidate>* out);

}  // namespace kg::extract

#endif  // KG_EXTRACT_NATIONALITY_RULE_H_
