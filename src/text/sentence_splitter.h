// Sentence boundary detection over the tokens of one paragraph (internal).
#pragma once

#include <string_view>
#include <vector>

#include "text/scanner.h"

namespace dyad::detail {

/// Sets RawToken::sentence_end on the tokens that end a sentence; the last
/// token of the paragraph always does.
void split_sentences(std::string_view text, std::vector<RawToken>& tokens, std::size_t first);

}  // namespace dyad::detail
