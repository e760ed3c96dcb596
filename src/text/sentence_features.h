// Features of a candidate sentence boundary after a token (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/scanner.h"

namespace dyad::detail {

/// Hashes of the features of the gap after tokens[k] (k + 1 < tokens.size()).
/// RawToken::sentence_end must hold the rule-based decision, which is itself
/// a feature: the model learns where the rules go wrong on web text.
void boundary_features(std::string_view text, const std::vector<RawToken>& tokens, std::size_t k,
                       std::vector<std::uint64_t>& out);

}  // namespace dyad::detail
