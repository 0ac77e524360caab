#include "extract/entity_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <string>

#include "extract/name_shapes.h"
#include "text/country_gazetteer.h"
#include "text/name_normalizer.h"
#include "text/place_gazetteer.h"

namespace kg::extract {
namespace {

// Longest name run, in tokens: longer capitalised stretches are headlines or lists, not one name.
constexpr size_t kMaxRunTokens = 10;
// How many lower-case words may separate "le groupe" from the name it introduces ("le fabricant danois de
// capteurs Vindmark"), which makes the phrase a cue rather than a reference.
constexpr size_t kCueGap = 4;

bool IsConnector(const std::string& lower) {
  return lower == "de" || lower == "du" || lower == "des" || lower == "von" || lower == "van" || lower == "der" ||
         lower == "of" || lower == "del" || lower == "da" || lower == "dos" || lower == "di" || lower == "le";
}

bool Blocked(const std::vector<bool>& blocked, size_t i) { return i < blocked.size() && blocked[i]; }

// True when tokens[i] starts a sentence or a quotation, where capitals do not mark names.
bool AtSentenceStart(const std::vector<ScanToken>& tokens, size_t i) {
  for (size_t k = i; k > 0; --k) {
    const ScanToken& prev = tokens[k - 1];
    if (prev.kind != ScanKind::kOther) return false;
    const std::string& p = prev.lower;
    if (p == "«" || p == "\"" || p == "“" || p == "(" || p == ":" || p == "—" || p == "–" || p == "-") return true;
  }
  return true;
}

// Lower-case words that join the parts of a hyphenated place name: "Bouches-du-Rhône", "Val-d'Oise",
// "Neuville-sur-Saône", "Stoke-on-Trent", "Frankfurt-am-Main".
bool IsHyphenConnector(const std::string& lower) {
  static const char* const kWords[] = {"de", "du", "des", "d", "l", "la", "le", "les", "sur", "sous", "en", "lès",
                                       "lez", "aux", "on", "upon", "am", "an", "im", "del", "y"};
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// How many tokens after tokens[j] (a "-") continue a hyphenated name with lower-case connectors up to
// the next capitalised part, all written without spaces; 0 when they do not.
size_t HyphenatedTail(const std::vector<ScanToken>& tokens, std::string_view text, size_t j) {
  size_t k = j;
  while (k + 1 < tokens.size() && k - j < 6) {
    const ScanToken& sep = tokens[k];
    const ScanToken& next = tokens[k + 1];
    if (sep.space_before || next.space_before || (sep.lower != "-" && sep.lower != "'")) return 0;
    if (IsCapitalised(next, text)) return k + 1 - j;
    if (next.kind != ScanKind::kWord || !IsHyphenConnector(next.lower)) return 0;
    k += 2;
  }
  return 0;
}

// One past the last token of the capitalised run starting at tokens[i].
size_t RunEnd(const std::vector<ScanToken>& tokens, std::string_view text, const std::vector<bool>& blocked,
              const Lexicon& lexicon, size_t i) {
  size_t last = i + 1;
  size_t j = i + 1;
  const size_t n = tokens.size();
  auto capital_at = [&](size_t k) {
    return k < n && !Blocked(blocked, k) && IsCapitalised(tokens[k], text) && !lexicon.name_breakers.count(tokens[k].lower);
  };
  while (j < n && j - i < kMaxRunTokens) {
    const ScanToken& t = tokens[j];
    if (capital_at(j)) {
      last = ++j;
      continue;
    }
    // "TF1", "M6" (also before a comma: "le PDG de TF1, …"): one or two digits written onto a name are
    // part of it; "R970" or "R7.7" is an amount.
    if (t.kind == ScanKind::kDigits && !t.space_before && t.lower.size() <= 2 &&
        !(j + 2 < n && (tokens[j + 1].lower == "." || tokens[j + 1].lower == ",") && !tokens[j + 1].space_before &&
          tokens[j + 2].kind == ScanKind::kDigits && !tokens[j + 2].space_before)) {
      last = ++j;
      continue;
    }
    // "O'Neill", "D'Arcy": an apostrophe between two capitalised parts.
    if (t.lower == "'" && !t.space_before && j + 1 < n && !tokens[j + 1].space_before && capital_at(j + 1)) {
      ++j;
      continue;
    }
    if (t.lower == "-" && !t.space_before) {
      if (size_t tail = HyphenatedTail(tokens, text, j); tail > 0 && capital_at(j + tail)) {
        j += tail;
        continue;
      }
    }
    // "Dr. Angela Merkel": an honorific's period stays inside the run; the honorific is dropped later.
    if (t.lower == "." && !t.space_before && last == j && lexicon.honorifics.count(tokens[j - 1].lower) &&
        capital_at(j + 1)) {
      ++j;
      continue;
    }
    // "Contoso.com": a domain name is one word.
    if (t.lower == "." && !t.space_before && j + 1 < n && !tokens[j + 1].space_before &&
        tokens[j + 1].kind == ScanKind::kWord && (tokens[j + 1].lower == "com" || tokens[j + 1].lower == "net" ||
                                                   tokens[j + 1].lower == "io" || tokens[j + 1].lower == "ai")) {
      j += 2;
      last = j;
      continue;
    }
    if (t.kind == ScanKind::kOther && (t.lower == "-" || t.lower == "&") && capital_at(j + 1) &&
        (t.lower == "&" || (!t.space_before && !tokens[j + 1].space_before))) {
      ++j;
      continue;
    }
    if (t.kind == ScanKind::kWord && IsConnector(t.lower) && capital_at(j + 1)) {
      ++j;
      continue;
    }
    if (t.kind == ScanKind::kWord && t.lower == "d" && j + 2 < n && tokens[j + 1].lower == "'" && capital_at(j + 2)) {
      j += 2;
      continue;
    }
    break;
  }
  return last;
}

std::string_view SpanText(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e) {
  return text.substr(tokens[b].span.begin, tokens[e - 1].span.end - tokens[b].span.begin);
}

// The Place `normalized` names as a country (ICU) or a listed city or region.
std::optional<Place> FindPlace(const std::string& normalized, const Lexicon& lexicon) {
  if (auto country = text::CountryGazetteer::Instance().FindByName(normalized)) {
    return Place{EntityType::kCountry, country->canonical_name, country->iso_code};
  }
  // German genitives: "Ungarns Premier", "Deutschlands größter Konzern".
  if (normalized.size() > 4 && normalized.back() == 's' && normalized.find(' ') == std::string::npos) {
    if (auto country = text::CountryGazetteer::Instance().FindByName(normalized.substr(0, normalized.size() - 1))) {
      return Place{EntityType::kCountry, country->canonical_name, country->iso_code};
    }
  }
  // The packaged gazetteer decides for the places it knows (FindGazetteerPlace); the hand list in
  // places.json only adds what it lacks.
  if (text::PlaceGazetteer::Instance().Find(normalized) != nullptr) return std::nullopt;
  auto it = lexicon.places_by_name.find(normalized);
  if (it != lexicon.places_by_name.end()) return it->second;
  return std::nullopt;
}

// The Place `normalized` names in the packaged gazetteer of regions and cities (the most populous of its
// namesakes), unless the lexicon knows it as an organisation ("Orange").
std::optional<Place> FindGazetteerPlace(const std::string& normalized, const Lexicon& lexicon) {
  if (lexicon.known_organizations.count(normalized)) return std::nullopt;
  const auto* places = text::PlaceGazetteer::Instance().Find(normalized);
  if (places == nullptr || places->empty()) return std::nullopt;
  // A place called so in its own right beats one that only answers to the name in translation: "Valence"
  // is the town in the Drôme before it is Valencia.
  const text::GazetteerPlace* chosen = &places->front();
  for (const text::GazetteerPlace& candidate : *places) {
    if (text::NormalizeName(candidate.name) == normalized) {
      chosen = &candidate;
      break;
    }
  }
  const text::GazetteerPlace& p = *chosen;
  return Place{p.is_region ? EntityType::kRegion : EntityType::kCity, p.name, p.country_iso};
}

bool HasOrgCue(const std::vector<ScanToken>& tokens, size_t b, size_t e, const Lexicon& lexicon) {
  for (size_t k = b; k < e; ++k) {
    if (tokens[k].kind != ScanKind::kWord) continue;
    const std::string n = text::NormalizeName(tokens[k].lower);
    if (lexicon.org_cue_words.count(n) || (k > b && lexicon.org_suffixes.count(n))) return true;
  }
  return false;
}

// Whether a place preposition ("à", "in", "près de") ends right before tokens[b]; sets `region` for "en"
// (French puts regions and feminine countries after "en", cities after "à").
bool AfterPlacePreposition(const std::vector<ScanToken>& tokens, size_t b, const Lexicon& lexicon, bool* region) {
  for (size_t len = 1; len <= 2 && len <= b; ++len) {
    auto m = lexicon.place_prepositions.LongestAt(tokens, b - len);
    if (m.length == len) {
      *region = tokens[b - len].lower == "en";
      return true;
    }
  }
  return false;
}

bool HonorificBefore(const std::vector<ScanToken>& tokens, size_t b, const Lexicon& lexicon) {
  if (b >= 1 && lexicon.honorifics.count(tokens[b - 1].lower)) return true;
  return b >= 2 && tokens[b - 1].lower == "." && lexicon.honorifics.count(tokens[b - 2].lower);
}

// True when the reference phrase ending before tokens[k] introduces a name instead ("le groupe
// industriel Veritane", "la société belge Proxalys").
bool IntroducesName(const std::vector<ScanToken>& tokens, std::string_view text, size_t k) {
  // A verb or a relative pronoun ends the noun phrase: "le groupe a annoncé que Google …" is a reference.
  static const char* const kStops[] = {"a", "ont", "est", "sont", "va", "has", "have", "is", "was", "will", "et",
                                       "and", "qui", "which", "who", "que", "that", "à", "au", "en", "in", "at",
                                       "basée", "basé", "based", "située", "situé", "installée", "installé"};
  for (size_t gap = 0; gap <= kCueGap && k + gap < tokens.size(); ++gap) {
    const ScanToken& t = tokens[k + gap];
    if (IsCapitalised(t, text)) return true;
    if (t.kind != ScanKind::kWord && t.lower != "-") return false;
    for (const char* stop : kStops) {
      if (t.lower == stop) return false;
    }
  }
  return false;
}

// "a statement in Spanish", "a Spanish-language statement": the adjective names a language, not a place.
bool IsLanguageName(const std::vector<ScanToken>& tokens, size_t i, size_t length) {
  const size_t next = i + length;
  if (next + 1 < tokens.size() && tokens[next].lower == "-" && tokens[next + 1].lower == "language") return true;
  const bool ends = next >= tokens.size() || tokens[next].kind == ScanKind::kOther;
  return i > 0 && tokens[i - 1].lower == "in" && ends;
}

// Lower-case words that continue an organisation name after a cue word ("Société financière
// internationale", "Banque mondiale"): adjectives, told by their endings.
bool IsNameAdjective(const std::string& lower) {
  static const char* const kEndings[] = {"ale", "al", "aux", "ique", "ière", "ier", "aire", "ienne", "éenne",
                                         "aise", "ionale", "elle", "ive"};
  for (const char* e : kEndings) {
    const size_t n = std::char_traits<char>::length(e);
    if (lower.size() > n + 2 && lower.compare(lower.size() - n, n, e) == 0) return true;
  }
  return false;
}

// True when a verb that takes a subject follows tokens[e - 1]: "Northwind a annoncé", "Fabrikam is
// developing", which makes a lone capitalised word at the start of a sentence a name.
bool VerbFollows(const std::vector<ScanToken>& tokens, std::string_view text, size_t e, const Lexicon& lexicon,
                 const std::string& language) {
  if (e < tokens.size()) e += TickerLength(tokens, text, e, lexicon);  // "Fabrikam (NYSE: FBK) said"
  // "Litware's chief executive": a possessive follows names.
  if (e + 1 < tokens.size() && tokens[e].lower == "'" && tokens[e + 1].lower == "s" && !tokens[e].space_before) {
    return true;
  }
  if (e >= tokens.size() || tokens[e].kind != ScanKind::kWord) return false;
  // Only the article's own language: French "a" (has) is a Spanish preposition.
  auto it = lexicon.verbs_after_names.find(language);
  if (it != lexicon.verbs_after_names.end() && it->second.count(tokens[e].lower) > 0) return true;
  // A trigger of the language right after ("Northwind began operations in", "Fabrikam rachète").
  auto triggers = lexicon.trigger_phrases.find(language);
  return triggers != lexicon.trigger_phrases.end() && triggers->second.LongestAt(tokens, e).length > 0;
}

// "Nokia agreed to buy", "Nokia President Ana Ruiz": a name the city gazetteer knows, used as
// the subject of a verb or before a title, is more often the company or person named after the town.
// A place preposition before it keeps it a place ("in Toyota").
bool ActsLikeACompany(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, size_t e,
                      const std::vector<bool>& blocked, const Lexicon& lexicon, const DocumentContext& ctx) {
  bool region = false;
  if (AfterPlacePreposition(tokens, b, lexicon, &region)) return false;
  if (Blocked(blocked, e)) return true;
  if (e + 1 < tokens.size() && tokens[e].lower == "'" && tokens[e + 1].lower == "s" && Blocked(blocked, e + 2)) {
    return true;
  }
  return VerbFollows(tokens, text, e, lexicon, ctx.language) && (b == 0 || tokens[b - 1].lower != ",");
}

// German capitalises nouns, so one unknown capitalised word is a name only with some evidence: an
// organisation noun before it ("der Baukonzern Fabrikam"), a verb after it ("Northwind investiert"), a
// shape no noun has ("INTEGRA", "ThyssenKrupp"), or a use at a sentence start elsewhere in the article.
bool GermanNameEvidence(const std::vector<ScanToken>& tokens, std::string_view text, size_t b, const Lexicon& lexicon,
                        const DocumentContext& ctx) {
  const ScanToken& t = tokens[b];
  if (IsGermanNoun(t, lexicon)) return false;
  const std::string_view w = text.substr(t.span.begin, t.span.end - t.span.begin);
  for (size_t k = 1; k < w.size(); ++k) {
    if (w[k] >= 'A' && w[k] <= 'Z') return true;
  }
  if (b > 0 && (IsGermanNoun(tokens[b - 1], lexicon) || tokens[b - 1].lower == "-")) return true;
  bool region = false;
  if (AfterPlacePreposition(tokens, b, lexicon, &region)) return true;  // "in Zizers"
  if (VerbFollows(tokens, text, b + 1, lexicon, "de")) return true;
  // "… übernimmt Litware": the object of a verb the lexicon knows.
  if (b > 0) {
    auto verbs = lexicon.verbs_after_names.find("de");
    if (verbs != lexicon.verbs_after_names.end() && verbs->second.count(tokens[b - 1].lower)) return true;
  }
  if (b + 1 < tokens.size() && (tokens[b + 1].lower == "-" || tokens[b + 1].lower == "(")) return true;
  return ctx.names.count(text::NormalizeName(w)) > 0;
}

}  // namespace

bool IsCapitalised(const ScanToken& token, std::string_view text) {
  if (token.kind != ScanKind::kWord || token.span.begin >= text.size()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(token.span.begin);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  return c > 0 && u_isupper(c);
}

void RegisterName(EntityType type, const std::string& name, DocumentContext* ctx, bool firm) {
  const std::string full = text::NormalizeName(name);
  if (full.empty()) return;
  const size_t space = full.find(' ');
  // A name of several words is a name whatever typed it ("Nimbus Robotics"), and so is its short form.
  firm = firm || space != std::string::npos;
  ctx->names.emplace(full, KnownName{type, name, firm});
  if (space == std::string::npos) return;
  if (type == EntityType::kOrganization) {
    ctx->names.emplace(full.substr(0, space), KnownName{type, name, firm});
  } else if (type == EntityType::kPerson) {
    ctx->names.emplace(full.substr(full.rfind(' ') + 1), KnownName{type, name, firm});
  }
}

void NoteNames(const std::vector<ScanToken>& tokens, std::string_view text, const Lexicon& lexicon,
               DocumentContext* ctx) {
  const std::vector<bool> none;
  for (size_t i = 0; i < tokens.size();) {
    if (!IsCapitalised(tokens[i], text)) {
      ++i;
      continue;
    }
    size_t end = RunEnd(tokens, text, none, lexicon, i);
    if (!AtSentenceStart(tokens, i)) {
      ctx->seen_inside_sentences.insert(text::NormalizeName(SpanText(tokens, text, i, end)));
    }
    i = end;
  }
}

std::vector<Mention> FindMentions(const std::vector<ScanToken>& tokens, std::string_view text,
                                  const std::vector<bool>& blocked, const Lexicon& lexicon, DocumentContext* ctx) {
  std::vector<Mention> mentions;
  auto add = [&](Mention m) {
    if (m.type == EntityType::kCountry) ctx->last_country = m.name;
    if (m.type == EntityType::kOrganization && m.kind == MentionKind::kName && ctx->main_org.empty()) {
      ctx->main_org = m.name;
    }
    mentions.push_back(std::move(m));
  };
  const size_t n = tokens.size();
  for (size_t i = 0; i < n;) {
    if (Blocked(blocked, i)) {
      ++i;
      continue;
    }
    const ScanToken& t = tokens[i];
    // "(NYSE: XYZ)", "(ABCD.PA)": a stock ticker, never an entity.
    if (size_t ticker = TickerLength(tokens, text, i, lexicon); ticker > 0) {
      i += ticker;
      continue;
    }
    if (size_t length = 0; auto iso = CountryAbbreviation(tokens, text, i, lexicon, &length)) {
      const auto country = text::CountryGazetteer::Instance().FindByCode(*iso);
      add({i, i + length, EntityType::kCountry, country->canonical_name, MentionKind::kName, true, *iso});
      i += length;
      continue;
    }
    // "$20B", "5M": a unit glued to a number.
    if (t.kind == ScanKind::kWord && !t.space_before && i > 0 && tokens[i - 1].kind == ScanKind::kDigits) {
      ++i;
      continue;
    }
    // References to what the article named before.
    if (auto m = lexicon.org_anaphors.LongestAt(tokens, i);
        m.length > 0 && !IsCapitalised(tokens[i + m.length - 1], text)) {
      if (!IntroducesName(tokens, text, i + m.length) && !ctx->main_org.empty()) {
        add({i, i + m.length, EntityType::kOrganization, ctx->main_org, MentionKind::kOrgReference, true, ""});
      }
      i += m.length;
      continue;
    }
    if (auto m = lexicon.person_anaphors.LongestAt(tokens, i); m.length > 0) {
      const std::string& who = static_cast<PersonAnaphor>(m.payload) == PersonAnaphor::kBusiness
                                   ? ctx->last_business_person : ctx->last_person;
      if (!who.empty()) add({i, i + m.length, EntityType::kPerson, who, MentionKind::kPersonReference, true, ""});
      i += m.length;
      continue;
    }
    if (auto m = lexicon.country_anaphors.LongestAt(tokens, i); m.length > 0) {
      if (!ctx->last_country.empty()) {
        add({i, i + m.length, EntityType::kCountry, ctx->last_country, MentionKind::kCountryReference, true, ""});
      }
      i += m.length;
      continue;
    }
    const bool capital = IsCapitalised(t, text);
    size_t run_end = capital ? RunEnd(tokens, text, blocked, lexicon, i) : i;
    if (capital && run_end > i + 1 && (lexicon.function_words.count(t.lower) || IsAdverbOrGerund(t.lower)) &&
        !AllCaps(t, text) && AtSentenceStart(tokens, i)) {
      // "The American fund", "Der US-Konzern": a word capitalised by its place is not part of what follows,
      // which is read again from its own first word.
      ++i;
      continue;
    }
    if (capital && run_end == i + 1 && lexicon.org_cue_words.count(text::NormalizeName(t.lower))) {
      while (run_end < n && run_end - i < 4 && !Blocked(blocked, run_end) && tokens[run_end].kind == ScanKind::kWord &&
             !IsCapitalised(tokens[run_end], text) && IsNameAdjective(tokens[run_end].lower)) {
        ++run_end;
      }
    }
    std::string normalized;
    bool known_run = false;
    if (capital) {
      normalized = text::NormalizeName(SpanText(tokens, text, i, run_end));
      known_run = ctx->names.count(normalized) || lexicon.known_organizations.count(normalized);
    }
    // An adjective, unless it starts a longer known name ("Deutsche Bank", "British Airways"): "Américaine
    // Contoso" is an adjective and a name.
    if (!known_run) {
      if (auto m = lexicon.adjectives.LongestAt(tokens, i);
          m.length > 0 && (!capital || run_end <= i + m.length || !HasOrgCue(tokens, i, run_end, lexicon))) {
        const Place& p = lexicon.adjective_places[static_cast<size_t>(m.payload)];
        if (IsLanguageName(tokens, i, m.length)) {
          i += m.length;
          continue;
        }
        add({i, i + m.length, p.type, p.name, MentionKind::kAdjective, true, p.iso});
        i += m.length;
        continue;
      }
    }
    if (!capital) {
      ++i;
      continue;
    }
    // A name. Words capitalised only by their place at a sentence start ("Pour Rabat", "The American") were
    // set aside above; within a sentence a capitalised article belongs to the name ("Del Monte", "La Poste").
    const size_t run_begin = i;
    size_t b = i;
    i = run_end;
    if (ctx->language == "de" && !known_run) {
      // German capitalises nouns: "Chemiekonzern Royal DSM" names Royal DSM, "Volkswagen-Konzerns" Volkswagen,
      // and "Erweiterung der Fabrik" nothing.
      while (b < run_end && (IsGermanNoun(tokens[b], lexicon) || (b > run_begin && IsConnector(tokens[b].lower)) ||
                             tokens[b].kind != ScanKind::kWord)) {
        ++b;
      }
      b = SkipHonorifics(tokens, b, run_end, lexicon);  // before GermanNameEnd, which stops at its period
      run_end = GermanNameEnd(tokens, b, run_end, lexicon);
      if (b >= run_end) continue;
    }
    if (b + 1 == run_end && lexicon.function_words.count(tokens[b].lower)) continue;
    b = SkipHonorifics(tokens, b, run_end, lexicon);  // "Dr. Angela Merkel": the honorific is no part of the name
    // "Contoso.com Inc.", "Northwind & Co.": the legal form is not part of the name kg keeps.
    bool legal_form = false;  // "Northwind & Co": an organisation, whatever its place in the sentence
    while (run_end > b + 1 && IsLegalForm(tokens, run_end)) {
      legal_form = true;
      --run_end;
      if (run_end > b + 1 && (tokens[run_end - 1].lower == "&" || tokens[run_end - 1].lower == ",")) --run_end;
    }
    const std::string_view written = SpanText(tokens, text, b, run_end);
    normalized = text::NormalizeName(written);
    if (normalized.empty() || lexicon.not_names.count(normalized)) continue;
    // "100 M" (a garbled "M€"), "Plan B": one letter alone names nothing.
    if (run_end - b == 1 && tokens[b].lower.size() == 1) continue;
    // "Feb 17", "März:", but "Jan Berg" is a name.
    if (lexicon.name_breakers.count(tokens[b].lower) &&
        (run_end - b == 1 || (b + 1 < n && tokens[b + 1].kind == ScanKind::kDigits))) {
      continue;
    }
    // "DAVOS, Suisse -", "LONDON (Reuters) -": the dateline says where the report was filed.
    if (b == 0 && AllCaps(tokens[b], text) && tokens[b].lower.size() > 3 && run_end < n &&
        (tokens[run_end].lower == "," || tokens[run_end].lower == "(")) {
      continue;
    }
    // A country needs no evidence: "Ungarns Premier" names Hungary.
    const std::optional<Place> listed_place = FindPlace(normalized, lexicon);
    if (ctx->language == "de" && run_end - b == 1 && !(listed_place && listed_place->type == EntityType::kCountry) &&
        !GermanNameEvidence(tokens, text, b, lexicon, *ctx)) {
      continue;
    }

    Mention mention{b, run_end, EntityType::kOrganization, std::string(written), MentionKind::kName, false, ""};
    bool region = false;
    if (const auto& place = listed_place) {
      mention.type = place->type;
      mention.name = place->name;
      mention.iso = place->iso;
      mention.firm = true;
    } else if (auto known = ctx->names.find(normalized);
               known != ctx->names.end() && (known->second.firm || !AfterPlacePreposition(tokens, b, lexicon, &region))) {
      mention.type = known->second.type;
      mention.name = known->second.name;
      mention.firm = known->second.firm;
    } else if (auto place = FindGazetteerPlace(normalized, lexicon);
               place && !HonorificBefore(tokens, b, lexicon) &&
               !(place->type == EntityType::kCity && ActsLikeACompany(tokens, text, b, run_end, blocked, lexicon, *ctx))) {
      mention.type = place->type;
      mention.name = place->name;
      mention.iso = place->iso;
      mention.firm = true;
    } else if (HonorificBefore(tokens, b, lexicon)) {
      mention.type = EntityType::kPerson;
      mention.firm = true;
    } else if (lexicon.known_organizations.count(normalized) || HasOrgCue(tokens, b, run_end, lexicon)) {
      if (run_end - b == 1 && lexicon.org_cue_words.count(normalized)) continue;  // "Banque" alone
      mention.firm = true;
    } else if (AfterPlacePreposition(tokens, b, lexicon, &region)) {
      mention.type = region ? EntityType::kRegion : EntityType::kCity;
      ctx->names.insert_or_assign(normalized, KnownName{mention.type, mention.name, true});
    } else if (legal_form) {
      mention.firm = true;
    } else if (run_end - b == 1 && AtSentenceStart(tokens, b) && !ctx->seen_inside_sentences.count(normalized) &&
               (HasAbstractNounEnding(tokens[b].lower) || !VerbFollows(tokens, text, run_end, lexicon, ctx->language)) &&
               !Blocked(blocked, run_end) &&
               !(run_end + 1 < n && tokens[run_end].lower == "-" && Blocked(blocked, run_end + 1)) &&
               !(run_end < n && IsLegalForm(tokens, run_end + 1))) {
      continue;
    }
    // Unsure names wait for the title rules, which may find that they are people.
    if (mention.type == EntityType::kOrganization && mention.firm) RegisterName(mention.type, mention.name, ctx);
    add(std::move(mention));
  }
  return mentions;
}

}  // namespace kg::extract
