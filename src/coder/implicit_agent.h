// The likely agent of an agentless passive, named elsewhere in the sentence.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "coder/actors.h"
#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad::detail {

/// The likely agent of an agentless passive, named elsewhere in the text:
/// an institution in its to/at phrase ("was summoned to the Foreign Ministry
/// of X"), the subject of a when/as clause ("were killed when a Russian
/// missile hit ..."), the author of the attack it happened in ("were killed
/// in an Israeli airstrike"), the country one is ordered to leave. It becomes
/// the source with a lower confidence. Appends (actor, parse path) pairs to `out`; `actors` has resolved the sentence.
void implicit_agent(const ActorResolver& actors, const SentenceView& v, int t,
                    std::vector<std::pair<ResolvedActor, std::string>>& out);

/// An agentless passive that the sentence leaves without a source, whose
/// target was acted on shortly before: "Azerbaijan will refuse to consider
/// them diplomats ...; their immunity will be removed", "... The French side
/// has been given 48 hours": the agent of the latest earlier act on the same
/// country, in this paragraph and at most kImpliedLookBack sentences back,
/// when that agent is a state (its country, or its government) other than
/// the target's, and that act is on the same side of the quad classes
/// (cooperation 1-2, conflict 3-4: "Germany praised Israel. Israeli soldiers
/// were attacked" implies no attacker). Returns that event, or nullptr;
/// `events` are the article's so far, in order.
inline constexpr int kImpliedLookBack = 3;
const Event* earlier_agent_of(const std::vector<Event>& events, const Document& doc, int sentence,
                              const Actor& target, int quad_class);
/// "were killed by snipers": the passive names its agent (a by-phrase), even
/// when no actor resolves there; nothing is implied then.
bool has_agent_phrase(const SentenceView& v, int t);

}  // namespace dyad::detail
