// Character classes for segmentation (internal). ASCII is answered from a
// table; other code points ask ICU's property tables.
#pragma once

#include <unicode/uchar.h>

#include <string_view>

#include "text/utf8.h"

namespace dyad::detail {

inline bool is_space_cp(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x200B || cp == 0xFEFF || u_isUWhiteSpace(static_cast<UChar32>(cp));
}

/// Letters, digits and combining marks: the characters a word is made of.
inline bool is_word_cp(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (u_isalnum(static_cast<UChar32>(cp))) return true;
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

inline bool is_digit_cp(char32_t cp) {
  return cp < 0x80 ? (cp >= '0' && cp <= '9') : u_isdigit(static_cast<UChar32>(cp));
}
inline bool is_upper_cp(char32_t cp) {
  return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : u_isupper(static_cast<UChar32>(cp));
}
inline bool is_lower_cp(char32_t cp) {
  return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : u_islower(static_cast<UChar32>(cp));
}

/// Apostrophe-like characters that introduce clitics: ' ’ `.
inline bool is_apostrophe_cp(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '`'; }

/// Code point at byte `i` of valid UTF-8 `s` (0 past the end).
inline char32_t cp_at(std::string_view s, std::size_t i, std::size_t* len = nullptr) {
  char32_t cp = 0;
  std::size_t n = 0;
  if (i < s.size()) n = decode_valid(s, i, cp);
  if (len) *len = n;
  return cp;
}

}  // namespace dyad::detail
