// Feature extraction for the arc-hybrid parser.
//
// Design: Zhang & Nivre (2011) rich non-local features adapted to arc-hybrid
// (which also looks at s1 and s2, since RIGHT attaches s0 to s1): word, tag,
// lemma and word+tag unigrams, pairs and triples of s0/s1/s2/b0/b1/b2,
// distance, valency, the two outermost children and their labels, and label
// sets. Every feature is a 64-bit hash of (template id, values); nothing is
// interned, so parsing needs no vocabulary and no string copies. Per-word value
// hashes are computed once per sentence.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/document.h"
#include "common/hash.h"
#include "nlp/transition.h"

namespace dyad::detail {

/// Per-token value hashes; index 0 is "no token", n+1 is ROOT.
struct TokenHashes {
  std::vector<std::uint64_t> word, tag, upos, lemma, word_tag, shape;
  void build(const Sentence& sentence);
};

/// Writes the features of `st` to `out` (cleared first). With `buffer_out`,
/// the features that read nothing but the buffer front b0..b2 go there
/// instead (cleared first): they stay the same while b0 waits for its arcs
/// (only SHIFT moves it), so the parser scores them once per b0.
void extract_features(const ArcHybridState& st, const TokenHashes& tokens, std::vector<std::uint64_t>& out,
                      std::vector<std::uint64_t>* buffer_out = nullptr);

}  // namespace dyad::detail
