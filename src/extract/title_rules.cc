#include "extract/title_rules.h"

#include "extract/mention_search.h"
#include "extract/name_shapes.h"
#include "text/name_normalizer.h"

namespace kg::extract {
namespace {

// "Jan Berg ist neuer Vorstandschef", "X is the new chief executive", "X devient PDG": the name before a
// copula and at most two words before the title at tokens[b].
const Mention* CopulaSubject(const std::vector<ScanToken>& tokens, const std::vector<Mention>& mentions, size_t b) {
  static const char* const kCopulas[] = {"ist", "wird", "is", "becomes", "became", "est", "devient", "sera", "es",
                                         "será", "fue", "was", "wurde"};
  for (size_t k = b; k > 0 && b - k <= 2; --k) {
    bool copula = false;
    for (const char* c : kCopulas) copula = copula || tokens[k - 1].lower == c;
    if (!copula) continue;
    const Mention* m = EndingAt(mentions, k - 1);
    if (m != nullptr && m->kind == MentionKind::kName &&
        (m->type == EntityType::kPerson || (m->type == EntityType::kOrganization && !m->firm))) {
      return m;
    }
    return nullptr;
  }
  return nullptr;
}

// The word that ends a role ("ancien", "former", "bisherige", "jusqu'ici") among the few words before
// tokens[b], or "".
std::string FormerWord(const std::vector<ScanToken>& tokens, size_t b, const Lexicon& lexicon) {
  for (size_t k = b; k > 0 && b - k < 4; --k) {
    const std::string& w = tokens[k - 1].lower;
    if (w == "," || w == ";" || w == ".") return "";
    if (lexicon.former_markers.count(w)) return w;
  }
  return "";
}

bool FormerRole(const std::vector<ScanToken>& tokens, size_t b, const Lexicon& lexicon) {
  return !FormerWord(tokens, b, lexicon).empty();
}

// Where the name starts after a description of it: "of [minerals giant] BHP", "de [l'équipementier] X",
// "of [the $10 trillion investment juggernaut] BlackRock". Returns `k` itself when no name follows a
// description that ends in an organisation noun.
size_t SkipDescription(const std::vector<ScanToken>& tokens, const std::vector<Mention>& mentions, size_t k,
                       const Lexicon& lexicon) {
  bool noun = false;
  for (size_t j = k; j < tokens.size() && j - k < 8; ++j) {
    if (const Mention* m = StartingAt(mentions, j); m != nullptr && m->kind != MentionKind::kAdjective) {
      return noun ? j : k;
    }
    const ScanToken& t = tokens[j];
    if (lexicon.org_cue_nouns.count(t.lower)) {
      noun = true;
    } else if (t.kind == ScanKind::kOther && t.lower != "'" && t.lower != "-" && t.lower != "$" && t.lower != "€" &&
               t.lower != "£" && t.lower != "." ) {
      return k;
    } else if (EndsNounPhrase(t)) {
      return k;
    }
  }
  return k;
}

// The words after "chief" in titles that are not the chief executive's.
// "as", "comme", "como", "als", "zum": the word that puts a title on someone just appointed.
bool IsAs(const std::string& w) {
  return w == "as" || w == "comme" || w == "como" || w == "als" || w == "zum" || w == "zur";
}

bool IsOtherChief(const std::string& w) {
  static const char* const kWords[] = {"financial", "operating", "technology", "technical", "investment",
                                       "information", "marketing", "digital", "commercial", "people", "legal",
                                       "risk", "strategy", "strategic", "product", "economist", "scientist",
                                       "medical", "sustainability", "communications", "human", "data",
                                       "security", "revenue", "growth", "customer", "creative", "content",
                                       "compliance", "accounting", "innovation", "engineer", "architect",
                                       "administrative", "nursing", "diversity", "brand", "business"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// "Ohio governor Dana Whitfield", "X, porte-parole du groupe": the name right after the title (past a
// comma) or right before it (before a comma) is a person, so no rule takes it for a company.
void MarkPersonNextTo(const SentenceView& s, const TitleMatch& title, std::vector<Mention>* mentions,
                      DocumentContext* ctx) {
  const auto& tokens = *s.tokens;
  size_t k = title.end;
  if (k < tokens.size() && tokens[k].lower == ",") ++k;
  Mention* person = nullptr;
  for (Mention& m : *mentions) {
    if (m.begin == k && m.kind == MentionKind::kName) person = &m;
  }
  if (person == nullptr && title.begin >= 2 && tokens[title.begin - 1].lower == ",") {
    size_t b = title.begin - 1;
    for (Mention& m : *mentions) {
      if (m.end == b && m.kind == MentionKind::kName) person = &m;
    }
  }
  if (person == nullptr || person->firm || person->type != EntityType::kOrganization) return;
  person->type = EntityType::kPerson;
  person->firm = true;
  if (ctx->main_org == person->name) ctx->main_org.clear();
  RegisterName(EntityType::kPerson, person->name, ctx);
  ctx->last_person = person->name;
}

}  // namespace

std::vector<TitleMatch> FindTitles(const std::vector<ScanToken>& tokens, const Lexicon& lexicon,
                                   const std::string& language, std::vector<bool>* blocked) {
  std::vector<TitleMatch> titles;
  blocked->assign(tokens.size(), false);
  auto table = lexicon.titles.find(language);
  if (table == lexicon.titles.end()) table = lexicon.titles.find("");
  if (table == lexicon.titles.end()) return titles;
  for (size_t i = 0; i < tokens.size();) {
    auto m = table->second.LongestAt(tokens, i);
    if (m.length == 0) {
      ++i;
      continue;
    }
    // A bare "chief" heads other titles too ("chief financial officer", "chief technology officer").
    if (m.length == 1 && tokens[i].lower == "chief" && i + 1 < tokens.size() && IsOtherChief(tokens[i + 1].lower)) {
      i += 2;
      continue;
    }
    titles.push_back({i, i + m.length, m.payload});
    for (size_t k = i; k < i + m.length; ++k) (*blocked)[k] = true;
    i += m.length;
  }
  return titles;
}

std::vector<Candidate> ApplyTitleRules(const SentenceView& s, const std::vector<TitleMatch>& titles,
                                       std::vector<Mention>* mentions, const Lexicon& lexicon,
                                       DocumentContext* ctx) {
  std::vector<Candidate> out;
  const auto& tokens = *s.tokens;
  const size_t n = tokens.size();
  Mention previous_target;  // the last title's target, for "Redgum's managing director and chief executive"
  size_t previous_end = 0;
  for (size_t t = 0; t < titles.size(); ++t) {
    const TitleMatch& title = titles[t];
    if (title.predicate == kPersonOnlyTitle) {
      MarkPersonNextTo(s, title, mentions, ctx);
      previous_end = title.end;
      continue;
    }
    const PredicateRule& rule = lexicon.predicates[static_cast<size_t>(title.predicate)];
    const bool coordinated = previous_end > 0 && previous_end + 1 == title.begin &&
                             (tokens[previous_end].lower == "and" || tokens[previous_end].lower == "et");
    // "managing director and chief executive, Fiona Hartley": the person follows the second title.
    const bool next_coordinated = t + 1 < titles.size() && titles[t + 1].begin >= 1 &&
                                  (tokens[titles[t + 1].begin - 1].lower == "and" || tokens[titles[t + 1].begin - 1].lower == "et");
    previous_end = title.end;
    // "Fabrikam-Chef", "Litware-Chef": the organisation as the first part of a compound title.
    const Mention* compound_org = nullptr;
    if (title.begin >= 2 && tokens[title.begin - 1].lower == "-" && !tokens[title.begin - 1].space_before &&
        !tokens[title.begin].space_before) {
      const Mention* m = EndingAt(*mentions, title.begin - 1);
      if (m != nullptr && m->kind == MentionKind::kName && m->type == EntityType::kOrganization) compound_org = m;
    }
    std::string rejected;
    const std::string& before_title = title.begin > 0 ? tokens[title.begin - 1].lower : std::string();
    if ((before_title == "-" && compound_org == nullptr) || before_title == "vice" || before_title == "deputy" ||
        before_title == "adjoint" || before_title == "stellvertretende" || before_title == "stellvertretender") {
      rejected = "a deputy's title (vice-, or a hyphenated prefix)";
    } else if (FormerRole(tokens, compound_org != nullptr ? compound_org->begin : title.begin, lexicon)) {
      rejected = "a former role (\"" + FormerWord(tokens, compound_org != nullptr ? compound_org->begin : title.begin, lexicon) + "\")";
    }
    const Mention* target = nullptr;
    Mention fallback;
    double confidence = 0.8;
    size_t after = title.end;
    size_t before = title.begin;
    // After the title: an adjective ("chancelier allemand"), or "de X", "of the company".
    if (const Mention* m = StartingAt(*mentions, after); m != nullptr && m->kind == MentionKind::kAdjective) {
      target = m;
      after = m->end;
    } else if (after < n && IsOf(tokens[after].lower)) {
      size_t k = after + 1;
      while (k < n && IsArticle(tokens[k].lower)) ++k;
      k = SkipDescription(tokens, *mentions, k, lexicon);
      if (const Mention* m2 = StartingAt(*mentions, k)) {
        target = m2;
        after = m2->end;
      } else if (k < n && !ctx->main_org.empty() &&
                 (lexicon.org_cue_nouns.count(tokens[k].lower) || tokens[k].lower == "company" ||
                  tokens[k].lower == "group" || tokens[k].lower == "firm")) {
        fallback = MainOrg(*ctx);
        target = &fallback;
        after = k + 1;
      }
    }
    if (target == nullptr && coordinated && !previous_target.name.empty()) target = &previous_target;
    // Before it: "the Indian prime minister", "Kestrel's chief executive", "son président".
    if (target == nullptr) {
      // "Nvidia chief executive Jensen Huang" names the organisation right before the title.
      if (compound_org != nullptr) {
        target = compound_org;
        before = compound_org->begin;
      } else if (const Mention* m = EndingAt(*mentions, title.begin);
                 m != nullptr && (m->kind == MentionKind::kAdjective ||
                                  (m->kind == MentionKind::kName && (m->type == EntityType::kOrganization ||
                                                                     m->type == EntityType::kCountry)))) {
        // A country right before the title: the German genitive ("Ungarns Premier").
        target = m;
        before = m->begin;
      } else if (title.begin >= 2 && tokens[title.begin - 1].lower == "s" && tokens[title.begin - 2].lower == "'") {
        if (const Mention* m2 = EndingAt(*mentions, title.begin - 2)) {
          target = m2;
          before = m2->begin;
        }
      } else if (title.begin >= 1 && lexicon.possessives.count(tokens[title.begin - 1].lower)) {
        const std::vector<EntityType> org{EntityType::kOrganization};
        if (const Mention* m3 = NearestLeft(*mentions, title.begin, org)) {
          target = m3;
        } else if (!ctx->last_org.empty()) {
          fallback = MainOrg(*ctx);
          fallback.name = ctx->last_org;
          target = &fallback;
        }
      }
    }
    // A bare title ("le président Marc Roy") is the article's company's only while that company is the
    // topic: it was the last organisation named and this sentence names no other.
    bool other_org = false;
    for (const Mention& m : *mentions) {
      other_org = other_org || (m.type == EntityType::kOrganization && m.firm && m.kind == MentionKind::kName);
    }
    if (target == nullptr && !ctx->main_org.empty() && (ctx->last_org == ctx->main_org || ctx->last_org.empty()) &&
        !other_org &&
        Allows(rule.object_types, EntityType::kOrganization)) {
      fallback = MainOrg(*ctx);
      target = &fallback;
      confidence *= kDefaultSubjectFactor;
    }
    bool has_target = target != nullptr && Allows(rule.object_types, target->type);
    // "Litware boss X": what a title is held at is an organisation, whatever typed it before.
    if (has_target && target->type == EntityType::kOrganization && target->kind == MentionKind::kName) {
      for (Mention& m : *mentions) {
        if (m.begin == target->begin && m.end == target->end) m.firm = true;
      }
    }
    previous_target = target != nullptr ? *target : Mention{};

    // The person: right after ("…, Pedro Sánchez"), else just before ("Marc Lefebvre, PDG de …").
    Mention* person = nullptr;
    auto may_be_person = [](const Mention* m) {
      return m != nullptr && m->kind == MentionKind::kName &&
             (m->type == EntityType::kPerson || (!m->firm && m->type == EntityType::kOrganization));
    };
    size_t k = after;
    if (next_coordinated && titles[t + 1].begin == after + 1) k = titles[t + 1].end;
    if (k < n && tokens[k].lower == ",") ++k;
    if (k < n && tokens[k].lower == "a" && ctx->language == "es") ++k;  // "designó consejero delegado a X"
    // "Bundeskanzlerin Dr. Angela Merkel": the honorific before the name.
    k = SkipHonorifics(tokens, k, n, lexicon);
    const Mention* right = StartingAt(*mentions, k);
    if (may_be_person(right)) {
      person = const_cast<Mention*>(right);
    } else {
      size_t b = before;
      while (b > 0 && (IsArticle(tokens[b - 1].lower) || lexicon.possessives.count(tokens[b - 1].lower))) --b;
      if (b > 1 && tokens[b - 1].lower == ",") {
        const Mention* left = EndingAt(*mentions, b - 1);
        if (may_be_person(left)) person = const_cast<Mention*>(left);
      }
    }
    if (person == nullptr) person = const_cast<Mention*>(CopulaSubject(tokens, *mentions, before));
    // "Litware appointed Dana Whitfield as chief executive": the person before "as", the company that
    // appointed them before that.
    if (person == nullptr && title.begin >= 2 && IsAs(tokens[title.begin - 1].lower)) {
      Mention* named = NameEndingAt(mentions, title.begin - 1);
      if (named != nullptr && (named->type == EntityType::kPerson || !named->firm)) {
        person = named;
        if (target == nullptr) {
          const std::vector<EntityType> org{EntityType::kOrganization};
          if (const Mention* appointer = NearestLeft(*mentions, named->begin, org)) {
            target = appointer;
          }
        }
      }
    }
    // "President Jan Novak's drive", first in an article: the name was taken for the article's company
    // before its title showed a person; the company by default is then no company at all.
    if (target == &fallback && person != nullptr && person->name == fallback.name) target = nullptr;
    has_target = target != nullptr && Allows(rule.object_types, target->type);
    if (person == nullptr || (has_target && person->name == target->name)) continue;
    // A name next to a title is a person even when the title's organisation or country is unknown, and so
    // not the article's company (a prime minister named first, before any firm).
    if (ctx->main_org == person->name) ctx->main_org.clear();
    if (ctx->last_org == person->name) ctx->last_org.clear();
    person->type = EntityType::kPerson;
    person->firm = true;
    ctx->names.insert_or_assign(text::NormalizeName(person->name), KnownName{EntityType::kPerson, person->name});
    RegisterName(EntityType::kPerson, person->name, ctx);
    ctx->last_person = person->name;
    if (!has_target) continue;
    if (rejected.empty() && target->type == EntityType::kOrganization && rule.name != "head_of_government_of") {
      ctx->last_business_person = person->name;
    }
    // "la presidenta mexicana, X": a president of a country heads its state (guidelines: president_of is
    // for organisations).
    const std::string predicate =
        rule.name == "president_of" && target->type == EntityType::kCountry ? "head_of_government_of" : rule.name;
    Candidate c;
    c.subject = person->name;
    c.subject_type = EntityType::kPerson;
    c.predicate = predicate;
    c.object = target->name;
    c.object_type = target->type;
    c.confidence = confidence;
    c.anchor = title.begin;
    c.object_end = title.end;
    c.rule = "title";
    c.trigger = std::string(s.text.substr(tokens[title.begin].span.begin,
                                          tokens[title.end - 1].span.end - tokens[title.begin].span.begin));
    c.subject_tokens = RangeOf(*person);
    c.object_tokens = RangeOf(*target);
    c.rejected = rejected;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kg::extract
