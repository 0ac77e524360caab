#include "extract/token_scanner.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/utf8.h"

namespace kg::extract {
namespace {

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018; }

bool IsWordCodePoint(UChar32 c) {
  if (u_isalpha(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

void AppendLower(UChar32 c, std::string* out) {
  UChar32 lower = u_tolower(c);
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, lower, error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

}  // namespace

bool IsSpaceCodePoint(int32_t c) { return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F; }

Status ValidateUtf8(std::string_view text) {
  // int32_t indices are what ICU's macros take; longer texts are refused rather than misread.
  if (text.size() > static_cast<size_t>(INT32_MAX)) return ResourceExhausted("text over 2 GiB");
  if (auto bad = text::FindInvalidUtf8(text)) return InvalidArgument("invalid UTF-8 at byte " + std::to_string(*bad));
  return Status::Ok();
}

Result<std::vector<ScanToken>> ScanTokens(std::string_view text) {
  KG_RETURN_IF_ERROR(ValidateUtf8(text));
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());

  std::vector<ScanToken> tokens;
  bool space = false;
  size_t chars = 0;
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (u_isUWhiteSpace(c) || IsSpaceCodePoint(c)) {
      space = true;
      ++chars;
      continue;
    }
    ScanToken token;
    token.space_before = space;
    token.span.begin = static_cast<size_t>(start);
    token.span.char_begin = chars++;
    space = false;
    if (c >= '0' && c <= '9') {
      token.kind = ScanKind::kDigits;
      while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
        ++i;
        ++chars;
      }
      token.lower.assign(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (IsWordCodePoint(c)) {
      token.kind = ScanKind::kWord;
      AppendLower(c, &token.lower);
      while (i < length) {
        int32_t next = i;
        UChar32 d;
        U8_NEXT(bytes, next, length, d);
        if (!IsWordCodePoint(d)) break;
        AppendLower(d, &token.lower);
        i = next;
        ++chars;
      }
    } else {
      token.kind = ScanKind::kOther;
      if (IsApostrophe(c)) {
        token.lower = "'";
      } else {
        token.lower.assign(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      }
    }
    token.span.end = static_cast<size_t>(i);
    token.span.char_end = chars;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace kg::extract
