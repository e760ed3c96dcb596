// The coder's corrections of the tagger's output, run between tagging and
// parsing (Pipeline::with_tag_corrector): the dictionaries' multi-word names
// (name_tags.h) and the verbs of mandative that-clauses (mandative_tags.h).
// Verb lemmas are repaired later, by the coder itself (verb_lemmas.h), so that
// parsed CoNLL-U input, which skips this corrector, gets them too.
#pragma once

#include <memory>

#include "coder/name_tags.h"

namespace dyad::detail {

class CoderTagCorrector : public TagCorrector {
 public:
  explicit CoderTagCorrector(std::shared_ptr<const Dictionary> dict) : dict_(dict), names_(std::move(dict)) {}
  void correct(Sentence& s) const override;

 private:
  std::shared_ptr<const Dictionary> dict_;
  NameTagCorrector names_;
};

}  // namespace dyad::detail
