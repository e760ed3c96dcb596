// Statistical sentence-boundary model (internal): an averaged perceptron
// over boundary_features, stored in data/models/splitter.dyadm.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dyad/document.h"

namespace dyad::detail {

class SentenceModel {
 public:
  /// Payload format version written into the model file.
  static constexpr std::uint32_t kVersion = 1;

  /// Reads and verifies a model file; throws dyad::Error naming the file.
  static SentenceModel load(const std::string& path);
  void save(const std::string& path, const std::string& description) const;

  /// Trains on gold sentences, reconstructing their raw text as the CoNLL
  /// shared task does (sentences joined by a space, paragraphs by a blank line).
  static SentenceModel train(const std::vector<Sentence>& gold, int epochs, std::uint64_t seed);

  /// > 0 means "a sentence ends here".
  float score(const std::vector<std::uint64_t>& features) const {
    float s = 0;
    for (std::uint64_t f : features) s += weight(f);
    return s;
  }

  std::size_t size() const { return count_; }

 private:
  // Open addressing with linear probing; key 0 marks an empty slot (a
  // feature hash of 0 is stored as 1). Scoring runs for every token gap, so
  // this flat table matters for throughput.
  void build(const std::vector<std::pair<std::uint64_t, float>>& entries);
  float weight(std::uint64_t key) const {
    if (keys_.empty()) return 0;
    key = key ? key : 1;
    for (std::size_t i = (key ^ (key >> 29)) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return 0;
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<float> values_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
  std::vector<std::pair<std::uint64_t, float>> entries_;  // sorted, for save()
};

}  // namespace dyad::detail
