// Place-name folding: the one key both the generator (Python) and the
// library compute, so "Nouméa", "NOUMEA" and "Noumea" meet. NFKD splits
// accented letters; marks are dropped; a few letters without a decomposition
// are mapped by hand. Pure ASCII input (most news text) skips ICU entirely.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>

#include "dyad/geo.h"

namespace dyad {
namespace {

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BB || c == 0x02BC || c == '`' || c == 0x00B4 || c == 0x2018;
}

// Letters NFKD leaves whole; same table as SPECIAL in tools/geo/gen_gazetteer.py.
const char* special(UChar32 c) {
  switch (c) {
    case 0x00F8: return "o";   // ø
    case 0x00E6: return "ae";  // æ
    case 0x00DF: return "ss";  // ß
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x0131: return "i";   // ı
    case 0x0259: return "e";   // ə
    case 0x01DD: return "e";   // ǝ
    case 0x0153: return "oe";  // œ
    case 0x00FE: return "th";  // þ
    case 0x00F0: return "d";   // ð
    case 0x0127: return "h";   // ħ
    case 0x0167: return "t";   // ŧ
    case 0x0140: return "l";   // ŀ
    default: return nullptr;
  }
}

// Appends c or a space, never two spaces in a row and none at the start.
void put(std::string& out, UChar32 c) {
  if (c == ' ') {
    if (!out.empty() && out.back() != ' ') out += ' ';
    return;
  }
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else {
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(buf, n, 4, c, err);
    if (!err) out.append(buf, static_cast<std::size_t>(n));
  }
}

std::string fold_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\'' || c == '`') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    put(out, alnum ? c : ' ');
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string fold_place_name(std::string_view name) {
  bool ascii = true;
  for (char ch : name) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) return fold_ascii(name);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(text, status) : text;
  if (U_FAILURE(status)) decomposed = text;

  std::string out;
  out.reserve(name.size());
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    c = u_tolower(c);
    if (is_apostrophe(c)) continue;
    if (const char* s = special(c)) {
      for (const char* p = s; *p; ++p) put(out, static_cast<UChar32>(*p));
      continue;
    }
    put(out, (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) ? c : ' ');
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace dyad
