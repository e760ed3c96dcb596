// What the coder keeps of one sentence's events: the rules that drop an event
// another event of the same sentence already says. Each takes the events
// out[first..] of the sentence and, where it needs the tree, each event's
// trigger word (same order), and erases in place.
#pragma once

#include <cstddef>
#include <vector>

#include "coder/sentence_view.h"
#include "dyad/coder.h"

namespace dyad::detail {

/// "X said [Y did Z]": the event Y did Z, attributed to X, is the news; the
/// statement itself, with no target of its own, is dropped ("X told Y that
/// ..." keeps X -> Y). reported[k] (sorted word indexes of the clause the
/// trigger reports) and triggers[k] belong to out[first + k]; both are
/// compacted with `out`.
void drop_statements_of_reported_events(std::vector<Event>& out, std::size_t first,
                                        std::vector<std::vector<int>>& reported, std::vector<int>& triggers);

/// The same act told twice in one clause: "sit down at the negotiating table
/// with Baku" codes "sit" and "table", "held talks with X" "held" and "talks",
/// with the same code, date and modality. The event whose trigger hangs
/// (within two steps) under the other's trigger is dropped when it names no
/// actor the other does not (the same, none, or only the country: "fired
/// [tear gas] at protesters" with the gas aimed at GEO, the firing at GEOOPP),
/// so a store counts one mention, not two. The act a verb announces in its
/// complement counts as restated whatever its modality ("threatened to cut off
/// aid": the threat 1311, asserted, from "threatened"; "cut off" recoded to the
/// same intent 1311, future, is dropped). triggers[k] belongs to out[first + k]
/// and is compacted with it.
void drop_restated(const SentenceView& v, std::vector<Event>& out, std::size_t first, std::vector<int>& triggers);

/// "North Korea threatened to attack South Korea": the verb's general code
/// (130, a root's "not specified below") and its complement's act recoded to a
/// specific code of the same root (the intent 1384) are one threat. The verb's
/// event takes the specific code (its trigger, modality and date stay: the
/// threat was made; the explanation says why) and the complement's event, with
/// no actor the verb's does not name, is dropped. triggers[k] belongs to
/// out[first + k] and is compacted with it.
void sharpen_by_complement(const SentenceView& v, std::vector<Event>& out, std::size_t first, std::vector<int>& triggers);

/// Within a sentence, an event of the same code whose actors are a subset of
/// another's ("declared persona non grata by X" + the noun "grata" with no
/// actors) says nothing new: the fuller one is kept.
void drop_subsumed(std::vector<Event>& out, std::size_t first);

}  // namespace dyad::detail
