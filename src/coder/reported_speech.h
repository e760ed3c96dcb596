// Reported speech and split coordination over the dependency parse.
//
// "Arnor signed a protocol with Dagolath, officials said": whichever way the
// parser hangs the clause on the speech verb (ccomp/parataxis below it, or the
// speech verb as a trailing parataxis of the clause), the clause is what was
// said. The speech verb takes no target from inside it, and its own event is
// dropped when the clause carries an event (that event gets attributed_to the
// speaker, modality.cpp). "Arnor, Calenardhon and Gondor welcomed ...": a
// parser may give the verb several nsubj siblings for one comma list.
#pragma once

#include <vector>

#include "coder/sentence_view.h"

namespace dyad::detail {

/// Plain statement verbs (say, state, report, add, ...): what they report is
/// their content, never the party they act on. Not warn/accuse/threaten, whose
/// clause subject can be the target ("warned that X would pay").
bool statement_verb(const SentenceView& v, int t);

/// A speech verb written after the clause it attributes ("CLAUSE, X said"):
/// parataxis/ccomp/advcl/acl of an earlier word, its subject right after a comma.
/// Returns that head, or -1.
int attributed_clause_head(const SentenceView& v, int t);

/// "It is better, as they say, to talk": a present-tense statement verb in an
/// "as" clause whose subject is the generic they/one/people/you and that says
/// nothing (no object or phrase) is a figure of speech, not a
/// statement ("as they said" still reports).
bool figure_of_speech(const SentenceView& v, int t);

/// "Croatian authorities are failing refugees, a rights group protested": an
/// accusing verb (protest, complain, charge, condemn, ...) written after the
/// clause it reacts to, with nothing of its own to aim at, accuses that
/// clause's subject. Returns that subject word, or -1.
int accused_by_trailing_verb(const SentenceView& v, int t);

/// Words of the reported clause of statement verb `t` (sorted); empty when t
/// reports no clause. Includes t's own dependents that precede its subject in
/// the trailing form (a parser's "its embassy, a senior official said" obj).
std::vector<int> reported_region(const SentenceView& v, int t);

/// Other words with the same subject/object relation on the same head that
/// continue a comma list with `w` ("Arnor(nsubj) , Calenardhon(nsubj) and
/// Gondor"); empty for a normal parse.
std::vector<int> split_list_siblings(const SentenceView& v, int w);

/// A mandative (subjunctive) clause x: a bare verb with no auxiliary ("that
/// Russia withdraw"; VBP after a plural subject: "that both sides resume"),
/// or one with "should"; not "that Russia will withdraw".
bool mandative_clause(const SentenceView& v, int x);

/// "X said that Y must ...": a speech verb whose that-clause (with its own
/// subject) carries "must"/"ought" is a demand on that subject (CAMEO 10);
/// so is a mandative that-clause of "insist" ("insisted that Japan apologize").
bool demand_by_clause(const SentenceView& v, int t);

}  // namespace dyad::detail
