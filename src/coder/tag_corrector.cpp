#include "coder/tag_corrector.h"

#include "coder/mandative_tags.h"
#include "coder/verb_lemmas.h"

namespace dyad::detail {

void CoderTagCorrector::correct(Sentence& s) const {
  names_.correct(s);
  mandative_verbs_retagged(*dict_, s);
  verb_lemmas_repaired(*dict_, s);
}

}  // namespace dyad::detail
