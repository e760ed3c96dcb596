// Tags the multi-word names the dictionary knows as names, between tagging
// and parsing: the tagger reads "Human Rights Watch demanded ..." as "Human
// Rights" doing "Watch", and the parser follows it; a name tagged PROPN from
// its first word to its last is parsed as one noun phrase.
#pragma once

#include <memory>

#include "dyad/pipeline.h"

namespace dyad::detail {

struct Dictionary;

class NameTagCorrector : public TagCorrector {
 public:
  explicit NameTagCorrector(std::shared_ptr<const Dictionary> dict) : dict_(std::move(dict)) {}
  /// Retags the content words of every capitalised multi-word name of an
  /// organization, country or city as PROPN (NNP/NNPS, lemma = form);
  /// function words inside a name ("of", "for", "the") and country
  /// adjectives ("Chinese Communist Party") keep their tags. Also retags a
  /// capitalised one-word name read as a verb ("Beijing" VBG) as PROPN, and
  /// a sentence-initial PROPN that is the plural of an agent term
  /// ("Gunmen") as that noun.
  void correct(Sentence& s) const override;

 private:
  std::shared_ptr<const Dictionary> dict_;
};

}  // namespace dyad::detail
