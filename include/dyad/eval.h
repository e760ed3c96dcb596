// dyad — CoNLL 2018 shared-task evaluation (the metrics of conll18_ud_eval.py).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad {

struct UdScore {
  double precision = 0, recall = 0, f1 = 0;
  double aligned_accuracy = 0;  ///< Accuracy over aligned words (as the script prints).
  /// False for Tokens, Sentences and Words, whose AligndAcc column the script leaves blank.
  bool has_aligned_accuracy = false;
  std::size_t correct = 0;        ///< Matching units (spans, aligned words, correct labels).
  std::size_t gold_total = 0;     ///< Units in gold (after the metric's filter).
  std::size_t system_total = 0;   ///< Units in system (after the metric's filter).
  std::size_t aligned_total = 0;  ///< Aligned words (after the filter); 0 without AligndAcc.
};

struct UdEvaluation {
  UdScore tokens, sentences, words, upos, xpos, ufeats, alltags, lemmas, uas, las;
  /// The script's content-word metrics: CLAS (LAS over content relations), MLAS
  /// (plus UPOS, UFeats and functional children) and BLEX (plus lemma).
  UdScore clas, mlas, blex;
};

/// Compares system against gold. Both must cover the same characters (ignoring
/// whitespace); tokenization and sentence boundaries may differ. Throws
/// dyad::Error when the underlying texts differ, and (as the script does) when a
/// sentence is not a tree with a single root or a FORM is empty.
UdEvaluation evaluate_ud(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

/// The table conll18_ud_eval.py prints with --verbose.
std::string format_ud_evaluation(const UdEvaluation& e);

}  // namespace dyad
