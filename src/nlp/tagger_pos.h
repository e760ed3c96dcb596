// The POS part of the tagger: joint UPOS+XPOS labels, two greedy passes.
//
// Design: UPOS is not a function of XPOS in EWT (VBZ is AUX or VERB, NNP is
// PROPN or ADJ...), so the label is the pair "UPOS\tXPOS" (about 100 labels).
// Pass 1 tags left to right reading its own previous predictions. Pass 2 tags
// right to left, reading its own predictions on the right and pass 1's
// guesses (for the word itself and its left) as stacked features. Pass 2 is
// trained on jackknifed pass-1 output (each training fold is tagged by a
// pass-1 model that never saw it), so it learns how far pass 1 can be trusted. Frequent words are restricted to the labels
// seen with them in training (the tag dictionary), which also fixes the odd
// error on function words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/model_file.h"
#include "dyad/document.h"
#include "dyad/tagger.h"
#include "nlp/perceptron.h"
#include "nlp/tagger_beam.h"
#include "nlp/tagger_features.h"

namespace dyad::detail {

struct PosScratch {
  std::vector<TokenInfo> tokens;
  std::vector<std::uint64_t> feats;
  std::vector<std::size_t> feat_ends;  ///< Per scored word: the end of its features in feats.
  std::vector<float*> word_scores;     ///< Per scored word: its row of static scores.
  std::vector<float> static1, static2, scores;
  std::vector<int> pass1, pass2, fixed, guess;
  BeamScratch beam;
};

class PosModel {
 public:
  const std::vector<std::string>& labels() const { return labels_; }
  const TagDict& dict() const { return dict_; }
  int label_id(const std::string& upos, const std::string& xpos) const;

  /// Tags s (forms only are read); returns label ids in scratch.pass2 (or
  /// pass1 for a single-pass model) and leaves scratch.tokens prepared.
  const std::vector<int>& predict(const Sentence& s, PosScratch& scratch) const;

  static PosModel train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                        const TaggerTrainOptions& options);

  /// The weight average of models trained on the same data with different
  /// seeds (same labels, tag dictionary and passes); tags like their ensemble.
  static PosModel average(const std::vector<const PosModel*>& models);

  /// Drops weights below `threshold` (smaller, faster model).
  void prune(float threshold);

  void write(BinaryWriter& w) const;
  /// `owner` holds the bytes `r` reads (weights stay in place); `format` is
  /// the tagger payload version.
  static PosModel read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                       std::uint32_t format);

 private:
  std::vector<std::string> labels_;  // "UPOS\tXPOS"
  TagDict dict_;
  std::uint32_t constrain_min_ = 0;  // 0: no tag dictionary constraint
  SparseWeights stage1_, stage2_;
  bool two_pass_ = false;
  int beam_ = 1;  // beam width of both passes

  friend struct PosTrainer;
};

}  // namespace dyad::detail
