#include "extract/place_rules.h"

#include <algorithm>
#include <optional>
#include <string>

#include "extract/mention_search.h"
#include "text/name_normalizer.h"
#include "text/place_gazetteer.h"

namespace kg::extract {
namespace {

constexpr double kContainmentConfidence = 0.65;
// How many words may part a city from the region the gazetteer puts it in, for the two to be read as one
// place inside the other.
constexpr size_t kParentGap = 6;

bool IsPlace(EntityType t) {
  return t == EntityType::kCity || t == EntityType::kRegion || t == EntityType::kCountry;
}

bool IsConjunction(const std::string& w) {
  return w == "et" || w == "and" || w == "y" || w == "und" || w == "ou" || w == "or" || w == "e" || w == "&";
}

// Words naming a kind of region: what follows them ("of Texas", "Waadt") is a region.
bool IsRegionWord(const std::string& w) {
  static const char* const kWords[] = {"kanton", "canton", "bundesstaat", "bundesland", "state", "province",
                                       "provincia", "département", "department", "région", "region", "county",
                                       "comté", "comunidad", "estado", "landkreis", "kreis", "oblast", "état",
                                       "territory", "territoire", "prefecture", "préfecture", "district"};
  for (const char* r : kWords) {
    if (w == r) return true;
  }
  return false;
}

// Words that place a region within its country: "the southern state of", "la région nord de".
bool IsDirectionWord(const std::string& w) {
  static const char* const kWords[] = {"northern", "southern", "eastern", "western", "central", "north", "south",
                                       "east", "west", "northeastern", "northwestern", "southeastern",
                                       "southwestern", "nord", "sud", "est", "ouest", "norte", "sur", "este",
                                       "oeste", "nördlichen", "südlichen", "östlichen", "westlichen", "neighbouring",
                                       "neighboring", "voisine", "voisin", "vecina", "vecino", "benachbarten"};
  for (const char* d : kWords) {
    if (w == d) return true;
  }
  return false;
}

bool IsPreposition(const std::string& w) {
  return w == "im" || w == "in" || w == "dans" || w == "en" || w == "au" || w == "aux";
}

bool IsFiller(const std::string& w) {
  return w == "the" || w == "le" || w == "la" || w == "l" || w == "'" || w == "of" || w == "de" || w == "du" ||
         w == "des" || w == "d" || w == "del" || w == "der" || w == "des" || w == "von" || w == "el";
}

// The canonical name of a region of the gazetteer called `name` ("Georgia" the US state, "Barcelona" the
// province), when there is one.
std::optional<std::string> RegionNamed(const std::string& name) {
  const auto* places = text::PlaceGazetteer::Instance().Find(text::NormalizeName(name));
  if (places == nullptr) return std::nullopt;
  for (const text::GazetteerPlace& p : *places) {
    if (p.is_region) return p.name;
  }
  return std::nullopt;
}

// The region the gazetteer puts city `m` in ("Chennai" -> "Tamil Nadu"), or "".
std::string GazetteerParent(const Mention& m) {
  const auto* places = text::PlaceGazetteer::Instance().Find(text::NormalizeName(m.name));
  if (places == nullptr) return "";
  for (const text::GazetteerPlace& p : *places) {
    if (!p.is_region && p.name == m.name && (m.iso.empty() || p.country_iso == m.iso)) return p.parent;
  }
  return "";
}

// The region named after a region word at tokens[k] ("state of Georgia", "Kanton Waadt"), or null.
Mention* RegionAfterWord(const std::vector<ScanToken>& tokens, std::vector<Mention>* mentions, size_t k) {
  // "the southern state of", "la province voisine de": up to two describing words before the region word.
  for (size_t skipped = 0; skipped < 2 && k + 1 < tokens.size() && !IsRegionWord(tokens[k].lower) &&
                           tokens[k].kind == ScanKind::kWord && IsDirectionWord(tokens[k].lower);
       ++skipped) {
    ++k;
  }
  if (k >= tokens.size() || !IsRegionWord(tokens[k].lower)) return nullptr;
  size_t j = k + 1;
  while (j < tokens.size() && j - k <= 3 && IsFiller(tokens[j].lower)) ++j;
  Mention* r = NameStartingAt(mentions, j);
  if (r == nullptr || r->type == EntityType::kPerson) return nullptr;
  // "the state of Georgia": a region word makes a region of a name that is also a country's.
  if (r->type == EntityType::kCountry || r->type == EntityType::kCity) {
    if (auto region = RegionNamed(r->name)) {
      r->name = *region;
      r->type = EntityType::kRegion;
      return r;
    }
    if (r->type == EntityType::kCountry) return nullptr;
  }
  if (!r->firm || r->type == EntityType::kOrganization) {
    r->type = EntityType::kRegion;
    r->firm = true;
  }
  return r;
}

// A name typed an organisation only by default becomes a city when a pattern shows it is a place.
bool AsPlace(Mention* m) {
  if (m->kind != MentionKind::kName) return false;
  if (IsPlace(m->type)) return true;
  if (m->type == EntityType::kOrganization && !m->firm) {
    m->type = EntityType::kCity;
    return true;
  }
  return false;
}

Candidate Located(const Mention& inner, const Mention& outer, const std::vector<ScanToken>& tokens,
                  const SentenceView& s, const char* rule) {
  Candidate c;
  c.subject = inner.name;
  c.subject_type = inner.type;
  c.predicate = "located_in";
  c.object = outer.name;
  c.object_type = outer.type;
  c.confidence = kContainmentConfidence;
  c.anchor = inner.begin;
  c.object_end = outer.end;
  c.subject_tokens = RangeOf(inner);
  c.object_tokens = RangeOf(outer);
  c.rule = rule;
  // The words between the two places, whichever comes first; none when they touch or one ends the sentence.
  const size_t lo = std::min(inner.end, outer.end);
  const size_t hi = std::max(inner.begin, outer.begin);
  if (lo < hi && hi < tokens.size()) {
    c.trigger = std::string(s.text.substr(tokens[lo].span.begin, tokens[hi].span.begin - tokens[lo].span.begin));
  }
  return c;
}

}  // namespace

void ApplyContainmentRules(const SentenceView& s, std::vector<Mention>* mentions, const Lexicon& lexicon,
                           std::vector<Candidate>* out) {
  const auto& tokens = *s.tokens;
  const size_t n = tokens.size();
  (void)lexicon;
  for (size_t i = 0; i < mentions->size(); ++i) {
    Mention& inner = (*mentions)[i];
    if (inner.kind != MentionKind::kName || inner.type == EntityType::kPerson || inner.type == EntityType::kCountry) {
      continue;
    }
    const size_t k = inner.end;
    if (k >= n) continue;
    // "Grigny (Essonne)", "Nashville (aux États-Unis)".
    if (k + 2 < n && tokens[k].lower == "(") {
      size_t first = k + 1;
      while (first < n && first < k + 4 && (IsFiller(tokens[first].lower) || IsPreposition(tokens[first].lower))) ++first;
      Mention* outer = NameStartingAt(mentions, first);
      // "Martorell (Barcelona)": a city in parentheses after a place stands for its province when the
      // gazetteer has one of that name, else for itself ("Landaben (Pamplona)").
      if (outer != nullptr && outer->type == EntityType::kCity && outer->end < n && tokens[outer->end].lower == ")") {
        if (auto region = RegionNamed(outer->name)) {
          outer->name = *region;
          outer->type = EntityType::kRegion;
        }
      }
      // "Vasant (Vas)": a short form of the name in parentheses is a nickname, whatever place it spells.
      const bool short_form = outer != nullptr && text::NormalizeName(inner.name).rfind(text::NormalizeName(outer->name), 0) == 0;
      if (outer != nullptr && !short_form && outer->end < n && tokens[outer->end].lower == ")" && outer->firm &&
          IsPlace(outer->type) && AsPlace(&inner) && inner.type != EntityType::kCountry) {
        out->push_back(Located(inner, *outer, tokens, s, "place-parenthesis"));
        continue;
      }
    }
    // "Abingdon, Oxfordshire", unless the two are items of a list.
    if (k + 1 < n && tokens[k].lower == ",") {
      Mention* outer = NameStartingAt(mentions, k + 1);
      const bool listed_before = inner.begin > 0 && (tokens[inner.begin - 1].lower == "," ||
                                                     IsConjunction(tokens[inner.begin - 1].lower));
      const bool listed_after = outer != nullptr && outer->end < n &&
                                (IsConjunction(tokens[outer->end].lower) ||
                                 (tokens[outer->end].lower == "," && outer->end + 1 < n &&
                                  NameStartingAt(mentions, outer->end + 1) != nullptr));
      if (outer != nullptr && outer->firm && !listed_before && !listed_after &&
          (outer->type == EntityType::kRegion || outer->type == EntityType::kCountry) &&
          (inner.type == EntityType::kCity || inner.type == EntityType::kRegion) && inner.name != outer->name) {
        out->push_back(Located(inner, *outer, tokens, s, "place-comma"));
        continue;
      }
    }
    // "Aubonne im Kanton Waadt", "Baytown in the state of Texas", "Jonage, dans le département du Rhône".
    size_t j = k;
    const bool comma = j < n && tokens[j].lower == ",";
    if (comma) ++j;
    if (j < n && IsPreposition(tokens[j].lower)) {
      ++j;
      while (j < n && IsFiller(tokens[j].lower)) ++j;
      if (Mention* outer = RegionAfterWord(tokens, mentions, j); outer != nullptr && AsPlace(&inner)) {
        out->push_back(Located(inner, *outer, tokens, s, "place-region-word"));
        continue;
      }
      // "Roches-Roussillon, en Isère", "Barh in Bihar", "Veszprém in Ungarn": a place, then a preposition
      // and a known region or country. Without the comma the first must already be a place, so that
      // "opened in 2020 in Texas" or "Siemens in Bavaria" read nothing.
      Mention* outer = NameStartingAt(mentions, j);
      const bool inner_place = inner.type == EntityType::kCity || inner.type == EntityType::kRegion;
      if (outer != nullptr && outer->firm && (outer->type == EntityType::kRegion || outer->type == EntityType::kCountry) &&
          outer->name != inner.name && (inner_place || (comma && inner.type == EntityType::kOrganization && !inner.firm)) &&
          !(inner.type == EntityType::kRegion && outer->type == EntityType::kRegion) && AsPlace(&inner)) {
        out->push_back(Located(inner, *outer, tokens, s, comma ? "place-comma-preposition" : "place-preposition"));
      }
    }
  }
  // "a plant in Chennai … Tamil Nadu": a city and, close by, the region the gazetteer puts it in.
  for (const Mention& city : *mentions) {
    if (city.kind != MentionKind::kName || city.type != EntityType::kCity) continue;
    const std::string parent = GazetteerParent(city);
    if (parent.empty()) continue;
    for (const Mention& region : *mentions) {
      const size_t gap = region.begin >= city.end ? region.begin - city.end : city.begin - std::min(city.begin, region.end);
      if (region.kind == MentionKind::kName && region.type == EntityType::kRegion && region.name == parent &&
          gap <= kParentGap) {
        out->push_back(Located(city, region, tokens, s, "place-gazetteer-parent"));
      }
    }
  }
  // "the U.S. state of Georgia", "l'État américain de Géorgie".
  for (size_t i = 0; i < mentions->size(); ++i) {
    const Mention country = (*mentions)[i];
    if (country.type != EntityType::kCountry) continue;
    size_t k = country.end;
    Mention* region = RegionAfterWord(tokens, mentions, k);
    if (region == nullptr && country.begin > 0 && IsRegionWord(tokens[country.begin - 1].lower)) {
      // French order: "l'État américain de Géorgie".
      k = country.end;
      while (k < n && IsFiller(tokens[k].lower)) ++k;
      region = NameStartingAt(mentions, k);
      if (region != nullptr && !AsPlace(region)) region = nullptr;
    }
    if (region != nullptr && region->name != country.name) {
      out->push_back(Located(*region, country, tokens, s, "place-country-region"));
    }
  }
}

const Mention* NarrowerPlace(const SentenceView& s, const std::vector<Mention>& mentions, const Mention& country) {
  const auto& tokens = *s.tokens;
  size_t k = country.end;
  if (k >= tokens.size() || !IsRegionWord(tokens[k].lower)) return nullptr;
  ++k;
  while (k < tokens.size() && country.end + 4 > k && IsFiller(tokens[k].lower)) ++k;
  for (const Mention& m : mentions) {
    if (m.begin == k && m.kind == MentionKind::kName && m.type != EntityType::kPerson) return &m;
  }
  return nullptr;
}

void PreferInnerPlaces(std::vector<Candidate>* candidates) {
  std::vector<const Candidate*> containments;
  for (const Candidate& c : *candidates) {
    if (c.predicate == "located_in" && c.rejected.empty() && c.subject_type == EntityType::kCity) {
      containments.push_back(&c);
    }
  }
  if (containments.empty()) return;
  std::vector<Candidate> moved;
  for (Candidate& site : *candidates) {
    if (site.predicate != "opens_facility_in" || !site.rejected.empty()) continue;
    for (const Candidate* inner : containments) {
      if (inner->object != site.object) continue;
      const bool already = std::any_of(candidates->begin(), candidates->end(), [&](const Candidate& other) {
        return other.predicate == site.predicate && other.subject == site.subject && other.object == inner->subject;
      });
      if (already) {
        site.rejected = "a more specific place of the sentence (" + inner->subject + ") holds the site";
      } else {
        site.object = inner->subject;
        site.object_type = inner->subject_type;
        site.object_tokens = inner->subject_tokens;
      }
      break;
    }
  }
}

}  // namespace kg::extract
