// dyad — labeled transition-based dependency parser.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/tagger.h"

namespace dyad {

struct ParserTrainOptions {
  int epochs = 15;
  std::uint64_t seed = 1;
  /// Models trained (in parallel threads) with seeds seed, seed+1, ...; the
  /// saved model is their weight average, which scores like the ensemble.
  int ensemble = 1;
  bool verbose = true;  ///< Progress and dev scores on stderr.
};

/// Fills head and deprel of every word from its form, upos, xpos, feats and
/// lemma. Immutable after loading; parse() is const and thread-safe.
class Parser {
 public:
  ~Parser();
  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;

  static Parser load(const std::string& path);
  /// Trains from sentences whose tags are what the tagger will predict at run
  /// time (or gold), `dev` (may be empty) selects the best epoch.
  static Parser train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                      const ParserTrainOptions& options);
  void save(const std::string& path, const std::string& description) const;

  void parse(Sentence& sentence) const;

  struct Impl;

 private:
  explicit Parser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Jackknifed tags for parser training: splits `train` into `folds` contiguous
/// parts and tags each with a tagger trained (with `options`, `dev` picking its
/// epoch) on the other parts, so the parser learns from tags as noisy as the
/// ones it will see at run time. Returns a copy of `train` with lemma, upos,
/// xpos and feats predicted; heads and deprels are kept.
std::vector<Sentence> jackknife_tags(const std::vector<Sentence>& train,
                                     const std::vector<Sentence>& dev, int folds,
                                     const TaggerTrainOptions& options);

}  // namespace dyad
