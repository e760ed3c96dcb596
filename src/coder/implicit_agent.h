// The likely agent of an agentless passive, named elsewhere in the sentence.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "coder/actors.h"

namespace dyad::detail {

/// The likely agent of an agentless passive, named elsewhere in the text:
/// an institution in its to/at phrase ("was summoned to the Foreign Ministry
/// of X"), the subject of a when/as clause ("were killed when a Russian
/// missile hit ..."), the author of the attack it happened in ("were killed
/// in an Israeli airstrike"), the country one is ordered to leave. It becomes
/// the source with a lower confidence. Appends (actor, parse path) pairs to `out`; `actors` has resolved the sentence.
void implicit_agent(const ActorResolver& actors, const SentenceView& v, int t,
                    std::vector<std::pair<ResolvedActor, std::string>>& out);

}  // namespace dyad::detail
