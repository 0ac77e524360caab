// Small searches over one sentence's mentions, shared by the title, trigger and place rules: the nearest
// mention of some types on either side of a position, the mention starting or ending at a token, and the
// word classes the rules stop at. Stateless functions over data the caller owns.
#ifndef KG_EXTRACT_MENTION_SEARCH_H_
#define KG_EXTRACT_MENTION_SEARCH_H_

#include <string>
#include <vector>

#include "extract/document_context.h"
#include "extract/entity_finder.h"
#include "extract/token_scanner.h"
#include "kg/model.h"

namespace kg::extract {

// How far from a trigger, in tokens, a subject or object may be: beyond that a long sentence has moved on
// to another clause.
inline constexpr size_t kMaxReach = 40;
// Confidence is scaled by this when the subject is the article's main organisation by default.
inline constexpr double kDefaultSubjectFactor = 0.8;

bool Allows(const std::vector<EntityType>& types, EntityType t);
// Articles in the four languages, "'" of "l'" included.
bool IsArticle(const std::string& w);
// "de", "of", "von" and their kin.
bool IsOf(const std::string& w);
// Words that end the noun phrase after an organisation cue: a verb has started ("a annoncé", "has").
bool EndsNounPhrase(const ScanToken& t);

// The mention that starts (ends) at token k, or null.
const Mention* StartingAt(const std::vector<Mention>& mentions, size_t k);
const Mention* EndingAt(const std::vector<Mention>& mentions, size_t k);
// The name (MentionKind::kName) that starts (ends) at token k, or null; for rules that retype it.
Mention* NameStartingAt(std::vector<Mention>* mentions, size_t k);
Mention* NameEndingAt(std::vector<Mention>* mentions, size_t k);
// The nearest mention of one of `types` ending at or before token b (within kMaxReach), or starting at or
// after token e (within `reach`), whose name is not `exclude`; null when none.
const Mention* NearestLeft(const std::vector<Mention>& mentions, size_t b, const std::vector<EntityType>& types,
                           const std::string& exclude = "");
const Mention* NearestRight(const std::vector<Mention>& mentions, size_t e, const std::vector<EntityType>& types,
                            const std::string& exclude = "", size_t reach = kMaxReach);

// The article's main organisation as a mention with no tokens ("la société", or a subject by default).
Mention MainOrg(const DocumentContext& ctx);

}  // namespace kg::extract

#endif  // KG_EXTRACT_MENTION_SEARCH_H_
