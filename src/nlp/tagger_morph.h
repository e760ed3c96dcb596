// Morphological features (UFeats) from the word and the predicted tags.
//
// Design: EWT feature bundles are mostly fixed by (word, tag) but a few are
// decided by context: the person/number of a finite verb (its subject), Inf
// versus Imp for VB, Ger versus Part for VBG, Pass for VBN, Nom versus Acc for
// "you"/"it". Each (lowercased word, label) seen in training lists the bundles
// it took; unseen pairs take the bundles seen with the label. When more than
// one bundle is possible, an averaged perceptron over context features (all
// conjoined with the label) chooses among them; otherwise the single
// candidate is used without scoring.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/model_file.h"
#include "dyad/document.h"
#include "nlp/perceptron.h"
#include "nlp/tagger_features.h"
#include "nlp/tagger_table.h"

namespace dyad::detail {

struct MorphScratch {
  std::vector<std::uint64_t> feats;
  std::vector<float> scores;
};

class MorphModel {
 public:
  /// `label_names` are the POS labels ("UPOS\tXPOS"); gold label ids per word.
  void train(const std::vector<Sentence>& sentences, const std::vector<std::vector<int>>& labels,
             const std::vector<std::string>& label_names, const TagDict& dict, int epochs,
             std::uint64_t seed, bool verbose);
  /// Feature bundle of word i, given all predicted labels.
  const std::string& predict(const std::vector<TokenInfo>& tokens, const int* labels,
                             std::size_t i, MorphScratch& scratch) const;

  /// The weight average of models trained on the same data with different
  /// seeds (same feature bundles and candidates).
  static MorphModel average(const std::vector<const MorphModel*>& models);

  void write(BinaryWriter& w) const;
  static MorphModel read(BinaryReader& r, const std::vector<std::string>& label_names,
                         const std::shared_ptr<const void>& owner, std::uint32_t format);

 private:
  struct Span32 {
    std::uint32_t begin = 0, end = 0;
  };
  Span32 candidates(const TokenInfo& t, int label) const;
  void features(const std::vector<TokenInfo>& tokens, const int* labels, std::size_t i,
                std::vector<std::uint64_t>& out) const;
  void set_label_kinds(const std::vector<std::string>& label_names);

  std::vector<std::string> bundles_;                   // class id -> "A=b|C=d" or ""
  std::vector<std::uint16_t> pool_;                    // candidate class ids
  KeyTable<Span32> lexicon_;                           // hash(lower, label) -> pool range
  std::vector<Span32> by_label_;                       // label -> pool range
  SparseWeights weights_;
  // Derived from label names at load: 1 = nominal (subject-like), 2 = verb/aux.
  std::vector<std::uint8_t> kind_;
};

}  // namespace dyad::detail
