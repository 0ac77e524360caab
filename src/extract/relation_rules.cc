#include "extract/relation_rules.h"

#include <algorithm>

#include "extract/mention_search.h"
#include "extract/place_rules.h"
#include "text/name_normalizer.h"

namespace kg::extract {
namespace {

// A city and its country count as "located in" only this close (in words): farther apart, the sentence
// is usually about something else.
constexpr size_t kCityCountryGap = 6;

Candidate Make(const Mention& s, const std::string& predicate, const Mention& o, double confidence, size_t anchor,
               const PredicateRule& rule) {
  const size_t object_end = o.end > 0 ? o.end : anchor + 1;
  Candidate c;
  c.subject = s.name;
  c.subject_type = s.type;
  c.predicate = predicate;
  c.object = o.name;
  c.object_type = o.type;
  c.confidence = confidence;
  c.anchor = anchor;
  c.object_end = object_end;
  c.takes_amount = rule.takes_amount;
  c.is_event = rule.is_event;
  c.subject_tokens = RangeOf(s);
  c.object_tokens = RangeOf(o);
  return c;
}

// True when an object blocker ("en dehors de", "outside") ends right before tokens[k].
bool Blocked(const std::vector<ScanToken>& tokens, size_t k, const Lexicon& lexicon) {
  for (size_t len = 1; len <= 3 && len <= k; ++len) {
    if (lexicon.object_blockers.LongestAt(tokens, k - len).length == len) return true;
  }
  return false;
}

void AppendListItems(const SentenceView& s, const std::vector<Mention>& mentions, const PredicateRule& rule,
                     std::vector<const Mention*>* out);

// The object(s) after a trigger ending at `e`: the nearest fitting mention, or with prefer_by_type the
// nearest of the first type in rule.object_types that has one (and all of that type with multiple_objects).
std::vector<const Mention*> Objects(const SentenceView& s, const std::vector<Mention>& mentions, size_t e,
                                    const PredicateRule& rule, const Lexicon& lexicon, const std::string& subject) {
  std::vector<const Mention*> out;
  // A city adjective says where a company is from ("le groupe marseillais"), not where money goes; it
  // still names a facility's place ("un centre parisien").
  const bool adjective_cities = rule.multiple_objects;
  auto usable = [&](const Mention& m) {
    if (m.kind == MentionKind::kAdjective && m.type == EntityType::kCity && !adjective_cities) return false;
    // "U.S.-made", "Africa-focused": a place that modifies a compound is not where anything happens.
    if (m.end < s.tokens->size() && (*s.tokens)[m.end].lower == "-" && !(*s.tokens)[m.end].space_before) return false;
    return m.begin >= e && m.begin - e <= rule.reach && m.name != subject && !Blocked(*s.tokens, m.begin, lexicon);
  };
  if (!rule.prefer_by_type) {
    for (const Mention& m : mentions) {
      if (usable(m) && Allows(rule.object_types, m.type)) {
        const Mention* narrower = m.type == EntityType::kCountry ? NarrowerPlace(s, mentions, m) : nullptr;
        out.push_back(narrower != nullptr && Allows(rule.object_types, narrower->type) ? narrower : &m);
        break;
      }
    }
    AppendListItems(s, mentions, rule, &out);
    return out;
  }
  for (EntityType type : rule.object_types) {
    for (const Mention& m : mentions) {
      if (usable(m) && m.type == type) {
        out.push_back(&m);
        if (!rule.multiple_objects) return out;
      }
    }
    if (!out.empty()) return out;
  }
  return out;
}

// "in Lyon, Lille, Nantes and Rennes": the other items of a list that starts with the one object found.
void AppendListItems(const SentenceView& s, const std::vector<Mention>& mentions, const PredicateRule& rule,
                     std::vector<const Mention*>* out) {
  if (out->size() != 1) return;
  const auto& tokens = *s.tokens;
  const Mention* last = out->front();
  const bool place = last->type != EntityType::kOrganization && last->type != EntityType::kPerson;
  for (;;) {
    size_t k = last->end;
    bool separated = false;
    while (k < tokens.size() && (tokens[k].lower == "," || tokens[k].lower == "et" || tokens[k].lower == "and" ||
                                 tokens[k].lower == "y" || tokens[k].lower == "und")) {
      separated = true;
      ++k;
    }
    if (!separated) return;
    const Mention* next = StartingAt(mentions, k);
    if (next == nullptr || next->kind != MentionKind::kName || !Allows(rule.object_types, next->type)) return;
    const bool next_place = next->type != EntityType::kOrganization && next->type != EntityType::kPerson;
    if (next_place != place) return;
    out->push_back(next);
    last = next;
  }
}

// "X (once Contoso Group), will set up": a name in a parenthesis closed before the trigger is an aside;
// the subject is the nearest fitting name before the parenthesis.
const Mention* OutsideParentheses(const SentenceView& s, const std::vector<Mention>& mentions, const Mention* m,
                                  size_t b, const std::vector<EntityType>& types) {
  const auto& tokens = *s.tokens;
  size_t open = m->begin;
  while (open > 0 && tokens[open - 1].lower != "(" && tokens[open - 1].lower != ")") --open;
  if (open == 0 || tokens[open - 1].lower != "(") return m;
  size_t close = m->end;
  while (close < b && tokens[close].lower != ")") ++close;
  if (close >= b) return m;  // the trigger is inside the parenthesis too
  const Mention* before = NearestLeft(mentions, open - 1, types);
  return before != nullptr ? before : m;
}

// "Tata Electronics, a unit of the Tata Group conglomerate, will invest": when the nearest candidate
// sits in an apposition, the subject is the name the apposition describes.
const Mention* SkipApposition(const SentenceView& s, const std::vector<Mention>& mentions, const Mention* m,
                              size_t b, const std::vector<EntityType>& types) {
  const auto& tokens = *s.tokens;
  size_t comma_after = m->end;
  while (comma_after < b && tokens[comma_after].lower != ",") ++comma_after;
  if (comma_after >= b) return m;
  size_t comma_before = m->begin;
  while (comma_before > 0 && tokens[comma_before - 1].lower != ",") --comma_before;
  if (comma_before == 0 || m->begin - comma_before > 6) return m;
  const Mention* head = EndingAt(mentions, comma_before - 1);
  return head != nullptr && Allows(types, head->type) ? head : m;
}

// The words that introduce the agent of a passive or of a noun: "by", "par", "por", "durch", "von".
bool IsAgentWord(const std::string& w) {
  return w == "by" || w == "par" || w == "por" || w == "durch" || w == "von";
}

// "and", "et", "y", "und", "e": the words that join the two items of a pair.
bool IsConjunction(const std::string& w) { return w == "and" || w == "et" || w == "y" || w == "und" || w == "e"; }

// "il", "elle", "it", "they", "er", "sie": a pronoun that opens a sentence as its subject.
bool IsSubjectPronoun(const std::string& w) {
  return w == "il" || w == "elle" || w == "it" || w == "they" || w == "er" || w == "sie";
}

// True when "in", "en", "dans", "à", "im" or the like (and perhaps an article) stands right before tokens[k].
bool IntroducedByIn(const std::vector<ScanToken>& tokens, size_t k) {
  static const char* const kWords[] = {"in", "into", "en", "dans", "à", "au", "aux", "im", "ins", "nach", "a"};
  while (k > 0 && IsArticle(tokens[k - 1].lower)) --k;
  if (k == 0) return false;
  for (const char* w : kWords) {
    if (tokens[k - 1].lower == w) return true;
  }
  return false;
}

void SvoRule(const SentenceView& s, const std::vector<Mention>& mentions, size_t b, size_t e, const Trigger& trigger,
             const PredicateRule& rule, const Lexicon& lexicon, const DocumentContext& ctx,
             std::vector<Candidate>* out) {
  double confidence = trigger.confidence;
  const auto& tokens = *s.tokens;
  // The passive: "Y was acquired by X", "Y, racheté par X", "übernommen von X", "adquirida por X".
  if (e + 1 < tokens.size() && IsAgentWord(tokens[e].lower)) {
    const Mention* agent = StartingAt(mentions, e + 1);
    const Mention* patient = NearestLeft(mentions, b, rule.object_types);
    if (agent != nullptr && patient != nullptr && Allows(rule.subject_types, agent->type) && agent->name != patient->name &&
        b - patient->end <= 4) {
      out->push_back(Make(*agent, rule.name, *patient, confidence, b, rule));
      return;
    }
  }
  const Mention* subject = NearestLeft(mentions, b, rule.subject_types);
  if (subject != nullptr) subject = OutsideParentheses(s, mentions, subject, b, rule.subject_types);
  if (subject != nullptr) subject = SkipApposition(s, mentions, subject, b, rule.subject_types);
  Mention fallback;
  if (subject == nullptr) {
    // "Fondée en 2017 et installée à Bordeaux, Ondelia …": the subject follows the object's comma, or the
    // agent word of a noun ("l'acquisition de Litware par Northwind"). Not "… en España, en el plan
    // Future": a name further on is no subject.
    auto objects = Objects(s, mentions, e, rule, lexicon, "");
    if (!objects.empty() && objects.back()->end < tokens.size() &&
        (tokens[objects.back()->end].lower == "," || IsAgentWord(tokens[objects.back()->end].lower))) {
      const Mention* next = NearestRight(mentions, objects.back()->end + 1, rule.subject_types, objects.back()->name, 1);
      if (next != nullptr && next->begin == objects.back()->end + 1) subject = next;
    }
  }
  if (subject == nullptr) {
    // With no subject in the sentence, the article's company is meant for a sum it invests ("En Espagne,
    // l'investissement atteindra 2 milliards") and after a subject pronoun ("Il a ouvert des centres en
    // Pologne"). Its other sites and moneyless investments, guessed so, were right for 1 fact in 8 on the
    // development corpus.
    const bool agent_follows = e + 1 < tokens.size() && IsAgentWord(tokens[e].lower);
    const bool pronoun = !tokens.empty() && IsSubjectPronoun(tokens[0].lower) && b < 8;
    if (ctx.main_org.empty() || (!agent_follows && !pronoun && !(s.has_money && rule.name == "invests_in"))) return;
    fallback = MainOrg(ctx);
    subject = &fallback;
    confidence *= kDefaultSubjectFactor;
  }
  size_t objects_from = e;
  // "a €2bn investment by Contoso in Wales": the agent right after a noun trigger is the subject, whoever
  // announced it before.
  if (e + 1 < tokens.size() && IsAgentWord(tokens[e].lower)) {
    const Mention* agent = StartingAt(mentions, e + 1);
    if (agent != nullptr && Allows(rule.subject_types, agent->type)) {
      subject = agent;
      confidence = trigger.confidence;
      objects_from = agent->end;
    }
  }
  std::vector<const Mention*> objects = Objects(s, mentions, objects_from, rule, lexicon, subject->name);
  // German puts the participle last: "Fabrikam hat in Leipzig ein Werk eröffnet", "hat 4 Millionen in den
  // Standort Leipzig investiert". With nothing after the trigger, the object stands between subject and it.
  if (objects.empty() && ctx.language == "de" && subject->end > 0 && subject->end < b) {
    for (const Mention& m : mentions) {
      if (m.begin >= subject->end && m.end <= b && Allows(rule.object_types, m.type) && m.name != subject->name &&
          (m.type != EntityType::kOrganization || rule.name == "acquires")) {
        objects = {&m};
      }
    }
  }
  // "l'acquisition de Metallo par Aurubis", "an investment by Contoso in Wales": the agent after the
  // object, not the announcer before the trigger, is the subject.
  if (!objects.empty()) {
    const size_t k = objects.front()->end;
    if (k + 1 < tokens.size() && IsAgentWord(tokens[k].lower)) {
      const Mention* agent = StartingAt(mentions, k + 1);
      if (agent != nullptr && Allows(rule.subject_types, agent->type) && agent->name != objects.front()->name) {
        subject = agent;
        confidence = trigger.confidence;
      }
    }
  }
  for (const Mention* object : objects) {
    if (object->name == subject->name) continue;
    // "an investment summit with Google, Wayve and …": with no money in the sentence, an investment
    // needs its object introduced as one ("in Wales", "dans Deciem", "in Rivian").
    if (rule.name == "invests_in" && !s.has_money && !IntroducedByIn(*s.tokens, object->begin)) continue;
    out->push_back(Make(*subject, rule.name, *object, confidence, b, rule));
  }
}

void ObjectFirstRule(const std::vector<Mention>& mentions, size_t b, size_t e, const Trigger& trigger,
                     const PredicateRule& rule, std::vector<Candidate>* out) {
  const Mention* object = NearestRight(mentions, e, rule.object_types);
  if (object == nullptr) return;
  const Mention* subject = NearestRight(mentions, object->end, rule.subject_types, object->name);
  if (subject != nullptr) out->push_back(Make(*subject, rule.name, *object, trigger.confidence, b, rule));
}

void ObjectBeforeRule(std::vector<Mention>* mentions, size_t b, size_t e, const SentenceView& s,
                      const Trigger& trigger, const PredicateRule& rule, const Lexicon& lexicon,
                      const DocumentContext& ctx, std::vector<Candidate>* out) {
  Mention* place = nullptr;
  for (Mention& m : *mentions) {
    if (m.end == b) place = &m;
  }
  if (place == nullptr) return;
  if (!place->firm && place->type == EntityType::kOrganization) place->type = EntityType::kCity;
  if (!Allows(rule.object_types, place->type)) return;
  const Mention* subject = nullptr;
  for (const Mention& m : *mentions) {
    if (m.begin < e || m.begin - e > 6) continue;
    bool stopped = false;
    for (size_t k = e; k < m.begin; ++k) stopped = stopped || EndsNounPhrase((*s.tokens)[k]);
    if (!stopped && Allows(rule.subject_types, m.type) && m.kind == MentionKind::kName) subject = &m;
    break;
  }
  // "Infosys, the Bengaluru-based services group": the name the apposition describes.
  if (subject == nullptr && place->begin >= 2 && IsArticle((*s.tokens)[place->begin - 1].lower) &&
      (*s.tokens)[place->begin - 2].lower == ",") {
    const Mention* head = EndingAt(*mentions, place->begin - 2);
    if (head != nullptr && Allows(rule.subject_types, head->type)) subject = head;
  }
  // "The Arizona-based startup" with no name after it is left alone, unless it describes the name before
  // its comma ("Fabrikam, the Madrid-based group"): taken for the article's company, it was another
  // company in each case on the development corpus.
  if (subject == nullptr && place->begin > 0 && IsArticle((*s.tokens)[place->begin - 1].lower) &&
      (place->begin == 1 || (*s.tokens)[place->begin - 2].lower != ",")) {
    return;
  }
  if (subject == nullptr) subject = NearestLeft(*mentions, place->begin, rule.subject_types);
  if (subject != nullptr) out->push_back(Make(*subject, rule.name, *place, trigger.confidence, b, rule));
}

void PairRule(const std::vector<Mention>& mentions, size_t b, size_t e, const Trigger& trigger,
              const PredicateRule& rule, std::vector<Candidate>* out) {
  const Mention* left = NearestLeft(mentions, b, rule.subject_types);
  const Mention* right = NearestRight(mentions, e, rule.object_types, left ? left->name : "");
  if (left != nullptr && right != nullptr) {
    out->push_back(Make(*left, rule.name, *right, trigger.confidence, b, rule));
    return;
  }
  if (left == nullptr) return;
  const Mention* second = NearestLeft(mentions, left->begin, rule.subject_types, left->name);
  if (second != nullptr && left->begin - second->end <= 6) {
    out->push_back(Make(*second, rule.name, *left, trigger.confidence, b, rule));
  }
}

void SubsidiaryRule(const SentenceView& s, const std::vector<Mention>& mentions, size_t b, size_t e,
                    const Trigger& trigger, const PredicateRule& rule, const Lexicon& lexicon,
                    const DocumentContext& ctx, std::vector<Candidate>* out) {
  const auto& tokens = *s.tokens;
  const bool possessive = b > 0 && lexicon.possessives.count(tokens[b - 1].lower);
  if (possessive) {
    // "sa filiale Dacia", "Aurore Privée, sa filiale": the owner is who the article is about.
    if (ctx.main_org.empty()) return;
    const Mention owner = MainOrg(ctx);
    const Mention* subject = nullptr;
    if (const Mention* left = NearestLeft(mentions, b - 1, rule.subject_types, owner.name);
        left != nullptr && b - 1 - left->end <= 2) {
      subject = left;
    } else {
      subject = NearestRight(mentions, e, rule.subject_types, owner.name, 3);
    }
    if (subject != nullptr) out->push_back(Make(*subject, rule.name, owner, trigger.confidence, b, rule));
    return;
  }
  if (trigger.mode == TriggerMode::kReverse) {
    // "Northwind (dueña de la asturiana X)", "Contoso, owner of X": the owner before, what it owns after.
    const Mention* owner = NearestLeft(mentions, b, rule.object_types);
    const Mention* owned = NearestRight(mentions, e, rule.subject_types, owner != nullptr ? owner->name : "", 6);
    if (owner != nullptr && owned != nullptr && b - owner->end <= 3) {
      out->push_back(Make(*owned, rule.name, *owner, trigger.confidence, b, rule));
    }
    return;
  }
  const Mention* subject = NearestLeft(mentions, b, rule.subject_types);
  const Mention* object = NearestRight(mentions, e, rule.object_types, subject != nullptr ? subject->name : "", 6);
  // "Filiale de l'Américaine Contoso, Litware, …": the subsidiary follows its parent, after a comma.
  if (subject == nullptr && object != nullptr && object->end + 1 < tokens.size() && tokens[object->end].lower == ",") {
    subject = StartingAt(mentions, object->end + 1);
    if (subject != nullptr && !Allows(rule.subject_types, subject->type)) subject = nullptr;
  }
  if (subject == nullptr) return;
  if (object != nullptr) out->push_back(Make(*subject, rule.name, *object, trigger.confidence, b, rule));
}

void MeetingRule(const SentenceView& s, const std::vector<Mention>& mentions, size_t b, size_t e,
                 const Trigger& trigger, const PredicateRule& rule, std::vector<Candidate>* out) {
  // A name typed an organisation only by default may be the person who meets ("Whitfield sat down with").
  auto person_like = [](const Mention& m) {
    return m.type == EntityType::kPerson || (m.kind == MentionKind::kName && m.type == EntityType::kOrganization &&
                                             !m.firm && m.end - m.begin >= 2);
  };
  const Mention* subject = nullptr;
  for (const Mention& m : mentions) {
    if (m.end <= b && b - m.end <= kMaxReach && person_like(m)) subject = &m;
  }
  std::vector<const Mention*> others;
  for (const Mention& m : mentions) {
    if (m.begin >= e && m.begin - e <= kMaxReach && person_like(m)) others.push_back(&m);
  }
  // "a meeting between A and B": with no one before the trigger, the people after it meet each other only
  // when the phrase says so; "met with A, B and C" says nothing of A meeting B.
  const auto& tokens = *s.tokens;
  auto is_between = [&](size_t k) {
    return k < tokens.size() &&
           (tokens[k].lower == "between" || tokens[k].lower == "entre" || tokens[k].lower == "zwischen");
  };
  bool between = is_between(e) || (e > b && is_between(e - 1));  // after the trigger, or its last word
  // "la rencontre de X avec Y", "the meeting of X with Y", "das Treffen von X mit Y".
  if (!between && others.size() >= 2 && e < tokens.size() && IsOf(tokens[e].lower)) {
    for (size_t k = others[0]->end; k < others[1]->begin; ++k) {
      const std::string& w = tokens[k].lower;
      between = between || w == "avec" || w == "with" || w == "con" || w == "mit";
    }
  }
  // Between whom the phrase says, whoever stands before it ("la prensa publicó una reunión entre A y B").
  if (others.size() >= 2 && between) {
    subject = others.front();
    others.erase(others.begin());
  }
  if (subject == nullptr) return;
  // "Marc Roy und Jan Berg treffen Y": both people of a pair before the trigger meet Y.
  std::vector<const Mention*> subjects{subject};
  if (subject->begin >= 2 && IsConjunction(tokens[subject->begin - 1].lower)) {
    const Mention* first = EndingAt(mentions, subject->begin - 1);
    if (first != nullptr && person_like(*first)) subjects.push_back(first);
  }
  for (const Mention* who : subjects) {
    for (const Mention* o : others) {
      if (o->name != who->name) out->push_back(Make(*who, rule.name, *o, trigger.confidence, b, rule));
    }
  }
}

// "Sines, ville portuaire du sud du Portugal": the place before the comma is in the country after it.
void PlaceAppositionRule(std::vector<Mention>* mentions, size_t b, size_t e, const Trigger& trigger,
                         const PredicateRule& rule, std::vector<Candidate>* out) {
  Mention* place = nullptr;
  for (Mention& m : *mentions) {
    if (m.end == b) place = &m;
  }
  if (place == nullptr) return;
  if (!place->firm && place->type == EntityType::kOrganization) place->type = EntityType::kCity;
  if (!Allows(rule.subject_types, place->type)) return;
  const Mention* country = NearestRight(*mentions, e, rule.object_types, place->name, 12);
  if (country != nullptr) out->push_back(Make(*place, rule.name, *country, trigger.confidence, b, rule));
}

// A listed city and its country named in one sentence; "à Ziguinchor, en Casamance".
void CityCountryRule(const SentenceView& s, const std::vector<Mention>& mentions, const Lexicon& lexicon,
                     std::vector<Candidate>* out) {
  const int located = lexicon.PredicateIndex("located_in");
  if (located < 0) return;
  const PredicateRule& rule = lexicon.predicates[static_cast<size_t>(located)];
  const auto& tokens = *s.tokens;
  for (const Mention& city : mentions) {
    if (city.kind != MentionKind::kName || (city.type != EntityType::kCity && city.type != EntityType::kRegion)) continue;
    for (const Mention& country : mentions) {
      const size_t gap = country.begin > city.end ? country.begin - city.end : city.begin - std::min(city.begin, country.end);
      // "Kenya's president" speaks of the state, not of where the city is.
      const bool possessive = country.end + 1 < tokens.size() && tokens[country.end].lower == "'" &&
                              tokens[country.end + 1].lower == "s";
      if (country.kind == MentionKind::kName && country.type == EntityType::kCountry && !city.iso.empty() &&
          country.iso == city.iso && gap <= kCityCountryGap && !possessive) {
        out->push_back(Make(city, rule.name, country, 0.6, city.begin, rule));
      }
    }
    // "à Ziguinchor, en Casamance", "in Monterrey, in the northern state of Nuevo León".
    const size_t k = city.end;
    if (city.type == EntityType::kCity && k + 2 < tokens.size() && tokens[k].lower == "," &&
        (tokens[k + 1].lower == "en" || tokens[k + 1].lower == "in" || tokens[k + 1].lower == "au" ||
         tokens[k + 1].lower == "dans")) {
      const Mention* place = nullptr;
      for (const Mention& m : mentions) {
        if (m.begin < k + 2 || m.begin > k + 9 || m.kind != MentionKind::kName) continue;
        if (m.type == EntityType::kRegion || m.type == EntityType::kCountry) place = &m;
        break;
      }
      if (place != nullptr) out->push_back(Make(city, rule.name, *place, 0.6, city.begin, rule));
    }
    // "the Mexican state of Nuevo León", "la province canadienne de l'Ontario".
    if (city.type == EntityType::kRegion && city.begin >= 3 && IsOf(tokens[city.begin - 1].lower)) {
      for (const Mention& adj : mentions) {
        if (adj.kind == MentionKind::kAdjective && adj.type == EntityType::kCountry && adj.end + 3 >= city.begin &&
            adj.end < city.begin && (adj.end + 2 == city.begin || adj.begin + 3 >= city.begin - 1)) {
          out->push_back(Make(city, rule.name, adj, 0.6, city.begin, rule));
        }
      }
    }
  }
}

// "la start-up bordelaise Ondelia", "le nantais Datacolis", "Datacolis, éditeur nantais", "le groupe
// marseillais": a city adjective on an organisation says where it is based.
void CityAdjectiveRule(const SentenceView& s, const std::vector<Mention>& mentions, const Lexicon& lexicon,
                       const DocumentContext& ctx, std::vector<Candidate>* out) {
  const int hq = lexicon.PredicateIndex("headquartered_in");
  if (hq < 0) return;
  const PredicateRule& rule = lexicon.predicates[static_cast<size_t>(hq)];
  const auto& tokens = *s.tokens;
  for (const Mention& adj : mentions) {
    if (adj.kind != MentionKind::kAdjective || adj.type != EntityType::kCity || adj.begin == 0) continue;
    size_t k = adj.begin - 1;
    bool cue = lexicon.org_cue_nouns.count(tokens[k].lower) > 0;
    if (tokens[k].lower == "up" && k >= 2 && tokens[k - 1].lower == "-") {  // "start-up", three tokens
      k -= 2;
      cue = true;
    }
    const bool article = tokens[k].lower == "le" || tokens[k].lower == "la" || tokens[k].lower == "'";
    if (!cue && !article) continue;
    const Mention* subject = nullptr;
    size_t before = cue ? k : k + 1;  // where the phrase before the adjective starts
    while (before > 0 && IsArticle(tokens[before - 1].lower)) --before;
    const bool definite = before < k + 1 && (tokens[before].lower == "le" || tokens[before].lower == "la" ||
                                             tokens[before].lower == "l" || tokens[before].lower == "the");
    if (before > 0 && tokens[before - 1].lower == ",") {
      const Mention* m = EndingAt(mentions, before - 1);
      if (m != nullptr && m->type == EntityType::kOrganization) subject = m;
    }
    // The name right after the adjective, else the article's company for "le groupe marseillais", else a
    // name a few words on ("le spécialiste lyonnais du logiciel Nordalis").
    const Mention* next = nullptr;
    for (const Mention& m : mentions) {
      if (m.begin < adj.end || m.begin - adj.end > 6) continue;
      bool stopped = false;
      for (size_t t = adj.end; t < m.begin; ++t) stopped = stopped || EndsNounPhrase(tokens[t]);
      if (!stopped && m.type == EntityType::kOrganization && m.kind == MentionKind::kName) next = &m;
      break;
    }
    Mention fallback;
    if (subject == nullptr && next != nullptr && next->begin == adj.end) subject = next;
    if (subject == nullptr && cue && definite && !ctx.main_org.empty()) {
      fallback = MainOrg(ctx);
      subject = &fallback;
    }
    if (subject == nullptr) subject = next;
    if (subject != nullptr) out->push_back(Make(*subject, rule.name, adj, 0.6, adj.begin, rule));
  }
}

}  // namespace

// The name --explain gives the branch of ApplyTriggerRules that a trigger takes.
static std::string ModeName(TriggerMode mode, const PredicateRule& rule) {
  if (rule.name == "met_with") return "meeting";
  if (rule.name == "located_in") return "place-apposition";
  if (rule.name == "subsidiary_of") return "subsidiary";
  switch (mode) {
    case TriggerMode::kObjectFirst: return "object-first";
    case TriggerMode::kObjectBefore: return "object-before";
    case TriggerMode::kPair: return "pair";
    case TriggerMode::kReverse: return "reverse";
    case TriggerMode::kSvo: break;
  }
  return "svo";
}

TokenRange RangeOf(const Mention& m) {
  if (m.end <= m.begin) return {};
  return {m.begin, m.end};
}

std::vector<Candidate> ApplyTriggerRules(const SentenceView& s, std::vector<Mention>* mentions,
                                         const Lexicon& lexicon, const DocumentContext& ctx) {
  std::vector<Candidate> out;
  const auto& tokens = *s.tokens;
  auto table = lexicon.trigger_phrases.find(ctx.language);
  if (table == lexicon.trigger_phrases.end()) table = lexicon.trigger_phrases.find("");
  if (table != lexicon.trigger_phrases.end() && !mentions->empty()) {
    for (size_t i = 0; i < tokens.size();) {
      auto m = table->second.LongestAt(tokens, i);
      if (m.length == 0) {
        ++i;
        continue;
      }
      const size_t b = i, e = i + m.length;
      i = e;
      // "capital-investissement": the second part of a compound is not a trigger.
      if (b > 0 && tokens[b - 1].lower == "-" && !tokens[b - 1].space_before && !tokens[b].space_before) continue;
      // "Foreign Investment Review Board": a word of a name is not a trigger.
      bool in_name = false;
      for (const Mention& mention : *mentions) {
        in_name = in_name || (mention.kind == MentionKind::kName && mention.begin <= b && b < mention.end);
      }
      if (in_name) continue;
      const Trigger& trigger = lexicon.triggers[static_cast<size_t>(m.payload)];
      const PredicateRule& rule = lexicon.predicates[static_cast<size_t>(trigger.predicate)];
      const size_t first_new = out.size();
      if (rule.name == "met_with") {
        MeetingRule(s, *mentions, b, e, trigger, rule, &out);
      } else if (rule.name == "located_in") {
        PlaceAppositionRule(mentions, b, e, trigger, rule, &out);
      } else if (rule.name == "subsidiary_of") {
        SubsidiaryRule(s, *mentions, b, e, trigger, rule, lexicon, ctx, &out);
      } else if (trigger.mode == TriggerMode::kObjectFirst) {
        ObjectFirstRule(*mentions, b, e, trigger, rule, &out);
      } else if (trigger.mode == TriggerMode::kObjectBefore) {
        ObjectBeforeRule(mentions, b, e, s, trigger, rule, lexicon, ctx, &out);
      } else if (trigger.mode == TriggerMode::kPair) {
        PairRule(*mentions, b, e, trigger, rule, &out);
      } else {
        SvoRule(s, *mentions, b, e, trigger, rule, lexicon, ctx, &out);
      }
      // What this trigger proposed, whichever branch proposed it, is labelled for --explain.
      const std::string label = "trigger/" + ModeName(trigger.mode, rule);
      const std::string words(s.text.substr(tokens[b].span.begin, tokens[e - 1].span.end - tokens[b].span.begin));
      for (size_t x = first_new; x < out.size(); ++x) {
        out[x].rule = label;
        out[x].trigger = words;
      }
    }
  }
  size_t from = out.size();
  CityCountryRule(s, *mentions, lexicon, &out);
  for (; from < out.size(); ++from) out[from].rule = "city-country";
  CityAdjectiveRule(s, *mentions, lexicon, ctx, &out);
  for (; from < out.size(); ++from) out[from].rule = "city-adjective";
  return out;
}

}  // namespace kg::extract
