// The trigger rules that turn one sentence's mentions into candidate facts, and the Candidate they and the
// other rules (title_rules.h, nationality_rule.h, place_rules.h) propose.
//
// Trigger phrases (schemas/lexicons/<language>/triggers.json) give the other predicates: the
// subject is the nearest fitting mention before the trigger (else the article's main organisation), the
// object the nearest after it, with modes for the phrasings that reverse or pair them. Meetings link the
// people on either side of the trigger. A few cue rules need no trigger: a listed city and its country
// named in one sentence (located_in) and a city adjective on an organisation ("la start-up bordelaise
// Ondelia", headquartered_in). Stateless functions over data the caller owns.
#ifndef KG_EXTRACT_RELATION_RULES_H_
#define KG_EXTRACT_RELATION_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document_context.h"
#include "extract/entity_finder.h"
#include "extract/lexicon.h"
#include "extract/token_scanner.h"
#include "kg/model.h"

namespace kg::extract {

// One sentence as the rules see it: its text and the ScanTokens that index it (owned by the caller).
struct SentenceView {
  std::string_view text;
  const std::vector<ScanToken>* tokens = nullptr;
  bool has_money = false;  // the sentence states an amount of money
};

// Tokens [begin, end) of the sentence; empty (begin == end) when the argument comes from the article's
// context rather than from words of this sentence.
struct TokenRange {
  size_t begin = 0;
  size_t end = 0;
};

struct Candidate {
  std::string subject;
  EntityType subject_type = EntityType::kOrganization;
  std::string predicate;
  std::string object;
  EntityType object_type = EntityType::kOrganization;
  double confidence = 0.5;
  size_t anchor = 0;      // the token the fact hangs on (its trigger), for picking the nearest amount
  size_t object_end = 0;  // one past the object's last token (the anchor's when the object is not in the text)
  bool takes_amount = false;
  bool is_event = false;
  std::string rule;     // which rule proposed it ("title", "trigger", "nationality", ...), for --explain
  std::string trigger;  // the words that fired it, as written
  TokenRange subject_tokens;
  TokenRange object_tokens;
  std::string rejected;  // why the rule proposed it but does not assert it ("former role"); "" when asserted
};

// The tokens a mention covers, or an empty range for a name taken from the article's context.
TokenRange RangeOf(const Mention& m);

// Facts from trigger phrases and cue rules.
std::vector<Candidate> ApplyTriggerRules(const SentenceView& sentence, std::vector<Mention>* mentions,
                                         const Lexicon& lexicon, const DocumentContext& ctx);

}  // namespace kg::extract

#endif  // KG_EXTRACT_RELATION_RULES_H_
