// The extractor's word lists, read from schemas/lexicons/ (its README.md gives the layout): what each
// predicate accepts (predicate_rules.json), and per language (fr/, en/, es/, de/) its trigger phrases, role
// titles, country adjectives and the cue words that find and type names; cities and regions, and the name
// cues of every language, sit beside them.
//
// Lexicon::Default() parses the copies compiled into the library once, on first use; a Lexicon is
// immutable afterwards, so lookups are thread-safe.
#ifndef KG_EXTRACT_LEXICON_H_
#define KG_EXTRACT_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/phrase_table.h"
#include "extract/token_scanner.h"
#include "kg/model.h"
#include "kg/status.h"

namespace kg::extract {

enum class TriggerMode { kSvo, kObjectFirst, kObjectBefore, kPair, kReverse };

struct PredicateRule {
  std::string name;
  std::vector<EntityType> subject_types;
  std::vector<EntityType> object_types;  // nearest first unless `prefer_by_type`
  bool takes_amount = false;             // attach the sentence's amount of money
  bool is_event = false;                 // dated: the sentence's date, else the article's
  bool prefer_by_type = false;           // choose the object by the order of object_types, then nearness
  bool multiple_objects = false;         // every object of the chosen type after the trigger
  bool is_role = false;                  // matched through titles, not triggers
  size_t reach = 40;                     // how many words after the trigger the object may be
};

struct Trigger {
  int predicate = 0;  // index into Lexicon::predicates
  TriggerMode mode = TriggerMode::kSvo;
  double confidence = 0.7;
};

// A country, city or region a word points to.
struct Place {
  EntityType type = EntityType::kCountry;
  std::string name;  // canonical: the English country name, the gazetteer's first name for places
  std::string iso;   // ISO 3166-1 code of the country (the place's country for cities and regions)
};

enum class PersonAnaphor { kBusiness, kLast };

// The payload of a title that shows a person but gives no fact ("governor", "porte-parole", "Sprecher").
inline constexpr int kPersonOnlyTitle = -1;

// One lexicon document: its path under schemas/lexicons/ ("predicate_rules.json", "fr/triggers.json") and its
// text.
struct LexiconFile {
  std::string path;
  std::string_view text;
};

struct Lexicon {
  std::vector<PredicateRule> predicates;
  std::vector<Trigger> triggers;
  // Keyed by language ("fr", "en", "es", "de"); "" holds every language, for text of unknown language.
  std::map<std::string, PhraseTable> trigger_phrases;  // payload: index into triggers
  std::map<std::string, PhraseTable> titles;           // payload: index into predicates, or kPersonOnlyTitle

  PhraseTable adjectives;  // country, city and region adjectives; payload: index into adjective_places
  std::vector<Place> adjective_places;
  std::unordered_map<std::string, Place> places_by_name;  // NormalizeName(name) -> city or region

  PhraseTable org_anaphors;      // payload unused
  PhraseTable person_anaphors;   // payload: PersonAnaphor
  PhraseTable country_anaphors;  // payload unused
  PhraseTable place_prepositions;
  PhraseTable object_blockers;  // "en dehors de", "outside": what follows is not the object

  // Normalised (NormalizeName) unless said otherwise.
  std::unordered_set<std::string> function_words;  // lower case as written
  std::unordered_set<std::string> not_names;
  std::unordered_set<std::string> org_suffixes;
  std::unordered_set<std::string> org_cue_words;
  std::unordered_set<std::string> known_organizations;
  std::unordered_set<std::string> org_cue_nouns;  // lower case as written
  // Endings that make a German compound an organisation noun ("Chemiekonzern", "Autobauer").
  std::vector<std::string> org_cue_noun_endings;
  std::unordered_set<std::string> possessives;    // lower case as written
  std::unordered_set<std::string> honorifics;     // lower case as written
  std::unordered_set<std::string> former_markers;  // "ancien", "former", "bisherige": a role that ended
  // Words that make a deal talk, not a fact ("talks", "pourparlers", "Gespräche", "posible"): a sentence
  // holding one gives no acquires or partner_of.
  std::unordered_set<std::string> hedge_words;
  // German capitalises every noun: common nouns and noun endings ("-ung", "-schaft") tell them from names.
  std::unordered_set<std::string> german_common_nouns;
  std::vector<std::string> german_noun_endings;
  std::unordered_set<std::string> name_breakers;  // weekdays and months: never the end of a name
  std::unordered_set<std::string> ticker_exchanges;  // "nyse" in "(NYSE: XYZ)"
  // Words that follow a name at the start of a sentence when it is the sentence's subject ("X a
  // annoncé", "X is developing"), per language; none for text of unknown language.
  std::map<std::string, std::unordered_set<std::string>> verbs_after_names;
  // Abbreviations of countries, case-sensitive as written ("U.S.", "UK") -> ISO 3166-1 code.
  std::unordered_map<std::string, std::string> country_abbreviations;

  // The index of predicate `name`, or -1.
  int PredicateIndex(std::string_view name) const;

  // Parses the lexicon documents; predicate_rules.json is required, every other file adds to it.
  // InvalidArgument naming the file and the field for malformed JSON, an unknown file, key, predicate or
  // entity type, or a country code ICU does not know.
  static Result<Lexicon> Parse(const std::vector<LexiconFile>& files);

  // The documents of schemas/lexicons/ compiled into the library.
  static std::vector<LexiconFile> EmbeddedFiles();

  // The embedded lexicons, parsed on first use; a malformed embedded lexicon is a build defect and aborts
  // with a message.
  static const Lexicon& Default();
};

// The forms of a French adjective given in the masculine singular: "espagnol" -> espagnol, espagnole,
// espagnols, espagnoles; "parisien" -> parisien(ne)(s); "suisse" -> suisse(s); "français" -> français(e)(s).
std::vector<std::string> FrenchAdjectiveForms(const std::string& masculine);

}  // namespace kg::extract

#endif  // KG_EXTRACT_LEXICON_H_
