#include "extract/mention_search.h"

#include <algorithm>

namespace kg::extract {

bool Allows(const std::vector<EntityType>& types, EntityType t) {
  return std::find(types.begin(), types.end(), t) != types.end();
}

bool IsArticle(const std::string& w) {
  return w == "le" || w == "la" || w == "les" || w == "l" || w == "'" || w == "the" || w == "a" || w == "an" ||
         w == "un" || w == "une" || w == "el" || w == "der" || w == "die";
}

bool IsOf(const std::string& w) {
  return w == "de" || w == "du" || w == "d" || w == "des" || w == "of" || w == "del" || w == "von" || w == "des";
}

// Words that end the noun phrase after an organisation cue: a verb has started ("a annoncé", "has").
bool EndsNounPhrase(const ScanToken& t) {
  static const char* const kStops[] = {"a", "ont", "est", "sont", "va", "has", "have", "is", "was", "will", "et", "and",
                                       "qui", "which", "who", ",", ";", ":", "."};
  for (const char* s : kStops) {
    if (t.lower == s) return true;
  }
  return false;
}

const Mention* StartingAt(const std::vector<Mention>& mentions, size_t k) {
  for (const Mention& m : mentions) {
    if (m.begin == k) return &m;
  }
  return nullptr;
}

const Mention* EndingAt(const std::vector<Mention>& mentions, size_t k) {
  for (const Mention& m : mentions) {
    if (m.end == k) return &m;
  }
  return nullptr;
}

const Mention* NearestLeft(const std::vector<Mention>& mentions, size_t b, const std::vector<EntityType>& types,
                           const std::string& exclude) {
  const Mention* best = nullptr;
  for (const Mention& m : mentions) {
    if (m.end <= b && b - m.end <= kMaxReach && Allows(types, m.type) && m.name != exclude) best = &m;
  }
  return best;
}

const Mention* NearestRight(const std::vector<Mention>& mentions, size_t e, const std::vector<EntityType>& types,
                            const std::string& exclude, size_t reach) {
  for (const Mention& m : mentions) {
    if (m.begin >= e && m.begin - e <= reach && Allows(types, m.type) && m.name != exclude) return &m;
  }
  return nullptr;
}

Mention* NameStartingAt(std::vector<Mention>* mentions, size_t k) {
  for (Mention& m : *mentions) {
    if (m.begin == k && m.kind == MentionKind::kName) return &m;
  }
  return nullptr;
}

Mention* NameEndingAt(std::vector<Mention>* mentions, size_t k) {
  for (Mention& m : *mentions) {
    if (m.end == k && m.kind == MentionKind::kName) return &m;
  }
  return nullptr;
}

Mention MainOrg(const DocumentContext& ctx) {
  Mention m;
  m.type = EntityType::kOrganization;
  m.name = ctx.main_org;
  m.kind = MentionKind::kOrgReference;
  m.firm = true;
  return m;
}

}  // namespace kg::extract
