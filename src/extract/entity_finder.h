// Finds the entities a sentence mentions: names (capitalised word runs, typed by gazetteers and cues),
// country and city adjectives ("espagnol", "Indian", "parisien", "outre-Rhin"), and references to what the
// article named before ("la société" -> its main organisation, "l'homme d'affaires" -> the last business
// person, "le pays" -> the last country).
//
// A run of capitalised words is a country when ICU's locale data names it in any language, a city or
// region when schemas/lexicons/places.json lists it, an organisation when it is a known organisation or
// holds an organisation cue ("Banque", "Capital", "SA"), a place when a preposition introduces it ("à
// Sines"), and otherwise an organisation that a title rule may later retype as a person. A single
// capitalised word at the start of a sentence counts only when the article uses it as a name elsewhere.
// Stateless functions; the DocumentContext they update belongs to the caller.
#ifndef KG_EXTRACT_ENTITY_FINDER_H_
#define KG_EXTRACT_ENTITY_FINDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/document_context.h"
#include "extract/lexicon.h"
#include "extract/token_scanner.h"
#include "kg/model.h"

namespace kg::extract {

enum class MentionKind {
  kName,            // a capitalised name as written
  kAdjective,       // "espagnol", "Indian", "parisien": the country or city it derives from
  kOrgReference,    // "la société", "the company": the article's main organisation
  kPersonReference, // "l'homme d'affaires", "ce dernier"
  kCountryReference // "le pays", "the country"
};

struct Mention {
  size_t begin = 0;  // first token
  size_t end = 0;    // one past the last token
  EntityType type = EntityType::kOrganization;
  std::string name;  // canonical name
  MentionKind kind = MentionKind::kName;
  // Typed by a gazetteer, a lexicon or a cue; only an unsure name (an organisation by default) may be
  // retyped by a title or a place rule.
  bool firm = false;
  std::string iso;  // the country's ISO code, for countries and for places whose country is known
};

// True when `token` is a word whose first letter is upper case; `text` is what the token indexes.
bool IsCapitalised(const ScanToken& token, std::string_view text);

// Records in ctx->seen_inside_sentences the capitalised runs of one sentence that do not start it: a
// first pass over the article, so that "Renault espère…" counts "Renault" as a name.
void NoteNames(const std::vector<ScanToken>& tokens, std::string_view text, const Lexicon& lexicon,
               DocumentContext* ctx);

// The mentions of one sentence in token order, not overlapping. `text` is the sentence, which `tokens`
// index; tokens with `blocked[i]` set (role titles such as "Premier ministre") are never part of a name.
// Sets ctx->main_org at the article's first organisation and ctx->last_country as countries appear, and
// registers organisation names (see DocumentContext::names).
std::vector<Mention> FindMentions(const std::vector<ScanToken>& tokens, std::string_view text,
                                  const std::vector<bool>& blocked, const Lexicon& lexicon, DocumentContext* ctx);

// Registers `name` of type `type` under its full normalised form and its short form (an organisation's
// first word, a person's last word), unless another entity holds the key already.
// `firm` is false for a name typed only by default (see KnownName).
void RegisterName(EntityType type, const std::string& name, DocumentContext* ctx, bool firm = true);

}  // namespace kg::extract

#endif  // KG_EXTRACT_ENTITY_FINDER_H_
