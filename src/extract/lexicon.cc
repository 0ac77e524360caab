#include "extract/lexicon.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

#include "schema/embedded_schemas.h"
#include "text/country_gazetteer.h"
#include "text/name_normalizer.h"
#include "text/place_gazetteer.h"

namespace kg::extract {
namespace {

using nlohmann::json;

constexpr const char* kLanguages[] = {"fr", "en", "es", "de"};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> GermanAdjectiveForms(const std::string& base) {
  return {base, base + "e", base + "en", base + "er", base + "es"};
}

std::string Lower(std::string_view s) {
  auto tokens = ScanTokens(s);
  std::string out;
  if (!tokens.ok()) return out;
  for (const ScanToken& t : *tokens) {
    if (!out.empty()) out += ' ';
    out += t.lower;
  }
  return out;
}

Result<std::vector<EntityType>> Types(const json& list, const std::string& where) {
  std::vector<EntityType> types;
  if (!list.is_array()) return InvalidArgument(where + ": expected an array of entity types");
  for (const json& t : list) {
    auto type = t.is_string() ? ParseEntityType(t.get<std::string>()) : std::nullopt;
    if (!type) return InvalidArgument(where + ": unknown entity type " + t.dump());
    types.push_back(*type);
  }
  return types;
}

// The documents by path, parsed; "predicate_rules.json" first among them is read before the others need it.
using Documents = std::map<std::string, json>;

const json* Find(const Documents& docs, const std::string& path) {
  auto it = docs.find(path);
  return it == docs.end() ? nullptr : &it->second;
}

Status ParsePredicates(const json& doc, Lexicon* lex) {
  const json& predicates = doc.at("predicates");
  for (auto it = predicates.begin(); it != predicates.end(); ++it) {
    const std::string where = "predicate_rules.json: predicates." + it.key();
    const json& p = it.value();
    PredicateRule rule;
    rule.name = it.key();
    auto subject = Types(p.at("subject"), where + ".subject");
    if (!subject.ok()) return subject.status();
    auto object = Types(p.at("object"), where + ".object");
    if (!object.ok()) return object.status();
    rule.subject_types = *subject;
    rule.object_types = *object;
    rule.takes_amount = p.value("amount", false);
    rule.is_event = p.value("event", false);
    rule.prefer_by_type = p.value("prefer", false);
    rule.multiple_objects = p.value("multiple_objects", false);
    rule.is_role = p.value("role", false);
    rule.reach = p.value("reach", rule.reach);
    lex->predicates.push_back(rule);
  }
  return Status::Ok();
}

Result<TriggerMode> ParseMode(const std::string& mode, const std::string& where) {
  if (mode == "svo") return TriggerMode::kSvo;
  if (mode == "object_first") return TriggerMode::kObjectFirst;
  if (mode == "object_before") return TriggerMode::kObjectBefore;
  if (mode == "pair") return TriggerMode::kPair;
  if (mode == "reverse") return TriggerMode::kReverse;
  return InvalidArgument(where + ": unknown mode \"" + mode + "\"");
}

// Every key of `<lang>/<kind>.json`'s "predicates" must name a predicate of the right kind ("person_only"
// is the one key of titles that is not a predicate).
Status CheckPredicateKeys(const Documents& docs, const Lexicon& lex, const char* kind) {
  const bool titles = std::string(kind) == "titles";
  for (const char* lang : kLanguages) {
    const std::string path = std::string(lang) + "/" + kind + ".json";
    const json* doc = Find(docs, path);
    if (doc == nullptr) continue;
    for (auto it = doc->at("predicates").begin(); it != doc->at("predicates").end(); ++it) {
      if (titles && it.key() == "person_only") continue;
      const int index = lex.PredicateIndex(it.key());
      if (index < 0) return InvalidArgument(path + ": predicates." + it.key() + ": not a predicate of predicate_rules.json");
      if (lex.predicates[index].is_role != titles) {
        return InvalidArgument(path + ": predicates." + it.key() + (titles ? ": not a role predicate" : ": a role predicate takes titles, not triggers"));
      }
    }
  }
  return Status::Ok();
}

// Triggers and titles are added predicate by predicate, each in every language, so that a phrase listed
// twice resolves the same way in the per-language tables and in the table of every language.
Status AddTriggersAndTitles(const Documents& docs, Lexicon* lex) {
  KG_RETURN_IF_ERROR(CheckPredicateKeys(docs, *lex, "triggers"));
  KG_RETURN_IF_ERROR(CheckPredicateKeys(docs, *lex, "titles"));
  for (size_t index = 0; index < lex->predicates.size(); ++index) {
    const PredicateRule& rule = lex->predicates[index];
    const char* kind = rule.is_role ? "titles" : "triggers";
    for (const char* lang : kLanguages) {
      const std::string path = std::string(lang) + "/" + kind + ".json";
      const json* doc = Find(docs, path);
      if (doc == nullptr || !doc->at("predicates").contains(rule.name)) continue;
      for (const json& entry : doc->at("predicates").at(rule.name)) {
        if (rule.is_role) {
          const std::string title = entry.get<std::string>();
          lex->titles[lang].Add(title, static_cast<int>(index));
          lex->titles[""].Add(title, static_cast<int>(index));
          continue;
        }
        Trigger trigger;
        trigger.predicate = static_cast<int>(index);
        std::string phrase;
        if (entry.is_string()) {
          phrase = entry.get<std::string>();
        } else {
          phrase = entry.at("phrase").get<std::string>();
          trigger.confidence = entry.value("confidence", trigger.confidence);
          auto mode = ParseMode(entry.value("mode", "svo"), path + ": predicates." + rule.name);
          if (!mode.ok()) return mode.status();
          trigger.mode = *mode;
        }
        const int t = static_cast<int>(lex->triggers.size());
        lex->triggers.push_back(trigger);
        lex->trigger_phrases[lang].Add(phrase, t);
        lex->trigger_phrases[""].Add(phrase, t);
      }
    }
  }
  // Titles that show a person but give no fact ("Ohio governor X", "porte-parole").
  for (const char* lang : kLanguages) {
    const json* doc = Find(docs, std::string(lang) + "/titles.json");
    if (doc == nullptr || !doc->at("predicates").contains("person_only")) continue;
    for (const json& title : doc->at("predicates").at("person_only")) {
      lex->titles[lang].Add(title.get<std::string>(), kPersonOnlyTitle);
      lex->titles[""].Add(title.get<std::string>(), kPersonOnlyTitle);
    }
  }
  return Status::Ok();
}

void AddAdjectives(const json& words, const std::string& lang, const Place& place, Lexicon* lex) {
  const int payload = static_cast<int>(lex->adjective_places.size());
  lex->adjective_places.push_back(place);
  for (const json& w : words) {
    const std::string word = w.get<std::string>();
    std::vector<std::string> forms{word};
    if (lang == "fr") forms = FrenchAdjectiveForms(word);
    if (lang == "de") forms = GermanAdjectiveForms(word);
    for (const std::string& form : forms) lex->adjectives.Add(form, payload);
  }
}

// Country by country (so that an adjective two countries share resolves as it always has), each
// language's adjectives, inflected by its rules, and its fixed phrases as written.
Status AddDemonyms(const Documents& docs, Lexicon* lex) {
  const auto& gazetteer = text::CountryGazetteer::Instance();
  std::map<std::string, std::vector<std::pair<std::string, const json*>>> by_code;  // code -> (inflection, words)
  for (const char* lang : kLanguages) {
    const std::string path = std::string(lang) + "/demonyms.json";
    const json* doc = Find(docs, path);
    if (doc == nullptr) continue;
    for (const char* list : {"countries", "fixed"}) {
      if (!doc->contains(list)) continue;
      for (auto it = doc->at(list).begin(); it != doc->at(list).end(); ++it) {
        if (!gazetteer.FindByCode(it.key())) {
          return InvalidArgument(path + ": " + list + "." + it.key() + ": unknown ISO 3166-1 code");
        }
        by_code[it.key()].emplace_back(std::string(list) == "fixed" ? "" : lang, &it.value());
      }
    }
  }
  for (const auto& [code, lists] : by_code) {
    auto country = gazetteer.FindByCode(code);
    const Place place{EntityType::kCountry, country->canonical_name, country->iso_code};
    for (const auto& [inflection, words] : lists) AddAdjectives(*words, inflection, place, lex);
  }
  return Status::Ok();
}

Status ParsePlaces(const json& doc, Lexicon* lex) {
  for (const char* list : {"cities", "regions"}) {
    const EntityType type = std::string(list) == "cities" ? EntityType::kCity : EntityType::kRegion;
    for (const json& entry : doc.at(list)) {
      const json& names = entry.at("names");
      if (!names.is_array() || names.empty()) {
        return InvalidArgument(std::string("places.json: ") + list + ": an entry has no names");
      }
      Place place{type, names[0].get<std::string>(), entry.value("country", "")};
      // The packaged gazetteer's canonical name (English where English has one: "Bavaria", not "Bavière").
      for (const json& n : names) {
        const auto* known = text::PlaceGazetteer::Instance().Find(text::NormalizeName(n.get<std::string>()));
        if (known == nullptr) continue;
        for (const text::GazetteerPlace& g : *known) {
          if (g.country_iso == place.iso && g.is_region == (type == EntityType::kRegion)) {
            place.name = g.name;
            break;
          }
        }
        if (place.name != names[0].get<std::string>()) break;
      }
      for (const json& n : names) {
        lex->places_by_name.emplace(text::NormalizeName(n.get<std::string>()), place);
      }
      if (entry.contains("adjectives")) AddAdjectives(entry.at("adjectives"), "fr", place, lex);
      if (entry.contains("adjectives_en")) {
        Place english = place;
        english.name = entry.value("name_en", place.name);
        AddAdjectives(entry.at("adjectives_en"), "en", english, lex);
      }
    }
  }
  return Status::Ok();
}

void AddWords(const json& list, bool normalize, std::unordered_set<std::string>* out) {
  for (const json& w : list) {
    const std::string word = w.get<std::string>();
    out->insert(normalize ? text::NormalizeName(word) : Lower(word));
  }
}

void AddEndings(const json& list, std::vector<std::string>* out) {
  for (const json& w : list) out->push_back(Lower(w.get<std::string>()));
}

Status AddCountryAbbreviations(const json& map, const std::string& path, Lexicon* lex) {
  const auto& gazetteer = text::CountryGazetteer::Instance();
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string code = it.value().get<std::string>();
    if (!gazetteer.FindByCode(code)) {
      return InvalidArgument(path + ": country_abbreviations." + it.key() + ": unknown ISO 3166-1 code " + code);
    }
    lex->country_abbreviations.emplace(it.key(), code);
  }
  return Status::Ok();
}

Status AddPersonAnaphors(const json& list, const std::string& path, Lexicon* lex) {
  for (const json& p : list) {
    const std::string refers = p.at("refers_to").get<std::string>();
    if (refers != "business" && refers != "last") {
      return InvalidArgument(path + ": person_anaphors: refers_to must be \"business\" or \"last\"");
    }
    lex->person_anaphors.Add(p.at("phrase").get<std::string>(),
                             static_cast<int>(refers == "business" ? PersonAnaphor::kBusiness : PersonAnaphor::kLast));
  }
  return Status::Ok();
}

void AddPhrases(const json& list, PhraseTable* table) {
  for (const json& p : list) table->Add(p.get<std::string>(), 0);
}

// names.json (every language: lang is "") or <lang>/names.json. Every key is optional; an unknown one is
// an error, so that a misspelt key is not silently ignored.
Status ParseNames(const json& doc, const std::string& lang, const std::string& path, Lexicon* lex) {
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    const json& v = it.value();
    if (key == "description") continue;
    if (key == "function_words") AddWords(v, false, &lex->function_words);
    else if (key == "not_names") AddWords(v, true, &lex->not_names);
    else if (key == "org_suffixes") AddWords(v, true, &lex->org_suffixes);
    else if (key == "org_cue_words") AddWords(v, true, &lex->org_cue_words);
    else if (key == "known_organizations") AddWords(v, true, &lex->known_organizations);
    else if (key == "org_cue_nouns") AddWords(v, false, &lex->org_cue_nouns);
    else if (key == "org_cue_noun_endings") AddEndings(v, &lex->org_cue_noun_endings);
    else if (key == "possessives") AddWords(v, false, &lex->possessives);
    else if (key == "honorifics") AddWords(v, false, &lex->honorifics);
    else if (key == "name_breakers") AddWords(v, false, &lex->name_breakers);
    else if (key == "former_markers") AddWords(v, false, &lex->former_markers);
    else if (key == "hedge_words") AddWords(v, false, &lex->hedge_words);
    else if (key == "ticker_exchanges") AddWords(v, false, &lex->ticker_exchanges);
    else if (key == "common_nouns" && lang == "de") AddWords(v, false, &lex->german_common_nouns);
    else if (key == "noun_endings" && lang == "de") AddEndings(v, &lex->german_noun_endings);
    else if (key == "verbs_after_names" && !lang.empty()) AddWords(v, false, &lex->verbs_after_names[lang]);
    else if (key == "country_abbreviations") KG_RETURN_IF_ERROR(AddCountryAbbreviations(v, path, lex));
    else if (key == "person_anaphors") KG_RETURN_IF_ERROR(AddPersonAnaphors(v, path, lex));
    else if (key == "org_anaphors") AddPhrases(v, &lex->org_anaphors);
    else if (key == "country_anaphors") AddPhrases(v, &lex->country_anaphors);
    else if (key == "place_prepositions") AddPhrases(v, &lex->place_prepositions);
    else if (key == "object_blockers") AddPhrases(v, &lex->object_blockers);
    else return InvalidArgument(path + ": unknown key \"" + key + "\"");
  }
  return Status::Ok();
}

bool IsLanguage(std::string_view s) {
  for (const char* lang : kLanguages) {
    if (s == lang) return true;
  }
  return false;
}

// "fr/names.json" -> {"fr", "names"}; "names.json" -> {"", "names"}.
std::pair<std::string, std::string> LanguageAndKind(const std::string& path) {
  const size_t slash = path.find('/');
  const std::string lang = slash == std::string::npos ? "" : path.substr(0, slash);
  std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  if (EndsWith(file, ".json")) file.resize(file.size() - 5);
  return {lang, file};
}

}  // namespace

std::vector<std::string> FrenchAdjectiveForms(const std::string& w) {
  if (w.find(' ') != std::string::npos || w.find('\'') != std::string::npos) return {w};
  if (EndsWith(w, "ien") || EndsWith(w, "éen")) return {w, w + "ne", w + "s", w + "nes"};
  if (EndsWith(w, "e")) return {w, w + "s"};
  if (EndsWith(w, "s") || EndsWith(w, "x")) return {w, w + "e", w + "es"};
  if (EndsWith(w, "c")) return {w, w + "s"};
  return {w, w + "e", w + "s", w + "es"};
}

int Lexicon::PredicateIndex(std::string_view name) const {
  for (size_t i = 0; i < predicates.size(); ++i) {
    if (predicates[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<Lexicon> Lexicon::Parse(const std::vector<LexiconFile>& files) {
  Documents docs;
  for (const LexiconFile& file : files) {
    const auto [lang, kind] = LanguageAndKind(file.path);
    const bool shared = lang.empty() && (kind == "predicate_rules" || kind == "places" || kind == "names");
    const bool per_language =
        IsLanguage(lang) && (kind == "triggers" || kind == "titles" || kind == "demonyms" || kind == "names");
    if (!shared && !per_language) {
      return InvalidArgument(file.path + ": not a lexicon file (see schemas/lexicons/README.md for the layout)");
    }
    try {
      docs[file.path] = json::parse(file.text);
    } catch (const json::exception& e) {
      return InvalidArgument(file.path + ": " + e.what());
    }
  }
  if (Find(docs, "predicate_rules.json") == nullptr) return InvalidArgument("predicate_rules.json: missing");

  Lexicon lex;
  // nlohmann's exceptions (a missing key, a wrong type) become InvalidArgument naming the file.
  std::string current = "predicate_rules.json";
  try {
    KG_RETURN_IF_ERROR(ParsePredicates(docs.at(current), &lex));
    current = "the triggers and titles";
    KG_RETURN_IF_ERROR(AddTriggersAndTitles(docs, &lex));
    current = "the demonyms";
    KG_RETURN_IF_ERROR(AddDemonyms(docs, &lex));
    for (const auto& [path, doc] : docs) {
      current = path;
      const auto [lang, kind] = LanguageAndKind(path);
      if (kind == "places") KG_RETURN_IF_ERROR(ParsePlaces(doc, &lex));
      if (kind == "names") KG_RETURN_IF_ERROR(ParseNames(doc, lang, path, &lex));
    }
  } catch (const json::exception& e) {
    return InvalidArgument(current + ": " + e.what());
  }
  for (const char* lang : kLanguages) {
    lex.trigger_phrases[lang];
    lex.titles[lang];
  }
  return lex;
}

std::vector<LexiconFile> Lexicon::EmbeddedFiles() {
  std::vector<LexiconFile> files;
  for (int i = 0; i < schema::kLexiconFileCount; ++i) {
    files.push_back({schema::kLexiconFiles[i].path, schema::kLexiconFiles[i].text});
  }
  return files;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = [] {
    auto parsed = Parse(EmbeddedFiles());
    if (!parsed.ok()) {
      std::fprintf(stderr, "kg: embedded lexicon is malformed: %s\n", parsed.status().message().c_str());
      std::abort();
    }
    return new Lexicon(std::move(parsed).value());
  }();
  return *lexicon;
}

}  // namespace kg::extract
