// Verb lemmas the tagger got wrong, from the regular de-inflections of the
// form: the lemmatizer strips an unseen "-ed" whole ("blamed" -> "blam",
// "shelled" -> "shel"), and every rule that reads a verb class by lemma
// ("blame X for", modality, slot rules) then misses it.
#pragma once

#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad::detail {

struct Dictionary;

/// The regular de-inflections of a lower-case verb form, most likely first
/// ("ied"/"ies" -> "y", "-ed", "-ed" -> "e", "-ing", "-ing" -> "e", "-es",
/// "-s", and an undoubled final consonant: "stopped" -> "stop").
std::vector<std::string> verb_stems(const std::string& form);

/// Gives every verb of `s` whose lemma the dictionaries do not know the
/// first de-inflection of its form that they do (a trigger of some pattern):
/// "blamed" lemma "blam" -> "blame". Returns the number of lemmas changed.
int verb_lemmas_repaired(const Dictionary& d, Sentence& s);

}  // namespace dyad::detail
