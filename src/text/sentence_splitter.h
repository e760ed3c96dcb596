// Sentence boundary detection over the tokens of one paragraph (internal).
#pragma once

#include <string_view>
#include <vector>

#include "text/scanner.h"

namespace dyad::detail {

class SentenceModel;

/// Sets RawToken::sentence_end on the tokens of one paragraph that end a
/// sentence; the last token always does. Rules first; then, when `model` is
/// given, it rescores every gap with the rule decision as one of its features.
void split_sentences(std::string_view text, std::vector<RawToken>& tokens,
                     const SentenceModel* model);

}  // namespace dyad::detail
