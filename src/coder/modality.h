// The modality of an event from the trigger's clause and what governs it.
#pragma once

#include <string>

#include "coder/sentence_view.h"
#include "dyad/event.h"

namespace dyad::detail {

struct ModalityResult {
  Modality modality = Modality::kAsserted;
  std::string why;        // the rule that fired, for --explain
  int speaker = -1;       // subject word of the governing speech verb, -1 if none
  std::string speaker_path;
  /// An act announced, not done: will/would/may/might, or a controller such
  /// as "ready to", "plans to", "threatened to"; never when negated or denied.
  bool intent = false;
};

/// Decision rules (docs/coder.md): negated > denied > conditional > hypothetical >
/// future > alleged > reported > asserted. `negation_coded`: the pattern
/// itself requires the negation ("would not meet demands" is a refusal, 124),
/// so it does not make the event negated.
ModalityResult modality_of(const SentenceView& v, int trigger, bool negation_coded = false);

}  // namespace dyad::detail
