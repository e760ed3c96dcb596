// dyad — part-of-speech tagger, morphological features and lemmatizer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad {

struct TaggerTrainOptions {
  int epochs = 10;
  std::uint64_t seed = 1;
  bool verbose = true;  ///< Progress and dev scores on stderr.
  bool two_pass = true; ///< Second pass reading first-pass tags on the right.
  int folds = 3;        ///< Jackknife folds for training the second pass.
  int beam = 1;         ///< Beam width (1 = greedy left-to-right).
  /// Taggers trained (in parallel threads) with seeds seed, seed+1, ...; the
  /// result is their weight average (average()).
  int ensemble = 1;
};

/// Fills upos, xpos, feats and lemma of every word. Immutable after loading;
/// tag() is const and safe to call from many threads at once.
class Tagger {
 public:
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  /// Loads a model written by save(); throws dyad::Error on a bad file.
  static Tagger load(const std::string& path);
  /// Trains from gold sentences; `dev` (may be empty) selects the best epoch.
  static Tagger train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                      const TaggerTrainOptions& options);
  /// The weight average of taggers trained on the same data with the same
  /// options and different seeds: it tags like their ensemble (scores are
  /// linear in the weights) at the size and speed of about one model. Throws
  /// dyad::Error when the members differ in labels or options.
  static Tagger average(const std::vector<const Tagger*>& members);
  void save(const std::string& path, const std::string& description) const;

  void tag(Sentence& sentence) const;

  struct Impl;

 private:
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
