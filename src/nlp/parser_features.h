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

#include <algorithm>
#include <array>
#include <cstddef>
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

/// The parser's features by what they read. A group's score vector stays
/// valid as long as nothing it reads changes, so the parser can reuse it
/// (Parser::Impl::predict; transition.h says what each move changes):
/// - kBuffer (b0..b2 words): changes on SHIFT only;
/// - kB0Left (b0 with its left children): changes on SHIFT and LEFT;
/// - kStack (s0..s2 and their children, but not s0's right ones): fixed while
///   the stack holds the same elements below its top, so it is kept per stack
///   depth and changes only when SHIFT pushes a new top;
/// - kS0Right (s0 with its right children): per depth, changes on SHIFT and on
///   RIGHT (which gives the new s0 a right child);
/// - kVolatile: reads the stack and the buffer together, scored every time.
enum ParserFeatureGroup { kVolatile, kBuffer, kB0Left, kStack, kS0Right, kFeatureGroups };

/// kStack and kS0Right hold for one stack depth: their scores are kept per depth.
inline bool kept_per_depth(ParserFeatureGroup g) { return g == kStack || g == kS0Right; }

/// The hashes of one group in a fixed array: the parser fills these for every
/// configuration, and growing vectors through out-of-line calls was a fifth
/// of its instructions. kCapacity exceeds the largest group (47 templates);
/// extract_features() throws rather than write past it.
struct FeatureList {
  static constexpr std::size_t kCapacity = 64;
  using value_type = std::uint64_t;
  using const_iterator = const std::uint64_t*;
  using iterator = const_iterator;
  std::array<std::uint64_t, kCapacity> ids;
  std::size_t n = 0;

  const std::uint64_t* data() const { return ids.data(); }
  std::size_t size() const { return n; }
  bool empty() const { return n == 0; }
  const std::uint64_t* begin() const { return ids.data(); }
  const std::uint64_t* end() const { return ids.data() + n; }
  friend bool operator==(const FeatureList& a, const FeatureList& b) {
    return a.n == b.n && std::equal(a.begin(), a.end(), b.begin());
  }
};

struct ParserFeatures {
  FeatureList group[kFeatureGroups];
};

/// Writes the features of `st` to `out` (cleared first), all groups together.
void extract_features(const ArcHybridState& st, const TokenHashes& tokens, std::vector<std::uint64_t>& out);
/// The same features, each in its group's list (each cleared first). The
/// hash of a feature does not depend on its group. Only the groups whose bit
/// (1 << group) is set in `groups` are hashed; the others stay empty.
inline constexpr unsigned kAllFeatureGroups = (1u << kFeatureGroups) - 1;
void extract_features(const ArcHybridState& st, const TokenHashes& tokens, ParserFeatures& out,
                      unsigned groups = kAllFeatureGroups);

/// Tracks which groups' scores, computed at an earlier configuration, still
/// hold in the current one (the rules above). kVolatile never does.
class FeatureGroupValidity {
 public:
  /// A new sentence of `words` words: nothing is valid.
  void reset(int words);
  bool valid(ParserFeatureGroup group, const ArcHybridState& st) const;
  /// `group`'s scores were just computed at `st`.
  void set_valid(ParserFeatureGroup group, const ArcHybridState& st);
  /// `st` is the state after `cls` was applied to it.
  void after(int cls, const ArcHybridState& st);

 private:
  bool buffer_ = false, b0_left_ = false;
  std::vector<std::uint8_t> stack_, s0_right_;  ///< By stack depth.
};

}  // namespace dyad::detail
