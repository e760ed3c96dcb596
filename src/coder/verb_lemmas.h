// Verb lemmas the tagger got wrong, from the regular de-inflections of the
// form: the lemmatizer strips an unseen "-ed" whole ("blamed" -> "blam",
// "shelled" -> "shel"), and every rule that reads a verb class by lemma
// ("blame X for", modality, slot rules) then misses it. The coder repairs
// them once, where it reads a sentence (Coder::code), whatever the input:
// raw text, JSONL or parsed CoNLL-U.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dyad/document.h"

namespace dyad::detail {

struct Dictionary;

/// The lemma `w` should have, when it is a verb whose lemma the dictionaries
/// do not know as a trigger but the lemma of its irregular form
/// (irregular_verb_lemma) or a regular de-inflection of its form they do ("ied"/"ies" -> "y", "-ed", "-ed" -> "e", "-ing", "-ing" ->
/// "e", "-es", "-s", and an undoubled final consonant: "stopped" -> "stop"),
/// the most likely first. Nothing for every other word.
std::optional<std::string> repaired_verb_lemma(const Dictionary& d, const Word& w);

/// The lemma of an irregular past or participle form ("froze" -> "freeze",
/// "withheld" -> "withhold"; lower case), or "" (irregular_verbs.cpp).
std::string_view irregular_verb_lemma(std::string_view form);
/// Whether the irregular-form table is sorted (its lookup is a binary search).
bool irregular_verbs_sorted();

/// Whether some word of `s` has a repaired_verb_lemma().
bool needs_verb_lemma_repair(const Dictionary& d, const Sentence& s);

/// Gives every such verb of `s` its repaired lemma ("blamed" lemma "blam" ->
/// "blame"). Returns the number of lemmas changed.
int verb_lemmas_repaired(const Dictionary& d, Sentence& s);

}  // namespace dyad::detail
