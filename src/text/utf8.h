// UTF-8 decoding helpers shared by the text layer (internal).
#pragma once

#include <cstddef>
#include <string_view>

namespace dyad::detail {

/// Length of the well-formed UTF-8 sequence starting at `i` (1..4), or 0 when
/// the bytes there are not well-formed (Unicode 15 Table 3-7: no overlongs,
/// no surrogates, nothing above U+10FFFF). Writes the code point to `cp`.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

/// Length of the maximal subpart of an ill-formed sequence at `i` (>= 1), the
/// unit that one U+FFFD replaces (Unicode "best practice", as ICU and WHATWG).
std::size_t invalid_subpart_length(std::string_view s, std::size_t i);

/// Decodes the code point at `i` of text known to be valid UTF-8; returns its length.
inline std::size_t decode_valid(std::string_view s, std::size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n = decode_utf8(s, i, cp);
  if (n == 0) {  // Defensive: callers validated, but never loop forever.
    cp = 0xFFFD;
    return 1;
  }
  return n;
}

/// Start of the code point that contains byte `i` (steps back over continuation bytes).
inline std::size_t char_start(std::string_view s, std::size_t i) {
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace dyad::detail
