// Splits a paragraph into EWT-style tokens (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::detail {

/// A token as byte positions in the text being segmented; a multiword token
/// carries the byte offsets (relative to `start`) where its words split.
struct RawToken {
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint16_t cut[2] = {0, 0};
  std::uint8_t nwords = 1;
  /// Ends with an abbreviation period ("etc.", "U.S.") that becomes its own
  /// token when the sentence ends here.
  bool detachable_period = false;
  /// A title or initial ("Mr.", "J."): a name follows, no sentence ends here.
  bool title = false;
  bool space_after = true;
  bool newline_after = false;
  /// Set by the sentence splitter: a sentence ends with this token.
  bool sentence_end = false;
};

/// Appends the tokens of text[begin, end) (one paragraph) to `out`.
void scan_tokens(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<RawToken>& out);

}  // namespace dyad::detail
