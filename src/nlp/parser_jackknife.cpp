// Jackknifed tagging of parser training data; see jackknife_tags in parser.h.
#include <chrono>
#include <cstdio>

#include "dyad/error.h"
#include "dyad/parser.h"

namespace dyad {

std::vector<Sentence> jackknife_tags(const std::vector<Sentence>& train,
                                     const std::vector<Sentence>& dev, int folds,
                                     const TaggerTrainOptions& options) {
  if (folds < 2) throw Error("jackknife_tags: need at least 2 folds, got " + std::to_string(folds));
  std::vector<Sentence> out = train;
  // Fold progress only: the folds' own epoch reports would drown it.
  TaggerTrainOptions quiet = options;
  quiet.verbose = false;
  const auto start = std::chrono::steady_clock::now();
  const std::size_t n = train.size();
  for (int f = 0; f < folds; ++f) {
    // Contiguous folds keep documents together, as at run time.
    const std::size_t begin = n * static_cast<std::size_t>(f) / static_cast<std::size_t>(folds);
    const std::size_t end = n * static_cast<std::size_t>(f + 1) / static_cast<std::size_t>(folds);
    std::vector<Sentence> rest;
    rest.reserve(n - (end - begin));
    for (std::size_t i = 0; i < n; ++i)
      if (i < begin || i >= end) rest.push_back(train[i]);
    const Tagger tagger = Tagger::train(rest, dev, quiet);
    for (std::size_t i = begin; i < end; ++i) {
      // The tagger must not see the gold tags it is asked to predict.
      for (Word& w : out[i].words) {
        w.lemma.clear();
        w.upos.clear();
        w.xpos.clear();
        w.feats.clear();
      }
      tagger.tag(out[i]);
    }
    if (options.verbose)
      std::fprintf(stderr, "jackknife: fold %d/%d tagged, %.0f s\n", f + 1, folds,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return out;
}

}  // namespace dyad
