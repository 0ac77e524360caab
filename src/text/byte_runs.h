// Finding the end of a run of plain bytes, eight bytes at a time. Writers of JSON, CSV and XML spend much of their time
// walking text that needs nothing done to it (evidence text, titles, uris) to find the next byte that
// does: a quote or backslash in JSON, a separator in CSV. These functions answer that with word-wide
// bit tricks and fall back to a byte loop only for the last word, so the answer is exact. Pure and
// thread-safe.
#ifndef KG_TEXT_BYTE_RUNS_H_
#define KG_TEXT_BYTE_RUNS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kg::text {

namespace byte_runs_internal {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Non-zero when some byte of `word` equals `c` (exact as a yes/no answer).
constexpr uint64_t HasByte(uint64_t word, unsigned char c) {
  const uint64_t x = word ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighs;
}

// Non-zero when some byte of `word` is below `n` (n <= 128; exact as a yes/no answer).
constexpr uint64_t HasByteBelow(uint64_t word, unsigned char n) { return (word - kOnes * n) & ~word & kHighs; }

inline uint64_t Load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The length of the longest prefix of `text` in which no word of eight bytes meets `word_stops` and no
// byte of the rest meets `byte_stops`. A word that meets `word_stops` is handed to the byte loop, which
// decides exactly, so `word_stops` may flag more than `byte_stops` does (never less).
template <typename WordStops, typename ByteStops>
inline size_t PlainRun(std::string_view text, WordStops word_stops, ByteStops byte_stops) {
  const char* p = text.data();
  const size_t n = text.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    if (word_stops(Load(p + i))) break;
  }
  for (; i < n; ++i) {
    if (byte_stops(static_cast<unsigned char>(p[i]))) break;
  }
  return i;
}

}  // namespace byte_runs_internal

// The length of the longest prefix of `text` with no '"', no '\\' and no byte below 0x20: the bytes a
// JSON string carries as they are.
inline size_t JsonPlainRun(std::string_view text) {
  using namespace byte_runs_internal;
  return PlainRun(
      text, [](uint64_t w) { return HasByte(w, '"') | HasByte(w, '\\') | HasByteBelow(w, 0x20); },
      [](unsigned char c) { return c == '"' || c == '\\' || c < 0x20; });
}

// The length of the longest prefix of `text` with no ',', '"', CR or LF: the bytes a CSV field carries
// without quoting.
inline size_t CsvPlainRun(std::string_view text) {
  using namespace byte_runs_internal;
  return PlainRun(
      text, [](uint64_t w) { return HasByte(w, ',') | HasByte(w, '"') | HasByte(w, '\r') | HasByte(w, '\n'); },
      [](unsigned char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
}

// The length of the longest prefix of `text` with no byte below 0x20 other than tab, LF and CR, and no
// 0xEF (which starts U+FFFE and U+FFFF): the bytes XML 1.0 text carries as they are.
inline size_t XmlPlainRun(std::string_view text) {
  using namespace byte_runs_internal;
  return PlainRun(
      text, [](uint64_t w) { return HasByteBelow(w, 0x20) | HasByte(w, 0xEF); },
      [](unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF; });
}

}  // namespace kg::text

#endif  // KG_TEXT_BYTE_RUNS_H_
