// Role titles: "le président de Microsoft, Brad Smith", "Marc Lefebvre, PDG de Veritane", "the Indian prime
// minister, Narendra Modi", "Fabrikam-Chef Jan Berg", "Jan Berg ist neuer Vorstandschef des …".
// They give ceo_of, president_of and head_of_government_of and tell which names are people; titles that
// give no fact ("governor", "porte-parole") still mark a person. Former roles and deputies are proposed
// as rejected candidates, so --explain can say why. Stateless functions over data the caller owns.
#ifndef KG_EXTRACT_TITLE_RULES_H_
#define KG_EXTRACT_TITLE_RULES_H_

#include <string>
#include <vector>

#include "extract/document_context.h"
#include "extract/entity_finder.h"
#include "extract/lexicon.h"
#include "extract/relation_rules.h"

namespace kg::extract {

struct TitleMatch {
  size_t begin = 0;
  size_t end = 0;
  int predicate = 0;  // index into Lexicon::predicates, or kPersonOnlyTitle
};

// The role titles of the sentence in the lexicon for `language` ("" for all), longest first, not
// overlapping; `blocked` gets a true for every token they cover.
std::vector<TitleMatch> FindTitles(const std::vector<ScanToken>& tokens, const Lexicon& lexicon,
                                   const std::string& language, std::vector<bool>* blocked);

// Role facts from `titles`. Retypes the names found to be people in `mentions` and records them in `ctx`
// (RegisterName, last_person, last_business_person).
std::vector<Candidate> ApplyTitleRules(const SentenceView& sentence, const std::vector<TitleMatch>& titles,
                                       std::vector<Mention>* mentions, const Lexicon& lexicon,
                                       DocumentContext* ctx);

}  // namespace kg::extract

#endif  // KG_EXTRACT_TITLE_RULES_H_
