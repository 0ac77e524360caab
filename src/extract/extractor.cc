#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <tuple>

#include "extract/amount_parser.h"
#include "extract/article_text.h"
#include "extract/date_parser.h"
#include "extract/document_context.h"
#include "extract/entity_finder.h"
#include "extract/language_detector.h"
#include "extract/lexicon.h"
#include "extract/nationality_rule.h"
#include "extract/place_rules.h"
#include "extract/relation_rules.h"
#include "extract/title_rules.h"
#include "extract/segmenter.h"
#include "schema/predicate_vocabulary.h"
#include "text/name_normalizer.h"

namespace kg::extract {
namespace {

// The schema's limit on evidence.text, in code points.
constexpr size_t kMaxSentenceChars = 10000;
// The schema's limit on source.title, in bytes here (a shorter cut is always within it).
constexpr size_t kMaxTitleBytes = 1000;
// How many words before a trigger (and, times four, after its object) an amount may stand.
constexpr size_t kAmountSlack = 3;
// How many tokens before a trigger its amount may start: "40 millions d'euros pour racheter" has six.
constexpr size_t kAmountSlackBefore = 8;

struct SentenceData {
  Sentence sentence;
  std::vector<ScanToken> tokens;
};

// The amounts of one sentence (found before its names, which they must not be) and its dates, computed
// when a fact first needs them.
struct Qualifiers {
  bool done = false;  // dates found
  std::vector<Amount> amounts;
  std::vector<DateMention> dates;
};

// Where the dateline of a sentence like "Madrid, 20 February 2024 – Quorvia will…" ends (at the dash
// that closes it), or 0 when the sentence has none: a short lead-in closed by an en or em dash.
constexpr std::string_view kSentenceEnds[] = {".", "!", "?", "\u00bb", "\"", "\u201d"};

size_t DatelineEnd(std::string_view sentence) {
  constexpr size_t kMaxDatelineBytes = 80;
  for (std::string_view dash : {"\u2013", "\u2014"}) {
    const size_t at = sentence.find(dash);
    if (at != std::string_view::npos && at <= kMaxDatelineBytes) return at;
  }
  return 0;
}

void Qualify(const Candidate& c, std::string_view text, const std::vector<ScanToken>& tokens,
             const std::string& language, const std::string& reference_date, Qualifiers* q, Assertion* a) {
  // Dates qualify events only; finding them is a good part of the extractor's time, so it waits for one.
  if (!q->done && c.is_event) {
    q->done = true;  // the amounts were found before the names (BlockAmounts); the dates are found here
    DateOptions date_options;
    date_options.language = language;
    date_options.reference_date = reference_date;
    if (auto dates = FindDates(text, date_options); dates.ok()) q->dates = std::move(dates).value();
  }
  if (c.takes_amount && !tokens.empty()) {
    // The amount belongs to the fact when it stands between the trigger and the object, or just around them.
    const size_t at = tokens[std::min(c.anchor, tokens.size() - 1)].span.begin;
    const size_t from = tokens[c.anchor >= kAmountSlackBefore ? c.anchor - kAmountSlackBefore : 0].span.begin;
    const size_t to = tokens[std::min(c.object_end + kAmountSlack * 4, tokens.size() - 1)].span.end;
    const Amount* best = nullptr;
    size_t best_distance = 0;
    for (const Amount& amount : q->amounts) {
      if (amount.currency.empty() || amount.span.begin < from || amount.span.begin > to) continue;
      const size_t d = amount.span.begin > at ? amount.span.begin - at : at - amount.span.begin;
      if (best == nullptr || d < best_distance) {
        best = &amount;
        best_distance = d;
      }
    }
    if (best != nullptr) {
      a->amount = best->value;
      a->currency = best->currency;
    }
  }
  if (c.is_event) {
    const size_t dateline_end = DatelineEnd(text);
    for (const DateMention& d : q->dates) {
      if (d.span.end <= dateline_end) continue;  // when the article was filed, not when the event happens
      if (a->date.empty() && !d.value.empty() && d.period.empty()) a->date = d.value;
      if (a->period.empty() && !d.period.empty()) a->period = d.period;
    }
    // The article's date says when the event was reported, not the day it happened: kept to the month,
    // so that reports of one announcement on different days file it under the same qualifiers. A period
    // ("over the next two years") counts from it.
    if (a->date.empty()) a->date = reference_date.substr(0, 7);
  }
}

// Marks the tokens of the sentence's amounts of money in `blocked`, so that a currency code or symbol
// ("USD", "Rs", "R" of "R71.5bn") is never taken for a name.
// Finds the sentence's amounts into `amounts`; returns whether one is an amount of money.
bool BlockAmounts(std::string_view text, const std::vector<ScanToken>& tokens, const std::string& language,
                  std::vector<bool>* blocked, std::vector<Amount>* found) {
  // Every amount has a digit or a scale word ("mil millones", "zwölf Milliarden"); most sentences have
  // neither, and the parser need not read them.
  const bool may_hold = std::any_of(tokens.begin(), tokens.end(), [](const ScanToken& t) {
    if (t.kind == ScanKind::kDigits) return true;
    for (const char* stem : {"mil", "bil", "tril", "mrd", "mio", "md", "crore", "lakh", "bn"}) {
      if (t.lower.compare(0, std::char_traits<char>::length(stem), stem) == 0) return true;
    }
    return false;
  });
  if (!may_hold) return false;
  AmountOptions options;
  options.language = language;
  auto amounts = FindAmounts(text, options);
  if (!amounts.ok()) return false;
  *found = std::move(amounts).value();
  const std::vector<Amount>* all = found;
  blocked->resize(tokens.size(), false);
  size_t k = 0;
  for (const Amount& amount : *all) {
    while (k < tokens.size() && tokens[k].span.end <= amount.span.begin) ++k;
    for (size_t j = k; j < tokens.size() && tokens[j].span.begin < amount.span.end; ++j) (*blocked)[j] = true;
  }
  return std::any_of(all->begin(), all->end(), [](const Amount& a) { return !a.currency.empty(); });
}

// What --explain says of candidate `c` of sentence `d`, whose text is `text`.
Explanation Explain(const Candidate& c, const SentenceData& d, std::string_view text, const std::string& rejected) {
  Explanation e;
  e.subject = c.subject;
  e.predicate = c.predicate;
  e.object = c.object;
  e.rule = c.rule.empty() ? "trigger" : c.rule;
  e.trigger = c.trigger;
  e.confidence = c.confidence;
  e.rejected = rejected;
  e.sentence_start = static_cast<int64_t>(d.sentence.span.char_begin);
  e.sentence_end = static_cast<int64_t>(d.sentence.span.char_end);
  auto place = [&](const TokenRange& r, std::string* written, int64_t* start, int64_t* end) {
    if (r.end <= r.begin || r.end > d.tokens.size()) return;
    const TextSpan& first = d.tokens[r.begin].span;
    const TextSpan& last = d.tokens[r.end - 1].span;
    *written = std::string(text.substr(first.begin, last.end - first.begin));
    *start = e.sentence_start + static_cast<int64_t>(first.char_begin);
    *end = e.sentence_start + static_cast<int64_t>(last.char_end);
  };
  place(c.subject_tokens, &e.subject_text, &e.subject_start, &e.subject_end);
  place(c.object_tokens, &e.object_text, &e.object_start, &e.object_end);
  return e;
}

std::string Truncate(std::string s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

}  // namespace

std::string ArticleFormatFromPath(std::string_view path) {
  const size_t dot = path.find_last_of("./");
  if (dot == std::string_view::npos || path[dot] != '.') return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "txt" || ext == "text") return "txt";
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "html" || ext == "htm") return "html";
  return "";
}

Result<Extraction> ExtractArticle(std::string_view bytes, const ExtractOptions& options) {
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return InvalidArgument("binary data, not a text article (NUL byte at offset " + std::to_string(nul) + ")");
  }
  if (Status valid = ValidateUtf8(bytes); !valid.ok()) {
    return InvalidArgument("not UTF-8 text (" + valid.message() + "); convert it first, e.g. iconv -f latin1 -t utf-8");
  }
  if (!options.reference_date.empty() && FirstIsoDate(options.reference_date) != options.reference_date) {
    return InvalidArgument("reference date \"" + options.reference_date + "\" is not YYYY-MM-DD, YYYY-MM or YYYY");
  }
  auto prepared = PrepareArticle(bytes, options.format);
  if (!prepared.ok()) return prepared.status();
  const ArticleText& article = *prepared;

  Extraction result;
  result.article.title = Truncate(article.title, kMaxTitleBytes);
  result.article.published = article.published;
  result.article.language = options.language.empty() ? DetectLanguage(article.text) : options.language;
  if (article.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) return result;

  auto sentences = Segment(article.text);
  if (!sentences.ok()) return sentences.status();
  const Lexicon& lexicon = Lexicon::Default();
  DocumentContext ctx;
  ctx.language = result.article.language;

  // A headline (a first line with no final punctuation) restates the article in telegraphic style ("X to
  // spend $10bn on Indian data centres") that the rules misread; the body says the same in full
  // sentences. Its names still set the article's context.
  size_t body_begin = 0;
  const std::string_view title = article.title;
  const bool punctuated = std::any_of(std::begin(kSentenceEnds), std::end(kSentenceEnds),
                                      [&](std::string_view end) { return title.ends_with(end); });
  if (!title.empty() && !punctuated) {
    const size_t at = article.text.find(article.title);
    if (at != std::string::npos && at < 512) body_begin = at + article.title.size();
  }
  std::vector<SentenceData> data;
  data.reserve(sentences->size());
  for (Sentence& sentence : *sentences) {
    if (sentence.span.char_end - sentence.span.char_begin > kMaxSentenceChars) continue;
    std::string_view text = std::string_view(article.text).substr(sentence.span.begin, sentence.span.end - sentence.span.begin);
    auto tokens = ScanTokens(text);
    if (!tokens.ok()) return tokens.status();
    sentence.tokens.clear();  // ICU's tokens are not used further; free them early
    data.push_back({std::move(sentence), std::move(tokens).value()});
  }
  for (const SentenceData& d : data) {
    std::string_view text = std::string_view(article.text).substr(d.sentence.span.begin, d.sentence.span.end - d.sentence.span.begin);
    NoteNames(d.tokens, text, lexicon, &ctx);
  }

  const std::string reference_date = article.published.empty() ? options.reference_date : article.published;
  const auto& vocabulary = schema::PredicateVocabulary::Builtin();
  std::map<std::tuple<std::string, std::string, std::string>, size_t> seen;  // triple -> index in assertions
  for (const SentenceData& d : data) {
    std::string_view text = std::string_view(article.text).substr(d.sentence.span.begin, d.sentence.span.end - d.sentence.span.begin);
    std::vector<bool> blocked;
    std::vector<TitleMatch> titles = FindTitles(d.tokens, lexicon, ctx.language, &blocked);
    Qualifiers qualifiers;
    // "USD 500 million" names nothing.
    const bool has_money = BlockAmounts(text, d.tokens, ctx.language, &blocked, &qualifiers.amounts);
    std::vector<Mention> mentions = FindMentions(d.tokens, text, blocked, lexicon, &ctx);
    const SentenceView view{text, &d.tokens, has_money};
    std::vector<Candidate> candidates = ApplyTitleRules(view, titles, &mentions, lexicon, &ctx);
    ApplyContainmentRules(view, &mentions, lexicon, &candidates);
    std::vector<Candidate> triggered = ApplyTriggerRules(view, &mentions, lexicon, ctx);
    candidates.insert(candidates.end(), triggered.begin(), triggered.end());
    ApplyNationalityRule(view, &mentions, lexicon, ctx, &candidates);
    PreferInnerPlaces(&candidates);

    for (const Mention& m : mentions) {
      if (m.kind != MentionKind::kName) continue;
      if (m.type == EntityType::kOrganization) {
        RegisterName(m.type, m.name, &ctx, m.firm);
        ctx.last_org = m.name;
      } else if (m.type == EntityType::kPerson) {
        ctx.last_person = m.name;
      }
    }

    const bool headline = d.sentence.span.end <= body_begin;
    if (headline && !options.explain) continue;
    const bool hedged = std::any_of(d.tokens.begin(), d.tokens.end(),
                                    [&](const ScanToken& t) { return lexicon.hedge_words.count(t.lower) > 0; });
    for (const Candidate& c : candidates) {
      if (c.subject.empty() || c.object.empty()) continue;
      std::string s = text::NormalizeName(c.subject), o = text::NormalizeName(c.object);
      std::string rejected = c.rejected;
      if (rejected.empty() && headline) rejected = "in the headline, which the body restates in full sentences";
      // "in talks to buy", "a possible merger": a deal talked about is not a deal.
      if (rejected.empty() && hedged && (c.predicate == "acquires" || c.predicate == "partner_of")) {
        rejected = "the sentence speaks of talks, rumours or a possible deal";
      }
      if (rejected.empty() && s == o) rejected = "subject and object are the same entity";
      // "débourser 40 millions pour racheter X": money spent on a takeover is the acquisition's price.
      if (rejected.empty() && c.predicate == "invests_in" &&
          std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& other) {
            return other.predicate == "acquires" && other.rejected.empty() && other.subject == c.subject &&
                   other.object == c.object;
          })) {
        rejected = "the money buys the company: an acquisition, not an investment";
      }
      const schema::PredicateInfo* info = vocabulary.Find(c.predicate);
      if (info != nullptr && info->symmetric && o < s) std::swap(s, o);
      const size_t explanation = result.explanations.size();
      if (options.explain) result.explanations.push_back(Explain(c, d, text, rejected));
      if (!rejected.empty()) continue;
      Assertion a;
      a.subject = {c.subject, c.subject_type, "", ""};
      a.predicate = c.predicate;
      a.object = {c.object, c.object_type, "", ""};
      Qualify(c, text, d.tokens, ctx.language, reference_date, &qualifiers, &a);
      // A fact restated later adds nothing but its amount when the first statement had none; with another
      // amount it is another event (a second investment in the same country) and gets its own assertion.
      auto [it, added] = seen.try_emplace(std::make_tuple(s, c.predicate, o), result.assertions.size());
      if (!added) {
        Assertion& first = result.assertions[it->second];
        if (!first.amount && a.amount) {
          first.amount = a.amount;
          first.currency = a.currency;
        }
        const bool other_amount = first.amount && a.amount && (*first.amount != *a.amount || first.currency != a.currency);
        if (!other_amount) {
          if (options.explain) result.explanations[explanation].rejected = "restates a fact already found in the article";
          continue;
        }
        it->second = result.assertions.size();  // later restatements compare with the latest event
      }
      a.confidence = std::clamp(c.confidence, 0.0, 1.0);
      a.source_uri = options.source_uri;
      if (!options.source_uri.empty()) {
        a.source_title = result.article.title;
        a.source_published = result.article.published;
      }
      a.evidence_text = std::string(text);
      a.evidence_start = static_cast<int64_t>(d.sentence.span.char_begin);
      a.evidence_end = static_cast<int64_t>(d.sentence.span.char_end);
      a.extractor = kExtractorName;
      result.assertions.push_back(std::move(a));
    }
  }
  return result;
}

}  // namespace kg::extract
