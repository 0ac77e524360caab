// The UTF-8 primitives kg's readers share: checking that bytes are well-formed UTF-8, and writing a code
// point. Pure functions, thread-safe.
#ifndef KG_TEXT_UTF8_H_
#define KG_TEXT_UTF8_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::text {

// The byte offset where the first ill-formed sequence of `text` starts, or nullopt when it is all
// well-formed UTF-8. Overlong forms, UTF-16 surrogates, code points past U+10FFFF and truncated
// sequences are ill-formed. NUL bytes are well-formed.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

// Appends `code_point` to `out` in UTF-8. It must be at most U+10FFFF and not a surrogate.
void AppendUtf8(uint32_t code_point, std::string* out);

}  // namespace kg::text

#endif  // KG_TEXT_UTF8_H_
