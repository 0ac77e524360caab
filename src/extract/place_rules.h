// Rules that place one named place inside another (located_in), from the shapes news uses for it:
//   - "Grigny (Essonne)": a place with its region or country in parentheses;
//   - "Abingdon, Oxfordshire", "Georgetown, Kentucky": a place, a comma and a known region or country,
//     when the two are not items of a list ("Paris, Londres et Dallas");
//   - "Aubonne im Kanton Waadt", "Jonage dans le département du Rhône", "Baytown in the state of Texas":
//     a place, a preposition and a word for a kind of region;
//   - "the U.S. state of Georgia", "l'État américain de Géorgie": a country, that word and the region.
// Stateless functions over data the caller owns.
#ifndef KG_EXTRACT_PLACE_RULES_H_
#define KG_EXTRACT_PLACE_RULES_H_

#include <vector>

#include "extract/entity_finder.h"
#include "extract/lexicon.h"
#include "extract/relation_rules.h"

namespace kg::extract {

// Appends a located_in candidate for each containment the sentence states. Retypes as places the
// names the patterns show to be places.
void ApplyContainmentRules(const SentenceView& sentence, std::vector<Mention>* mentions, const Lexicon& lexicon,
                           std::vector<Candidate>* out);

// "un centre à Aubonne, dans le canton de Vaud": a site is in the most specific place the sentence gives.
// An opens_facility_in candidate whose object is the region or country another candidate of the sentence
// places a city in (located_in) moves to that city; when the city is already its subject's site there, the
// wider one is rejected.
void PreferInnerPlaces(std::vector<Candidate>* candidates);

// The region a country mention is narrowed to right after it ("the U.S. state of Georgia" -> Georgia), or
// null when none follows.
const Mention* NarrowerPlace(const SentenceView& sentence, const std::vector<Mention>& mentions,
                             const Mention& country);

}  // namespace kg::extract

#endif  // KG_EXTRACT_PLACE_RULES_H_
