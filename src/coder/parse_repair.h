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

}  // namespace dyad::detail
