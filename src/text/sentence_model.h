// Statistical sentence-boundary model (internal): an averaged perceptron
// over boundary_features, stored in data/models/splitter.dyadm.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
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
    for (std::uint64_t f : features) {
      auto it = weights_.find(f);
      if (it != weights_.end()) s += it->second;
    }
    return s;
  }

  std::size_t size() const { return weights_.size(); }

 private:
  std::unordered_map<std::uint64_t, float> weights_;
};

}  // namespace dyad::detail
