// NFC normalization and case folding through ICU.
//
// Design: ICU works in UTF-16, so each call converts UTF-8 -> UTF-16 -> UTF-8.
// That is fine for forms and dictionary keys; callers avoid the round trip for
// text that is already NFC (is_nfc answers ASCII in one pass without ICU).
// Both functions require valid UTF-8 (validate_utf8 or repair_utf8 first);
// ICU errors are reported as dyad::Error, never ignored.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <string>

#include "dyad/error.h"
#include "dyad/text.h"

namespace dyad {
namespace detail {
namespace {

const icu::Normalizer2& nfc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    throw Error(std::string("ICU NFC normalizer unavailable: ") + u_errorName(status) +
                "; check the ICU data library installation");
  }
  return *nfc;
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool is_nfc(std::string_view text) {
  if (is_ascii(text)) return true;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  bool yes = nfc_instance().isNormalized(u, status);
  return U_SUCCESS(status) && yes;
}

}  // namespace detail

std::string normalize_nfc(std::string_view text) {
  if (detail::is_ascii(text)) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString n = detail::nfc_instance().normalize(u, status);
  if (U_FAILURE(status)) {
    throw Error(std::string("NFC normalization failed: ") + u_errorName(status) +
                "; validate the input with validate_utf8 first");
  }
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string case_fold(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace dyad
