// A set of phrases, each with an integer payload, found at a token position: the lookup behind every
// word list of the extractor's lexicons.
//
// Phrases are matched on ScanTokens' lower-case tokens, longest first; a final '*' matches any word that
// starts with the stem ("invest*").
#ifndef KG_EXTRACT_PHRASE_TABLE_H_
#define KG_EXTRACT_PHRASE_TABLE_H_

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/token_scanner.h"

namespace kg::extract {

class PhraseTable {
 public:
  struct Match {
    size_t length = 0;  // in tokens; 0 when nothing matches
    int payload = -1;
  };

  // Adds `phrase` (tokenized as ScanTokens does, lower-cased). Empty phrases are ignored.
  void Add(std::string_view phrase, int payload);

  // The longest phrase that starts at tokens[i]; ties go to the phrase added first.
  Match LongestAt(const std::vector<ScanToken>& tokens, size_t i) const;

  size_t size() const { return size_; }

 private:
  struct Phrase {
    std::vector<std::string> words;
    bool prefix_last = false;  // the last word is a stem ("invest*")
    int payload = -1;
  };
  static size_t MatchLength(const Phrase& phrase, const std::vector<ScanToken>& tokens, size_t i);
  // A cheap key of a word (its length and three of its bytes), for the filter below.
  static size_t QuickKey(const std::string& word);

  std::unordered_map<std::string, std::vector<Phrase>> by_first_word_;
  // The quick keys of the first words: most words of a text start no phrase, and this tells so without
  // hashing the word, which every table would otherwise do for every word (a tenth of the extractor's time).
  std::bitset<4096> first_words_;
  std::vector<Phrase> stems_;  // one-word phrases ending in '*', checked by prefix
  size_t size_ = 0;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_PHRASE_TABLE_H_
