#include "extract/language_detector.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <unordered_map>

namespace kg::extract {
namespace {

// Bounded cost: the first 64 KiB of an article are plenty to tell four languages apart.
constexpr size_t kMaxBytesRead = 64 * 1024;

struct LanguageProfile {
  const char* code;
  // Frequent function words of news prose, lower case. A word listed for several languages counts for
  // each of them, but less than a word only one language uses.
  std::string_view words;
  // Letters that, among the four languages, mostly one of them writes.
  std::u32string_view letters;
};

constexpr std::array<LanguageProfile, 4> kProfiles = {{
    {"fr",
     "le la les des du de un une et est sont dans pour par sur avec qui que au aux ce cette ces il elle ils "
     "nous vous pas plus ont a été être mais ou où son sa ses leur leurs selon entre après avant aussi comme "
     "l d qu aussi lors depuis chez sera fait",
     U"çéèêëâîïôûùœà"},
    {"en",
     "the of and to in is are was were for on with that this by from at as it its has have had be been will "
     "said which their an not or but also after over into than more a would could",
     U""},
    {"es",
     "el la los las de del y en es son un una por para con que se su sus al lo como más pero fue ha han "
     "este esta está entre sobre también según desde a muy año",
     U"ñáíóú¿¡"},
    {"de",
     "der die das und ist sind ein eine einen dem den des mit von zu im auf für nicht sich auch als wird "
     "wurde werden hat haben nach bei aus über oder dass sie er es an in",
     U"äöüß"},
}};

// word -> bit set of the profiles (by index) that list it.
const std::unordered_map<std::string, unsigned>& WordTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, unsigned>();
    for (size_t i = 0; i < kProfiles.size(); ++i) {
      std::string_view words = kProfiles[i].words;
      size_t pos = 0;
      while (pos < words.size()) {
        size_t end = words.find(' ', pos);
        if (end == std::string_view::npos) end = words.size();
        if (end > pos) (*t)[std::string(words.substr(pos, end - pos))] |= 1u << i;
        pos = end + 1;
      }
    }
    return t;
  }();
  return *table;
}

void ScoreWord(const std::string& word, std::array<int, 4>* scores) {
  const auto& table = WordTable();
  auto it = table.find(word);
  if (it == table.end()) return;
  int owners = __builtin_popcount(it->second);
  for (size_t i = 0; i < kProfiles.size(); ++i) {
    if (it->second & (1u << i)) (*scores)[i] += owners == 1 ? 2 : 1;
  }
}

void ScoreLetter(UChar32 lower, std::array<int, 4>* scores) {
  for (size_t i = 0; i < kProfiles.size(); ++i) {
    if (kProfiles[i].letters.find(static_cast<char32_t>(lower)) != std::u32string_view::npos) (*scores)[i] += 1;
  }
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kMaxBytesRead) text = text.substr(0, kMaxBytesRead);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());

  std::array<int, 4> scores{};
  std::string word;
  for (int32_t i = 0; i <= length;) {
    UChar32 c = -1;
    if (i < length) {
      U8_NEXT(bytes, i, length, c);
    } else {
      ++i;  // one pass past the end flushes the last word
    }
    if (c >= 0 && u_isalpha(c)) {
      UChar32 lower = u_tolower(c);
      ScoreLetter(lower, &scores);
      char buffer[U8_MAX_LENGTH];
      int32_t n = 0;
      UBool error = false;
      U8_APPEND(buffer, n, U8_MAX_LENGTH, lower, error);
      // A "word" longer than any listed one cannot match; stop growing it so a 1 MB token stays cheap.
      if (!error && word.size() < 32) word.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (!word.empty()) ScoreWord(word, &scores);
    word.clear();
  }

  size_t best = 0;
  for (size_t i = 1; i < scores.size(); ++i) {
    if (scores[i] > scores[best]) best = i;
  }
  int second = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (i != best && scores[i] > second) second = scores[i];
  }
  // Two points is one language-specific word (or two shared ones); the lead must be clear as well.
  if (scores[best] < 2 || scores[best] - second < 2 || scores[best] * 2 < second * 3) return "";
  return kProfiles[best].code;
}

}  // namespace kg::extract
