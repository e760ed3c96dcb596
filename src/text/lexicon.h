// Closed word lists that drive the EWT-style tokenizer (internal).
#pragma once

#include <cstdint>
#include <string_view>

namespace dyad::detail {

/// Word forms (lower-case ASCII, no final period) that take a period as part
/// of the token: "mr" -> "Mr.". `kTitle` abbreviations precede a name and so
/// never end a sentence; `kNumeric` ones ("no", "vol") only before a number.
enum class AbbrevKind : std::uint8_t { kNone, kGeneral, kTitle, kNumeric };
AbbrevKind abbreviation_kind(std::string_view lower_stem);

/// Lower-case prefixes that stay attached before a hyphen ("non-", "e-mail").
bool is_hyphen_prefix(std::string_view lower);
/// Lower-case suffixes that stay attached after a hyphen ("-esque").
bool is_hyphen_suffix(std::string_view lower);

/// Contractions written without an apostrophe ("dont", "gonna"): returns the
/// number of word pieces (0 = not one) and their byte lengths in `lens`.
int apostrophe_free_contraction(std::string_view lower, std::uint8_t lens[3]);

/// Lower-case unit written after a number without a space ("650k", "5pm").
bool is_unit(std::string_view lower);

/// Emoticon length at the start of `s` (0 if none), e.g. ":-)" -> 3.
std::size_t emoticon_length(std::string_view s);

/// Common sentence-initial words (capitalized in text): after an ambiguous
/// abbreviation such as "etc." or "U.S.", one of these signals a new sentence.
bool is_sentence_starter(std::string_view lower);

}  // namespace dyad::detail
