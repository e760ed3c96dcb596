// Normalization helpers used inside the text layer (internal).
#pragma once

#include <string_view>

namespace dyad::detail {

/// True when `text` (valid UTF-8) is already in NFC; pure ASCII answers
/// without calling ICU, which keeps tokenization of English text cheap.
bool is_nfc(std::string_view text);

}  // namespace dyad::detail
