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

Status ParseTriggers(const json& doc, Lexicon* lex) {
  const json& predicates = doc.at("predicates");
  for (auto it = predicates.begin(); it != predicates.end(); ++it) {
    const std::string where = "triggers.json: predicates." + it.key();
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
    rule.is_role = p.contains("titles");
    rule.reach = p.value("reach", rule.reach);
    const int index = static_cast<int>(lex->predicates.size());
    lex->predicates.push_back(rule);

    const json& phrases = rule.is_role ? p.at("titles") : p.at("triggers");
    for (auto lang = phrases.begin(); lang != phrases.end(); ++lang) {
      for (const json& entry : lang.value()) {
        std::string phrase;
        Trigger trigger;
        trigger.predicate = index;
        if (entry.is_string()) {
          phrase = entry.get<std::string>();
        } else {
          phrase = entry.at("phrase").get<std::string>();
          trigger.confidence = entry.value("confidence", trigger.confidence);
          const std::string mode = entry.value("mode", "svo");
          if (mode == "object_first") {
            trigger.mode = TriggerMode::kObjectFirst;
          } else if (mode == "object_before") {
            trigger.mode = TriggerMode::kObjectBefore;
          } else if (mode == "pair") {
            trigger.mode = TriggerMode::kPair;
          } else if (mode == "reverse") {
            trigger.mode = TriggerMode::kReverse;
          } else if (mode != "svo") {
            return InvalidArgument(where + ": unknown mode \"" + mode + "\"");
          }
        }
        if (rule.is_role) {
          lex->titles[lang.key()].Add(phrase, index);
          lex->titles[""].Add(phrase, index);
        } else {
          const int t = static_cast<int>(lex->triggers.size());
          lex->triggers.push_back(trigger);
          lex->trigger_phrases[lang.key()].Add(phrase, t);
          lex->trigger_phrases[""].Add(phrase, t);
        }
      }
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

Status ParseDemonyms(const json& doc, Lexicon* lex) {
  const auto& gazetteer = text::CountryGazetteer::Instance();
  const json& countries = doc.at("countries");
  for (auto it = countries.begin(); it != countries.end(); ++it) {
    auto country = gazetteer.FindByCode(it.key());
    if (!country) return InvalidArgument("demonyms.json: countries." + it.key() + ": unknown ISO 3166-1 code");
    Place place{EntityType::kCountry, country->canonical_name, country->iso_code};
    for (auto lang = it.value().begin(); lang != it.value().end(); ++lang) {
      AddAdjectives(lang.value(), lang.key() == "fixed" ? "" : lang.key(), place, lex);
    }
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

Status ParseEntities(const json& doc, Lexicon* lex) {
  AddWords(doc.at("function_words"), false, &lex->function_words);
  AddWords(doc.at("not_names"), true, &lex->not_names);
  AddWords(doc.at("org_suffixes"), true, &lex->org_suffixes);
  AddWords(doc.at("org_cue_words"), true, &lex->org_cue_words);
  AddWords(doc.at("known_organizations"), true, &lex->known_organizations);
  AddWords(doc.at("org_cue_nouns"), false, &lex->org_cue_nouns);
  AddEndings(doc.at("org_cue_noun_endings"), &lex->org_cue_noun_endings);
  AddWords(doc.at("possessives"), false, &lex->possessives);
  AddWords(doc.at("honorifics"), false, &lex->honorifics);
  AddWords(doc.at("name_breakers"), false, &lex->name_breakers);
  AddWords(doc.at("former_markers"), false, &lex->former_markers);
  AddWords(doc.at("german_common_nouns"), false, &lex->german_common_nouns);
  AddEndings(doc.at("german_noun_endings"), &lex->german_noun_endings);
  AddWords(doc.at("hedge_words"), false, &lex->hedge_words);
  AddWords(doc.at("ticker_exchanges"), false, &lex->ticker_exchanges);
  for (auto lang = doc.at("verbs_after_names").begin(); lang != doc.at("verbs_after_names").end(); ++lang) {
    AddWords(lang.value(), false, &lex->verbs_after_names[lang.key()]);
  }
  const auto& gazetteer = text::CountryGazetteer::Instance();
  for (auto it = doc.at("country_abbreviations").begin(); it != doc.at("country_abbreviations").end(); ++it) {
    const std::string code = it.value().get<std::string>();
    if (!gazetteer.FindByCode(code)) {
      return InvalidArgument("entities.json: country_abbreviations." + it.key() + ": unknown ISO 3166-1 code " + code);
    }
    lex->country_abbreviations.emplace(it.key(), code);
  }
  for (auto lang = doc.at("org_anaphors").begin(); lang != doc.at("org_anaphors").end(); ++lang) {
    for (const json& p : lang.value()) lex->org_anaphors.Add(p.get<std::string>(), 0);
  }
  for (auto lang = doc.at("country_anaphors").begin(); lang != doc.at("country_anaphors").end(); ++lang) {
    for (const json& p : lang.value()) lex->country_anaphors.Add(p.get<std::string>(), 0);
  }
  for (auto lang = doc.at("person_anaphors").begin(); lang != doc.at("person_anaphors").end(); ++lang) {
    for (const json& p : lang.value()) {
      const std::string refers = p.at("refers_to").get<std::string>();
      if (refers != "business" && refers != "last") {
        return InvalidArgument("entities.json: person_anaphors: refers_to must be \"business\" or \"last\"");
      }
      lex->person_anaphors.Add(p.at("phrase").get<std::string>(),
                               static_cast<int>(refers == "business" ? PersonAnaphor::kBusiness : PersonAnaphor::kLast));
    }
  }
  // Titles that show a person but give no fact ("Ohio governor X", "porte-parole"): payload -1.
  for (auto lang = doc.at("person_titles").begin(); lang != doc.at("person_titles").end(); ++lang) {
    for (const json& p : lang.value()) {
      lex->titles[lang.key()].Add(p.get<std::string>(), kPersonOnlyTitle);
      lex->titles[""].Add(p.get<std::string>(), kPersonOnlyTitle);
    }
  }
  for (const json& p : doc.at("place_prepositions")) lex->place_prepositions.Add(p.get<std::string>(), 0);
  for (const json& p : doc.at("object_blockers")) lex->object_blockers.Add(p.get<std::string>(), 0);
  return Status::Ok();
}

// Runs `parse` on `text`, turning nlohmann's exceptions (a syntax error, a missing key, a wrong type)
// into InvalidArgument naming `file`.
template <typename F>
Status ParseDocument(std::string_view text, const char* file, F parse) {
  try {
    json doc = json::parse(text);
    return parse(doc);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string(file) + ": " + e.what());
  }
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

void PhraseTable::Add(std::string_view phrase, int payload) {
  auto tokens = ScanTokens(phrase);
  if (!tokens.ok() || tokens->empty()) return;
  Phrase p;
  p.payload = payload;
  for (const ScanToken& t : *tokens) p.words.push_back(t.lower);
  if (p.words.back() == "*" && p.words.size() >= 2) {
    p.words.pop_back();
    p.prefix_last = true;
  }
  ++size_;
  if (p.prefix_last && p.words.size() == 1) {
    stems_.push_back(std::move(p));
    return;
  }
  std::string first = p.words[0];
  by_first_word_[first].push_back(std::move(p));
}

size_t PhraseTable::MatchLength(const Phrase& phrase, const std::vector<ScanToken>& tokens, size_t i) {
  if (i + phrase.words.size() > tokens.size()) return 0;
  for (size_t k = 0; k < phrase.words.size(); ++k) {
    const std::string& have = tokens[i + k].lower;
    const std::string& want = phrase.words[k];
    const bool last = k + 1 == phrase.words.size();
    if (last && phrase.prefix_last) {
      if (have.compare(0, want.size(), want) != 0) return 0;
    } else if (have != want) {
      return 0;
    }
  }
  return phrase.words.size();
}

PhraseTable::Match PhraseTable::LongestAt(const std::vector<ScanToken>& tokens, size_t i) const {
  Match best;
  if (i >= tokens.size()) return best;
  auto it = by_first_word_.find(tokens[i].lower);
  if (it != by_first_word_.end()) {
    for (const Phrase& p : it->second) {
      size_t n = MatchLength(p, tokens, i);
      if (n > best.length) best = {n, p.payload};
    }
  }
  if (best.length == 0 && tokens[i].kind == ScanKind::kWord) {
    for (const Phrase& p : stems_) {
      if (MatchLength(p, tokens, i) == 1) return {1, p.payload};
    }
  }
  return best;
}

int Lexicon::PredicateIndex(std::string_view name) const {
  for (size_t i = 0; i < predicates.size(); ++i) {
    if (predicates[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<Lexicon> Lexicon::Parse(std::string_view triggers_json, std::string_view demonyms_json,
                               std::string_view places_json, std::string_view entities_json) {
  Lexicon lex;
  KG_RETURN_IF_ERROR(ParseDocument(triggers_json, "triggers.json", [&](const json& d) { return ParseTriggers(d, &lex); }));
  KG_RETURN_IF_ERROR(ParseDocument(demonyms_json, "demonyms.json", [&](const json& d) { return ParseDemonyms(d, &lex); }));
  KG_RETURN_IF_ERROR(ParseDocument(places_json, "places.json", [&](const json& d) { return ParsePlaces(d, &lex); }));
  KG_RETURN_IF_ERROR(ParseDocument(entities_json, "entities.json", [&](const json& d) { return ParseEntities(d, &lex); }));
  for (const char* lang : kLanguages) {
    lex.trigger_phrases[lang];
    lex.titles[lang];
  }
  return lex;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = [] {
    auto parsed = Parse(schema::kTriggersJson, schema::kDemonymsJson, schema::kPlacesJson, schema::kEntitiesJson);
    if (!parsed.ok()) {
      std::fprintf(stderr, "kg: embedded lexicon is malformed: %s\n", parsed.status().message().c_str());
      std::abort();
    }
    return new Lexicon(std::move(parsed).value());
  }();
  return *lexicon;
}

}  // namespace kg::extract
