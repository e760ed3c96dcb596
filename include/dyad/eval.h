// dyad — CoNLL 2018 shared-task evaluation (the metrics of conll18_ud_eval.py).
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad {

struct UdScore {
  double precision = 0, recall = 0, f1 = 0;
  double aligned_accuracy = 0;  ///< Accuracy over aligned words (as the script prints).
};

struct UdEvaluation {
  UdScore tokens, sentences, words, upos, xpos, ufeats, alltags, lemmas, uas, las;
};

/// Compares system against gold. Both must cover the same characters (ignoring
/// whitespace); tokenization and sentence boundaries may differ. Throws
/// dyad::Error when the underlying texts differ.
UdEvaluation evaluate_ud(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

/// The table conll18_ud_eval.py prints with --verbose.
std::string format_ud_evaluation(const UdEvaluation& e);

}  // namespace dyad
