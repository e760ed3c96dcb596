// Internals shared by parser.cpp (loading, parsing) and parser_train.cpp.
#pragma once

#include <string>
#include <vector>

#include "dyad/parser.h"
#include "nlp/parser_weights.h"

namespace dyad {

struct Parser::Impl {
  std::vector<std::string> labels;  ///< Label id -> deprel, possibly "dep|headlabel".
  std::vector<bool> lifted;         ///< Label id carries a pseudo-projective encoding.
  int root_label = 0;
  detail::CompactWeights weights;

  int num_labels() const { return static_cast<int>(labels.size()); }
  /// Predicts heads (0 = root) and label ids for one sentence.
  void predict(const Sentence& sentence, std::vector<int>& heads, std::vector<int>& label_ids) const;
};

namespace detail {

/// Unlabeled and labeled attachment counts, deprels compared before ':' (as
/// the CoNLL 2018 script does); punctuation included.
struct AttachmentScore {
  std::size_t words = 0, heads = 0, labeled = 0;
  double uas() const { return words ? 100.0 * heads / words : 0; }
  double las() const { return words ? 100.0 * labeled / words : 0; }
};
AttachmentScore score_attachment(const std::vector<Sentence>& gold, const Parser::Impl& parser);

}  // namespace detail
}  // namespace dyad
