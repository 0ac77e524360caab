#include "text/control_characters.h"

#include <cstring>

namespace kg::text {
namespace {

// The length of the UTF-8 sequence that `lead` starts (1 for ASCII and for a stray continuation byte).
size_t SequenceLength(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// The code point of the `length` bytes at `p`, a UTF-8 sequence.
uint32_t Decode(const unsigned char* p, size_t length) {
  if (length == 1) return p[0];
  uint32_t cp = p[0] & (0x7Fu >> length);
  for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (p[k] & 0x3Fu);
  return cp;
}

// True when no byte of the word is below 0x20, is 0x7F, or has its high bit set: eight plain ASCII
// bytes, none of which can start a control character. (Bytes of 0x80 and above are left to the byte loop.)
bool PlainAsciiWord(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  const uint64_t del = ((word ^ (kOnes * 0x7F)) - kOnes) & ~(word ^ (kOnes * 0x7F)) & kHighs;
  return ((word & kHighs) | below_space | del) == 0;
}

}  // namespace

bool IsControlOrBidiControl(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::optional<ControlCharacter> FindControlOrBidiControl(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, sizeof word);
      if (PlainAsciiWord(word)) {
        i += 8;
        continue;
      }
    }
    const size_t length = SequenceLength(p[i]);
    if (i + length > n) return std::nullopt;  // a truncated sequence: not ours to judge
    const uint32_t cp = Decode(p + i, length);
    if (IsControlOrBidiControl(cp)) return ControlCharacter{i, length, cp};
    i += length;
  }
  return std::nullopt;
}

size_t ControlOrBidiControlLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t length = SequenceLength(p[0]);
  if (length > text.size()) return 0;
  return IsControlOrBidiControl(Decode(p, length)) ? length : 0;
}

std::string CodePointName(uint32_t code_point) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (uint32_t v = code_point; v != 0 || digits.size() < 4; v >>= 4) digits.insert(digits.begin(), kHex[v & 0xF]);
  return "U+" + digits;
}

void AppendControlPicture(unsigned char byte, std::string* out) {
  const unsigned picture = 0x2400 + (byte == 0x7F ? 0x21 : byte);  // U+2400..U+2421, three UTF-8 bytes
  out->push_back(static_cast<char>(0xE0 | (picture >> 12)));
  out->push_back(static_cast<char>(0x80 | ((picture >> 6) & 0x3F)));
  out->push_back(static_cast<char>(0x80 | (picture & 0x3F)));
}

void AppendVisibleText(std::string_view text, std::string* out) {
  for (size_t start = 0;;) {
    const auto found = FindControlOrBidiControl(text.substr(start));
    if (!found) {
      out->append(text.substr(start));
      return;
    }
    out->append(text.substr(start, found->offset));
    if (found->code_point < 0x80) {
      AppendControlPicture(static_cast<unsigned char>(found->code_point), out);
    } else {
      out->append("<").append(CodePointName(found->code_point)).append(">");
    }
    start += found->offset + found->length;
  }
}

std::string VisibleText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendVisibleText(text, &out);
  return out;
}

}  // namespace kg::text
