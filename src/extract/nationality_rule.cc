#include "extract/nationality_rule.h"

#include "extract/mention_search.h"
#include "extract/name_shapes.h"

namespace kg::extract {
namespace {

// How many lower-case words a noun phrase may hold between the adjective and the name ("le fabricant
// suédois de pompes et de vannes industrielles X" has six).
constexpr size_t kMaxModifiers = 7;
// After the head noun, only a determiner or two may come before the name ("company the Litware Group").
constexpr size_t kMaxAfterNoun = 2;
// Confidence of a binding by apposition or by the article's topic, which read more into the text.
constexpr double kDirectConfidence = 0.75;
constexpr double kReferenceConfidence = 0.55;

bool IsDeterminer(const std::string& w) {
  static const char* const kWords[] = {"le", "la", "l", "les", "un", "une", "the", "a", "an", "el", "los", "las",
                                       "una", "der", "die", "das", "des", "den", "dem", "ein", "eine", "einen",
                                       "einem", "eines", "du", "de", "del", "al", "au", "aux"};
  for (const char* d : kWords) {
    if (w == d) return true;
  }
  return false;
}

bool IsDefinite(const std::string& w) {
  static const char* const kWords[] = {"le", "la", "l", "the", "el", "der", "die", "das", "des", "den", "dem", "du"};
  for (const char* d : kWords) {
    if (w == d) return true;
  }
  return false;
}

// Words that end a noun phrase because a verb or a clause has started.
bool IsClauseWord(const std::string& w) {
  static const char* const kWords[] = {"a", "ont", "est", "sont", "va", "vont", "sera", "has", "have", "had", "is",
                                       "was", "were", "will", "would", "said", "says", "qui", "que", "which", "who",
                                       "that", "hat", "ist", "wird", "will", "soll", "ha", "es", "fue", "será",
                                       "que", "ou", "or", "oder", "pour", "for",
                                       "für", "para", "avec", "with", "mit", "con", "dans", "in", "im", "en",
                                       "on", "sur", "to", "à", "au", "aux", "par", "by", "von", "por", "from",
                                       "depuis", "seit", "desde", "since", "after", "après", "nach", "tras"};
  for (const char* d : kWords) {
    if (w == d) return true;
  }
  return false;
}

// The organisation named just before token k, or null.
Mention* OrgEndingAt(std::vector<Mention>* mentions, size_t k) {
  Mention* m = NameEndingAt(mentions, k);
  return m != nullptr && m->type == EntityType::kOrganization ? m : nullptr;
}

bool IsNumberWord(const std::string& w) {
  static const char* const kWords[] = {"un", "deux", "trois", "quatre", "cinq", "one", "two", "three", "four",
                                       "five", "uno", "dos", "tres", "cuatro", "eins", "zwei", "drei", "vier"};
  for (const char* n : kWords) {
    if (w == n) return true;
  }
  return false;
}

// Where the phrase before the adjective starts: its head noun ("groupe" in "le groupe français", "up" of
// "start-up") and its determiners. Sets `noun` when a head noun stands there.
size_t PhraseStart(const std::vector<ScanToken>& tokens, size_t adjective, const Lexicon& lexicon, bool* noun) {
  size_t b = adjective;
  // "le numéro trois polonais": a rank between the noun and the adjective.
  if (b > 1 && IsNumberWord(tokens[b - 1].lower) && IsOrgHeadNoun(tokens[b - 2], lexicon)) --b;
  // "le géant pharmaceutique bâlois", "el grupo energético español": a sector adjective between them.
  if (b > 1 && tokens[b - 1].kind == ScanKind::kWord && !IsOrgHeadNoun(tokens[b - 1], lexicon) &&
      !IsClauseWord(tokens[b - 1].lower) && !IsDeterminer(tokens[b - 1].lower) && IsOrgHeadNoun(tokens[b - 2], lexicon) &&
      b > 2 && IsDeterminer(tokens[b - 3].lower)) {
    --b;
  }
  if (b > 0 && IsOrgHeadNoun(tokens[b - 1], lexicon)) {
    *noun = true;
    --b;
    if (tokens[b].lower == "up" && b >= 2 && tokens[b - 1].lower == "-") b -= 2;  // "start-up"
  }
  // "la poderosa alemana X": an adjective between the determiner and the nationality used as a noun.
  if (!*noun && b > 1 && tokens[b - 1].kind == ScanKind::kWord && !IsClauseWord(tokens[b - 1].lower) &&
      !IsDeterminer(tokens[b - 1].lower) && IsDeterminer(tokens[b - 2].lower)) {
    --b;
  }
  // The determiners before: "le", "the", "l'" ("the giant German automaker" has its noun "giant" first).
  while (b > 0 && (IsDeterminer(tokens[b - 1].lower) || tokens[b - 1].lower == "'")) --b;
  return b;
}

// The organisation named right before the comma at tokens[comma], skipping an aside in parentheses
// ("Contoso (CTS), the big German carmaker").
Mention* OrgBeforeComma(const std::vector<ScanToken>& tokens, std::vector<Mention>* mentions, size_t comma) {
  size_t end = comma;
  if (end > 0 && tokens[end - 1].lower == ")") {
    size_t open = end - 1;
    while (open > 0 && end - open < 8 && tokens[open].lower != "(") --open;
    if (tokens[open].lower == "(") end = open;
  }
  return OrgEndingAt(mentions, end);
}

struct Binding {
  Mention* org = nullptr;  // the organisation the phrase names, or null for the article's topic
  double confidence = 0;
};

// The organisation named right after the phrase that starts with the adjective at `adjective`:
// "[français] Safran", "[allemand de la santé] Boehringer", "[Chinese smartphone maker] Xiaomi".
Mention* NameAfter(const std::vector<ScanToken>& tokens, std::vector<Mention>* mentions, size_t from,
                   bool noun_before, const Lexicon& lexicon, bool* noun_after) {
  size_t modifiers = 0, after_noun = 0;
  for (size_t k = from; k < tokens.size(); ++k) {
    if (Mention* m = NameStartingAt(mentions, k)) {
      if (m->type != EntityType::kOrganization) return nullptr;
      // French and Spanish put the noun first; English and German need one between adjective and name,
      // unless the adjective itself is the noun ("le britannique X").
      if (!noun_before && !*noun_after && k != from) return nullptr;
      return m;
    }
    const ScanToken& t = tokens[k];
    if (t.lower == "," && k + 1 < tokens.size() && (noun_before || *noun_after)) continue;
    if (t.kind != ScanKind::kWord) {
      if (t.lower == "-" || t.lower == "'") continue;
      return nullptr;
    }
    if (IsOrgHeadNoun(t, lexicon)) {
      *noun_after = true;
      after_noun = 0;
      continue;
    }
    if (IsClauseWord(t.lower) && !(t.lower == "de" || t.lower == "of")) return nullptr;
    // After the noun only a determiner may stand before the name: "company the Litware Group", not "maker
    // opened an R&D campus".
    if (*noun_after && (!IsDeterminer(t.lower) || ++after_noun > kMaxAfterNoun)) return nullptr;
    if (++modifiers > kMaxModifiers) return nullptr;
  }
  return nullptr;
}

Binding Bind(const std::vector<ScanToken>& tokens, std::vector<Mention>* mentions, const Mention& adjective,
             const Lexicon& lexicon, const DocumentContext& ctx) {
  bool noun_before = false, noun_after = false;
  const size_t start = PhraseStart(tokens, adjective.begin, lexicon, &noun_before);
  const bool determiner = start < adjective.begin && !noun_before;
  Mention* name = NameAfter(tokens, mentions, adjective.end, noun_before || determiner, lexicon, &noun_after);
  if (name != nullptr) {
    if (!noun_before && !noun_after && !(determiner && name->begin == adjective.end)) return {};
    return {name, kDirectConfidence};
  }
  if (!noun_before && !noun_after) return {};
  // "Litware, the Finnish robotics maker, opened…": the name the apposition describes.
  if (start >= 2 && tokens[start - 1].lower == ",") {
    if (Mention* head = OrgBeforeComma(tokens, mentions, start - 1)) return {head, kDirectConfidence};
  }
  // "le groupe français a indiqué", "das deutsche Unternehmen": the organisation the article is about.
  const bool definite = start < adjective.begin && IsDefinite(tokens[start].lower);
  if (definite && !ctx.main_org.empty()) return {nullptr, kReferenceConfidence};
  return {};
}

// "Newmont, de EE. UU., invertirá", "Contoso, from Germany,": an organisation's country in an
// apposition; "Norway's Fabrikam Fund": a country's possessive on an organisation.
void AddCountryOfOrigin(const SentenceView& s, std::vector<Mention>* mentions, const PredicateRule& rule,
                        std::vector<Candidate>* out) {
  const auto& tokens = *s.tokens;
  const size_t n = tokens.size();
  for (const Mention& country : *mentions) {
    if (country.kind != MentionKind::kName || country.type != EntityType::kCountry) continue;
    Mention* org = nullptr;
    const char* how = nullptr;
    const size_t b = country.begin;
    const std::string before = b > 0 ? tokens[b - 1].lower : "";
    const bool closed = country.end >= n || tokens[country.end].lower == "," || tokens[country.end].lower == ")" ||
                        tokens[country.end].lower == ".";
    if (b >= 3 && closed && (before == "de" || before == "from" || before == "aus") && tokens[b - 2].lower == ",") {
      org = OrgEndingAt(mentions, b - 2);
      how = "nationality-origin";
    } else if (country.end + 2 < n && tokens[country.end].lower == "'" && tokens[country.end + 1].lower == "s") {
      org = NameStartingAt(mentions, country.end + 2);
      if (org != nullptr && (org->type != EntityType::kOrganization || !org->firm)) org = nullptr;
      how = "nationality-possessive";
    }
    if (org == nullptr || org->name == country.name) continue;
    Candidate c;
    c.subject = org->name;
    c.subject_type = EntityType::kOrganization;
    c.subject_tokens = RangeOf(*org);
    c.predicate = rule.name;
    c.object = country.name;
    c.object_type = EntityType::kCountry;
    c.confidence = kDirectConfidence;
    c.anchor = country.begin;
    c.object_end = country.end;
    c.object_tokens = RangeOf(country);
    c.rule = how;
    c.trigger = before;
    out->push_back(std::move(c));
  }
}

}  // namespace

bool IsOrgHeadNoun(const ScanToken& token, const Lexicon& lexicon) {
  if (token.kind != ScanKind::kWord) return false;
  if (lexicon.org_cue_nouns.count(token.lower)) return true;
  // German compounds, in any case: "Chemiekonzern", "des Lebensversicherers".
  return HasEndingInAnyCase(token.lower, lexicon.org_cue_noun_endings, 3);
}

void ApplyNationalityRule(const SentenceView& s, std::vector<Mention>* mentions, const Lexicon& lexicon,
                          const DocumentContext& ctx, std::vector<Candidate>* out) {
  const int hq = lexicon.PredicateIndex("headquartered_in");
  if (hq < 0) return;
  const PredicateRule& rule = lexicon.predicates[static_cast<size_t>(hq)];
  const auto& tokens = *s.tokens;
  std::vector<Mention> adjectives;
  for (const Mention& m : *mentions) {
    // Country adjectives, and region ones ("la pétrolière albertaine X"); city adjectives have a rule of
    // their own (relation_rules.h).
    if (m.type != EntityType::kCountry && !(m.type == EntityType::kRegion && m.kind == MentionKind::kAdjective)) continue;
    if (m.kind == MentionKind::kAdjective) {
      adjectives.push_back(m);
    } else if (m.kind == MentionKind::kName && m.end < tokens.size() && tokens[m.end].kind == ScanKind::kWord &&
               WrittenInCapitals(tokens[m.begin], s.text) && !IsCapitalised(tokens[m.end], s.text)) {
      // "US pharma firm X", "the U.K. supermarket group": an abbreviated country used as an adjective.
      Mention as_adjective = m;
      as_adjective.kind = MentionKind::kAdjective;
      adjectives.push_back(as_adjective);
    } else if (m.kind == MentionKind::kName && m.end + 1 < tokens.size() && tokens[m.end].lower == "-" &&
               !tokens[m.end].space_before && IsOrgHeadNoun(tokens[m.end + 1], lexicon)) {
      // "der US-Konzern X": the country as the first part of a compound noun.
      Mention prefix = m;
      prefix.kind = MentionKind::kAdjective;
      adjectives.push_back(prefix);
    }
  }
  AddCountryOfOrigin(s, mentions, rule, out);
  for (const Mention& adjective : adjectives) {
    const Binding b = Bind(tokens, mentions, adjective, lexicon, ctx);
    if (b.confidence == 0) continue;
    Candidate c;
    if (b.org != nullptr) {
      b.org->firm = true;
      c.subject = b.org->name;
      c.subject_tokens = RangeOf(*b.org);
    } else {
      c.subject = ctx.main_org;
    }
    c.subject_type = EntityType::kOrganization;
    c.predicate = rule.name;
    c.object = adjective.name;
    c.object_type = adjective.type;
    c.confidence = b.confidence;
    c.anchor = adjective.begin;
    c.object_end = adjective.end;
    c.object_tokens = RangeOf(adjective);
    c.rule = b.org != nullptr ? "nationality" : "nationality-reference";
    c.trigger = std::string(s.text.substr(tokens[adjective.begin].span.begin,
                                          tokens[adjective.end - 1].span.end - tokens[adjective.begin].span.begin));
    out->push_back(std::move(c));
  }
}

}  // namespace kg::extract
