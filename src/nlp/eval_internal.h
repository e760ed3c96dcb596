// dyad — internals of the CoNLL 2018 evaluation, shared by src/nlp/eval*.cpp
// and exposed to tests. Mirrors the data model of conll18_ud_eval.py.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad::detail {

/// Half-open range of *characters* (code points, whitespace excluded) into
/// UdRepresentation::characters, as the script counts them.
struct UdSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};

inline constexpr long kUdRoot = -1;        ///< Parent of a root word.
inline constexpr long kUdNotAligned = -2;  ///< A system parent with no gold partner.

/// One syntactic word with the columns the metrics read, already normalised the
/// way the script does: "_" for empty LEMMA/UPOS/XPOS/DEPREL, FEATS reduced to
/// sorted universal features, DEPREL cut at ':'.
struct UdWord {
  UdSpan span;                 ///< Of the word, or of its whole multiword token.
  bool is_multiword = false;   ///< Part of a multiword token.
  std::string form_lower;      ///< Lowercased FORM, for the LCS alignment.
  std::string lemma, upos, xpos, feats, deprel;
  long parent = kUdRoot;       ///< Index into UdRepresentation::words, or kUdRoot.
  std::vector<std::size_t> functional_children;  ///< In word order.
  bool is_content = false;     ///< DEPREL is a content relation (CLAS/MLAS/BLEX).
  bool is_functional = false;  ///< DEPREL is a functional relation (MLAS children).
};

/// A whole file (all sentences) as the script loads it.
struct UdRepresentation {
  std::u32string characters;  ///< Token characters, whitespace (Zs) removed.
  std::vector<UdSpan> tokens;
  std::vector<UdSpan> sentences;
  std::vector<UdWord> words;
};

/// Builds the script's representation; `side` ("gold"/"system") names the
/// input in error messages. Throws dyad::Error where the script raises UDError.
UdRepresentation load_ud_representation(const std::vector<Sentence>& sentences, const char* side);

/// The word alignment: matched (gold, system) index pairs in order, and for each
/// system word the index of its gold partner or kUdNotAligned.
struct UdAlignment {
  std::vector<std::pair<std::size_t, std::size_t>> matched;
  std::vector<long> system_to_gold;
};

UdAlignment align_ud_words(const std::vector<UdWord>& gold, const std::vector<UdWord>& system);

/// Keeps the features whose name is in the script's UNIVERSAL_FEATURES, sorted, '|'-joined.
std::string universal_features(const std::string& feats);

}  // namespace dyad::detail
