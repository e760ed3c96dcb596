// The verb of a mandative that-clause, retagged between tagging and parsing.
// "demanded that the Sudanese government end curbs on press freedom": a
// subjunctive (a bare verb after a singular subject) is rare in the
// treebank, so the tagger reads "government end curbs" as one noun phrase
// or "Israel halt" as a past tense, and the demand loses its target and
// the demanded act its modality.
#pragma once

#include "dyad/document.h"

namespace dyad::detail {

struct Dictionary;

/// After a request or mandative verb and "that" ("demanded that", "urged
/// that", "insisted that"), retags as a bare verb (VB) the first word of the
/// clause that is the base form of a verb with event patterns in `d`, comes
/// right after the clause's subject noun or pronoun, and was tagged a noun
/// (or, after a request verb, a past tense: "urged that Israel halt"; after
/// "insisted that the army cut" it may be one). The scan stops at a verb,
/// auxiliary or punctuation.
/// Returns the number of words retagged.
int mandative_verbs_retagged(const Dictionary& d, Sentence& s);

}  // namespace dyad::detail
