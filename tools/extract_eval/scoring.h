// Scores an extractor's facts against a gold standard, one article at a time.
//
// A predicted fact matches a gold fact when the predicates are equal and the subject and object resolve
// to the same key (resolve::KeyForName with the predicate's domain and range, so "Espagne" matches
// "Spain" and "Microsoft Corp." matches "Microsoft"). Symmetric predicates match in either direction.
// Each gold fact is matched at most once, by the prediction whose qualifiers agree best. An extractor may
// report one triple several times with other qualifiers (two investments in one country): a repeat that
// finds no gold fact left is ignored, neither right nor wrong, and any other unmatched prediction is a
// false positive. Amount, currency and date do not decide a match; they are tallied separately on the
// matched pairs.
//
// Scorer accumulates counts over any number of articles. It is a plain value, not thread-safe.
#ifndef KG_TOOLS_EXTRACT_EVAL_SCORING_H_
#define KG_TOOLS_EXTRACT_EVAL_SCORING_H_

#include <map>
#include <string>
#include <vector>

#include "kg/model.h"

namespace kg::eval {

// True positives, false positives and false negatives, with the ratios derived from them. A ratio
// whose denominator is zero is reported as 0.
struct Counts {
  int tp = 0;
  int fp = 0;
  int fn = 0;

  double Precision() const;
  double Recall() const;
  double F1() const;
  Counts& operator+=(const Counts& other);
};

// How often a qualifier agrees on matched pairs. `compared` counts the pairs where the gold fact or the
// prediction states the qualifier; `correct` those where both state it and agree.
struct QualifierTally {
  int compared = 0;
  int correct = 0;

  double Accuracy() const { return compared == 0 ? 0.0 : static_cast<double>(correct) / compared; }
};

struct ArticleScore {
  std::string article;
  int gold = 0;
  int predicted = 0;
  Counts counts;
};

struct Report {
  std::map<std::string, Counts> by_predicate;  // every predicate seen in gold or predictions
  Counts overall;                              // micro-average: the sum over predicates
  QualifierTally amount;                       // within kAmountTolerance of the gold amount
  QualifierTally currency;
  QualifierTally date;
  std::vector<ArticleScore> articles;          // in the order they were scored
};

// Relative difference under which two amounts are the same: 1%.
inline constexpr double kAmountTolerance = 0.01;

// Whether predicted fact `p` names the same triple as gold fact `g` under the rules above.
bool TriplesMatch(const Assertion& g, const Assertion& p);

class Scorer {
 public:
  // Matches `predicted` against `gold` for one article and adds the outcome to the report, including a
  // per-article line named `article`. Predictions are taken in order; each takes the unmatched gold
  // fact with the same triple whose qualifiers agree best.
  void AddArticle(const std::string& article, const std::vector<Assertion>& gold,
                  const std::vector<Assertion>& predicted);

  const Report& report() const { return report_; }

 private:
  Report report_;
};

}  // namespace kg::eval

#endif  // KG_TOOLS_EXTRACT_EVAL_SCORING_H_
