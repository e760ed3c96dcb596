// Parse repairs the coder applies before matching (see parse_repair.cpp).
#pragma once

#include <string>

#include "dyad/document.h"

namespace dyad::detail {

/// "Kenya's police arrested five men" parsed with "police" as the root and
/// "arrested" as its participle modifier (acl), or "people blocked streets"
/// with "blocked" as an adjective of "streets": the sentence then has no
/// clause and no event. When the root is nominal and a past-tense verb follows
/// the subject phrase without a subject of its own, the verb becomes the root
/// with the old root as its subject. Returns false (and leaves `s` untouched)
/// when the sentence does not have that shape; `why` names the repair.
bool repair_nominal_root(Sentence& s, std::string* why);

/// A nominal root or reported clause, or a sentence-initial adjective root
/// ("Chinese | President Xi said"): the shapes repair_nominal_root looks at.
bool has_nominal_root(const Sentence& s);
/// The same repair for the clause headed by word `head` (the root, or a
/// nominal ccomp/parataxis: "officials said [rebels shelled Juba]").
bool repair_nominal_clause(Sentence& s, int head, std::string* why);

/// A temporal noun ("yesterday", "Monday", "last week", "Monday night").
bool temporal_noun(const Sentence& s, int i);

/// Core-argument repairs (argument_repair.cpp): a temporal noun in a subject
/// or object slot becomes obl:tmod and hands the slot to the nominal it
/// governs (or, for a passive subject, to the verb's object); an object that
/// opens with a preposition becomes an oblique. Returns whether anything
/// changed; `why` (appended to) names each repair.
bool repair_arguments(Sentence& s, std::string* why);
/// Whether repair_arguments would change `s` (so correct parses are not copied).
bool needs_argument_repair(const Sentence& s);

/// Missing-argument repairs (object_repair.cpp), run last by repair_arguments:
/// a name read as the compound of a temporal oblique, a numeral object
/// heading its noun, a noun phrase hung beside its verb, a noun holding an
/// object of its own. Returns whether anything changed.
bool repair_objects(Sentence& s, std::string* why);
/// Whether repair_objects would change `s`.
bool needs_object_repair(const Sentence& s);

}  // namespace dyad::detail
