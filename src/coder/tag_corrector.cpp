#include "coder/tag_corrector.h"

#include "coder/mandative_tags.h"

namespace dyad::detail {

void CoderTagCorrector::correct(Sentence& s) const {
  names_.correct(s);
  mandative_verbs_retagged(*dict_, s);
}

}  // namespace dyad::detail
