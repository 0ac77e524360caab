#include "extract_eval/scoring.h"

#include <algorithm>

#include <cmath>
#include <utility>

#include "resolve/entity_key.h"
#include "schema/predicate_vocabulary.h"

namespace kg::eval {
namespace {

struct KeyedFact {
  const Assertion* assertion;
  std::string subject;
  std::string object;
  bool symmetric = false;
};

// The entity's type is left out on purpose: types are not scored, and a prediction that types
// "Luxembourg" as a City must still meet a gold fact that leaves it untyped.
std::string KeyOf(const EntityRef& ref, const std::vector<EntityType>& allowed) {
  EntityRef untyped{ref.name, std::nullopt, "", ""};
  return resolve::KeyForName(untyped, allowed).key;
}

KeyedFact Keyed(const Assertion& a) {
  KeyedFact out{&a, "", "", false};
  const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(a.predicate);
  static const std::vector<EntityType> kAny;
  out.subject = KeyOf(a.subject, info ? info->domain : kAny);
  out.object = KeyOf(a.object, info ? info->range : kAny);
  out.symmetric = info && info->symmetric;
  return out;
}

bool KeysMatch(const KeyedFact& g, const KeyedFact& p) {
  if (g.assertion->predicate != p.assertion->predicate) return false;
  if (g.subject == p.subject && g.object == p.object) return true;
  return g.symmetric && g.subject == p.object && g.object == p.subject;
}

bool AmountsAgree(double gold, double predicted) {
  if (gold == 0) return predicted == 0;
  return std::fabs(predicted - gold) <= kAmountTolerance * std::fabs(gold);
}

// Each qualifier as compared/correct, in one place so that choosing a gold fact and tallying agree.
struct Agreement {
  bool amount_compared, amount_correct;
  bool currency_compared, currency_correct;
  bool date_compared, date_correct;

  int Score() const { return amount_correct + currency_correct + date_correct; }
};

Agreement Compare(const Assertion& g, const Assertion& p) {
  Agreement a{};
  a.amount_compared = g.amount.has_value() || p.amount.has_value();
  a.amount_correct = g.amount && p.amount && AmountsAgree(*g.amount, *p.amount);
  a.currency_compared = !g.currency.empty() || !p.currency.empty();
  a.currency_correct = !g.currency.empty() && g.currency == p.currency;
  a.date_compared = !g.date.empty() || !p.date.empty();
  a.date_correct = !g.date.empty() && g.date == p.date;
  return a;
}

void Tally(QualifierTally& tally, bool compared, bool correct) {
  tally.compared += compared;
  tally.correct += correct;
}

double Ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

}  // namespace

double Counts::Precision() const { return Ratio(tp, tp + fp); }
double Counts::Recall() const { return Ratio(tp, tp + fn); }
double Counts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Counts& Counts::operator+=(const Counts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

bool TriplesMatch(const Assertion& g, const Assertion& p) { return KeysMatch(Keyed(g), Keyed(p)); }

void Scorer::AddArticle(const std::string& article, const std::vector<Assertion>& gold,
                        const std::vector<Assertion>& predicted) {
  std::vector<KeyedFact> gold_keys;
  for (const Assertion& g : gold) gold_keys.push_back(Keyed(g));
  std::vector<bool> taken(gold.size(), false);

  ArticleScore score{article, static_cast<int>(gold.size()), 0, {}};
  std::vector<KeyedFact> seen;  // triples already predicted
  for (const Assertion& p : predicted) {
    const KeyedFact pk = Keyed(p);
    const bool repeated = std::any_of(seen.begin(), seen.end(), [&](const KeyedFact& k) { return KeysMatch(k, pk); });
    int best = -1;
    int best_score = -1;
    for (size_t i = 0; i < gold_keys.size(); ++i) {
      if (taken[i] || !KeysMatch(gold_keys[i], pk)) continue;
      const int s = Compare(gold[i], p).Score();
      if (s > best_score) {
        best = static_cast<int>(i);
        best_score = s;
      }
    }
    if (best < 0 && repeated) continue;  // another version of a triple already scored: neither right nor wrong
    if (!repeated) seen.push_back(pk);
    ++score.predicted;
    Counts& per_predicate = report_.by_predicate[p.predicate];
    if (best < 0) {
      ++per_predicate.fp;
      ++score.counts.fp;
      continue;
    }
    taken[best] = true;
    ++per_predicate.tp;
    ++score.counts.tp;
    const Agreement a = Compare(gold[best], p);
    Tally(report_.amount, a.amount_compared, a.amount_correct);
    Tally(report_.currency, a.currency_compared, a.currency_correct);
    Tally(report_.date, a.date_compared, a.date_correct);
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (taken[i]) continue;
    ++report_.by_predicate[gold[i].predicate].fn;
    ++score.counts.fn;
  }
  report_.overall += score.counts;
  report_.articles.push_back(std::move(score));
}

}  // namespace kg::eval
