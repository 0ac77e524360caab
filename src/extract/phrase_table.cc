#include "extract/phrase_table.h"

namespace kg::extract {

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
  first_words_.set(QuickKey(first));
  by_first_word_[first].push_back(std::move(p));
}

size_t PhraseTable::QuickKey(const std::string& word) {
  const size_t n = word.size();
  if (n == 0) return 0;
  const auto byte = [&](size_t k) { return static_cast<size_t>(static_cast<unsigned char>(word[k])); };
  return (n * 131 + byte(0) * 31 + byte(n - 1) * 7 + byte(n / 2)) & 4095;
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
  auto it = first_words_.test(QuickKey(tokens[i].lower)) ? by_first_word_.find(tokens[i].lower) : by_first_word_.end();
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

}  // namespace kg::extract
