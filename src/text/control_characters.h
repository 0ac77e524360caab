// The characters that change how a terminal shows text instead of being shown: C0 and C1 control
// characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) and the bidi embedding, override and
// isolate controls (U+202A-U+202E, U+2066-U+2069), which reorder what follows them ("Trojan Source").
// Input rejects them in names (schema/value_rules.h); text output makes them visible. Pure functions,
// thread-safe; every input must be valid UTF-8.
#ifndef KG_TEXT_CONTROL_CHARACTERS_H_
#define KG_TEXT_CONTROL_CHARACTERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::text {

// One such character in a text: where it starts (in bytes), its length in bytes and its code point.
struct ControlCharacter {
  size_t offset = 0;
  size_t length = 1;
  uint32_t code_point = 0;
};

// Whether `code_point` is a control character (Cc) or a bidi embedding, override or isolate control.
bool IsControlOrBidiControl(uint32_t code_point);

// The first control character or bidi control in `text` (valid UTF-8), or nullopt when there is none.
// Reads eight ASCII bytes at a time, since this runs on every name of a bulk load.
std::optional<ControlCharacter> FindControlOrBidiControl(std::string_view text);

// The length in bytes of the control character or bidi control that `text` (valid UTF-8) starts with,
// or 0 when it starts with anything else.
size_t ControlOrBidiControlLength(std::string_view text);

// "U+001B", "U+202E": how messages and tables name a code point.
std::string CodePointName(uint32_t code_point);

// Appends the visible Unicode picture of a C0 control character or DEL (U+2400-U+2421: ␀ for NUL, ␛
// for ESC, ␊ for a newline, ␡ for DEL). `byte` must be below 0x20 or 0x7F.
void AppendControlPicture(unsigned char byte, std::string* out);

// Appends `text` as a person may safely see it on a terminal: C0 controls and DEL as their pictures;
// C1 controls and bidi controls, which have no picture, as "<U+202E>". Everything else is unchanged.
void AppendVisibleText(std::string_view text, std::string* out);
std::string VisibleText(std::string_view text);

}  // namespace kg::text

#endif  // KG_TEXT_CONTROL_CHARACTERS_H_
