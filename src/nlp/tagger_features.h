// Feature extraction for the POS tagger.
//
// Design: everything that depends only on the words is hashed once per
// sentence (TokenInfo) and scored once per word ("static" features); only the
// few features that read predicted tags are recomputed per pass. Tag features
// come in two sets: left tags (always) and right tags (second pass only, read
// from the first pass's predictions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/model_file.h"
#include "dyad/document.h"
#include "nlp/tagger_table.h"

namespace dyad::detail {

/// Tags seen with a frequent word (its "ambiguity class").
/// Stored raw in the model file, so the layout has no implicit padding.
struct TagDictEntry {
  std::uint64_t amb_hash = 0;         ///< Hash of the sorted frequent-tag list.
  std::uint64_t allowed[2] = {0, 0};  ///< Bitset over labels seen with the word.
  std::uint32_t count = 0;            ///< Occurrences in training.
  std::uint8_t cap_bucket = 0;  ///< How often capitalized when not sentence-initial (1..4).
  std::uint8_t pad[3] = {0, 0, 0};
  bool allows(int label) const { return (allowed[label >> 6] >> (label & 63)) & 1; }
};

/// Lowercased form -> ambiguity class. Built from training data only.
class TagDict {
 public:
  /// counts[lower form][label] from the training data; caps[lower form] =
  /// {non-initial occurrences, of which capitalized}.
  void build(const std::unordered_map<std::string, std::vector<std::uint32_t>>& counts,
             const std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>>& caps,
             std::uint32_t min_count);
  const TagDictEntry* find(std::uint64_t lower_hash) const { return table_.find(lower_hash); }
  void write(BinaryWriter& w) const;
  static TagDict read(BinaryReader& r);

 private:
  KeyTable<TagDictEntry> table_;
};

/// Per-word precomputed hashes.
struct TokenInfo {
  std::string lower;
  std::uint64_t h_form = 0, h_lower = 0, h_shape = 0, h_short_shape = 0, flags = 0;
  std::uint64_t suffix[4] = {}, prefix[4] = {};
  std::uint64_t h_amb = 0;
  const TagDictEntry* dict = nullptr;
};

/// Fills `tokens` (resized to the sentence length; capacity is reused).
void prepare_tokens(const Sentence& s, const TagDict& dict, std::vector<TokenInfo>& tokens);

/// Appends the word-only features of token i.
void static_features(const std::vector<TokenInfo>& tokens, std::size_t i,
                     std::vector<std::uint64_t>& out);

/// Appends features over predicted tags: left[j] for j < i; when `right` is
/// not null, the first pass's guesses right[j] for j >= i (stacked features of
/// the second pass, which runs over the reversed sentence). Tag ids >= 0.
void tag_features(const std::vector<TokenInfo>& tokens, std::size_t i, const int* left,
                  const int* right, std::vector<std::uint64_t>& out);

}  // namespace dyad::detail
