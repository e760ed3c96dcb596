// Pattern matching over the dependency parse: which pattern a trigger word
// fires, and which words fill its source and target slots.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "coder/dictionary.h"
#include "coder/sentence_view.h"

namespace dyad::detail {

/// A word filling a slot plus the parse path that led to it ("order -nsubj:pass-> They").
struct SlotWord {
  int word = -1;
  std::string path;
};

/// The logical subject: nsubj; the by-agent of a passive; inherited through
/// xcomp (subject or object control), conj and advcl. word = -1 when none.
SlotWord logical_subject(const SentenceView& v, int verb);
/// The logical object: obj, or nsubj:pass of a passive.
SlotWord logical_object(const SentenceView& v, int verb);
/// An obl/nmod dependent introduced by `prep` ("with", "according to").
SlotWord prep_dependent(const SentenceView& v, int head, const std::string& prep);

/// Labels of @discard records whose terms occur in the sentence.
std::vector<std::string> discard_labels(const Dictionary& d, const SentenceView& v, bool* scope_all);

/// The most specific pattern that fires on word `t`, or nullptr.
const Pattern* match_trigger(const Dictionary& d, const SentenceView& v, int t,
                             const std::vector<std::string>& discards);

struct Slots {
  std::vector<SlotWord> sources;  // empty when the text names none
  std::vector<SlotWord> targets;
  /// Targets are alternatives in order of preference: the coder keeps the
  /// first that resolves to an actor (instead of one event per target).
  bool first_target_only = false;
};

/// Fills the slots of a fired pattern. `clause_target`: a verb without an
/// object may take its target from the subject of its that-clause ("demanded
/// that X end ..."); off for statements, where that subject is what was said about.
Slots fill_slots(const SentenceView& v, int t, const Pattern& p, bool clause_target = false);

// Parts of fill_slots shared with verb_targets.cpp.

/// The first child of `i` with exactly this relation, or -1.
int exact_kid(const SentenceView& v, int i, std::string_view rel);
/// One step of a parse path for explanations: "summon -obj-> ambassador".
std::string step(const SentenceView& v, int from, const std::string& rel, int to, bool down);
/// The by-agent of a passive verb (obl:agent or a "by" phrase), or -1.
int by_agent(const SentenceView& v, int x);
/// A verb whose subject reacts to someone else's act (protest, condemn,
/// reject, welcome, ...): it is not that act's agent.
bool reacts_to_others_act(const SentenceView& v, int verb);

/// The source of a nominal trigger: its possessive, its by-phrase, a
/// capitalised modifier, the accused of "accused X of [act]", or the subject
/// of the verb it is the object of ("Azerbaijan announced the expulsion"),
/// unless that verb reacts to, or only moves, others' acts (noun_source.cpp).
SlotWord noun_source(const SentenceView& v, int t);

/// True when a has= constraint of the pattern requires a negation word
/// ("verb: meet obj=demand has=not": a refusal, whose "not" negates nothing).
bool requires_negation(const Pattern& p);
/// The owners of phrase `w` (its possessive, or a compound that is not part
/// of a name), each passed to `add`.
void add_owners(const SentenceView& v, int w, const std::function<void(SlotWord)>& add);
/// The targets of a verb pattern that names no target slot, in order of
/// preference, appended to out.targets (verb_targets.cpp).
void default_verb_targets(const SentenceView& v, int t, int source, bool clause_target, Slots& out,
                          int depth = 0);

}  // namespace dyad::detail
