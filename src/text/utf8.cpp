// UTF-8 validation and repair.
//
// Design: one table-free decoder following Unicode Table 3-7 (well-formed byte
// sequences). The second byte's allowed range depends on the lead byte, which
// is what rejects overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and
// code points above U+10FFFF (F4 90.., F5..FF). Repair replaces each *maximal
// subpart* of an ill-formed sequence with one U+FFFD, the W3C/ICU convention,
// so "\xE2\x82" (truncated euro sign) becomes one U+FFFD, not two.
#include "text/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "dyad/error.h"
#include "dyad/text.h"

namespace dyad {
namespace detail {
namespace {

// Allowed range of the second byte for lead byte `c` (first byte of a multi-byte sequence).
bool second_byte_range(unsigned char c, unsigned char& lo, unsigned char& hi, std::size_t& len) {
  lo = 0x80;
  hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  unsigned char lo, hi;
  std::size_t len;
  if (!second_byte_range(c, lo, hi, len) || i + len > s.size()) return 0;
  unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
  if (c1 < lo || c1 > hi) return 0;
  char32_t v = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char ck = static_cast<unsigned char>(s[i + k]);
    if ((ck & 0xC0) != 0x80) return 0;
    v = (v << 6) | (ck & 0x3F);
  }
  cp = v;
  return len;
}

std::size_t invalid_subpart_length(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  unsigned char lo, hi;
  std::size_t len;
  if (!second_byte_range(c, lo, hi, len)) return 1;
  // A valid prefix of a well-formed sequence is consumed as one unit.
  std::size_t k = 1;
  while (k < len && i + k < s.size()) {
    unsigned char ck = static_cast<unsigned char>(s[i + k]);
    bool ok = k == 1 ? (ck >= lo && ck <= hi) : (ck & 0xC0) == 0x80;
    if (!ok) break;
    ++k;
  }
  return k;
}

}  // namespace detail

void validate_utf8(std::string_view text, std::size_t base_offset) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    char32_t cp;
    std::size_t len = detail::decode_utf8(text, i, cp);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[i]));
      throw Error("invalid UTF-8 at byte " + std::to_string(base_offset + i) + " (" + hex +
                  "): the input is not UTF-8 (convert it, e.g. iconv -f latin1 -t utf-8) "
                  "or use --lenient to replace invalid bytes with U+FFFD");
    }
    i += len;
  }
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    std::size_t len = detail::decode_utf8(text, i, cp);
    if (len > 0) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      i += detail::invalid_subpart_length(text, i);
    }
  }
  return out;
}

}  // namespace dyad
