// What the extractor remembers while it reads one article, so that later sentences can say "la société",
// "the company", "l'homme d'affaires" or "le pays": the article's main organisation, the last person,
// business person, organisation and country mentioned, and the names already introduced ("Kestrel" after
// "Kestrel Data", "Whitfield" after "Dana Whitfield").
//
// A plain value owned by one ExtractArticle call; not thread-safe.
#ifndef KG_EXTRACT_DOCUMENT_CONTEXT_H_
#define KG_EXTRACT_DOCUMENT_CONTEXT_H_

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kg/model.h"

namespace kg::extract {

struct KnownName {
  EntityType type = EntityType::kOrganization;
  std::string name;  // canonical, as first written in full
  bool firm = true;  // false for a name typed an organisation only by default, which a place cue may retype
};

struct DocumentContext {
  std::string language;     // "fr", "en", "es", "de" or ""
  std::string main_org;     // the first organisation the article names: what "la société" refers to
  std::string last_org;     // as of the end of the previous sentence
  std::string last_country;
  std::string last_person;
  std::string last_business_person;  // the last person given a company role (CEO, chairman, ...)

  // NormalizeName of a full name, and of the first word of an organisation's or the last word of a
  // person's multi-word name -> the entity. The first entity to claim a key keeps it.
  std::unordered_map<std::string, KnownName> names;
  // NormalizeName of capitalised word runs seen where capitals mean a name (not at a sentence start).
  std::unordered_set<std::string> seen_inside_sentences;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_DOCUMENT_CONTEXT_H_
