// Small parse tests the slot rules of match.cpp share: measure nouns, personal
// subjects labelled expl, a conjunct's own voice, capitalised modifiers.
#pragma once

#include <string_view>
#include <vector>

#include "coder/match.h"
#include "coder/sentence_view.h"

namespace dyad::detail {

/// A measure, amount or series ("kg", "worth", "dollar", "series", "wave"): its
/// "of" phrase says what the object is ("700 kg of medicine").
bool is_measure(std::string_view lemma);

/// A means or measure someone uses or takes ("fire", "force", "tear gas",
/// "measures", "steps", "a decree"), or what one blocks or closes to make a
/// point ("roads", "border", "embassy"): an infinitive on it is its user's
/// purpose ("opened fire to disperse the crowd": the shooters disperse it;
/// "blocked roads to protest": the blockers protest).
bool is_means_noun(std::string_view lemma);

/// Whether noun is an intention or capacity (plan, decision, right, ability,
/// ...) that is the object of have, make, take, announce, adopt, lack, ...:
/// an infinitive on it is the verb's subject's ("had no plans to send").
bool own_intent(const SentenceView& v, int noun);

/// Whether noun is a text (resolution, statement, letter, bill, decree, ...)
/// that is the object of a verb issuing it (pass, adopt, issue, release,
/// sign, submit, ...) and names no author of its own (no possessive, no
/// capitalised modifier: "a UN resolution" is the UN's): a participle on it
/// speaks for the verb's subject ("the council adopted a resolution
/// condemning X": the council condemns).
bool issued_document(const SentenceView& v, int noun);

/// The verb that asks for nominal act n, or -1: n is the object of a request
/// verb or "seek" ("demanded [the withdrawal] of X", "sought the release"),
/// or the for-phrase of call, appeal, ask, press, push or plead ("called
/// for [a ceasefire]"). What is asked for is not done, nor the asker's act.
int requesting_verb(const SentenceView& v, int n);

/// A quality or deed of someone ("professionalism", "courage", "role",
/// "efforts", "memory"): its "of" phrase is whom the phrase is about.
bool is_quality_of(std::string_view lemma);
/// People who act for their possessive owner ("Washington's lobbyists", "whose envoys").
bool acts_for_owner(std::string_view lemma);
/// Clauses on trigger t that say when or how its act happened ("... when a
/// missile hit", "as troops fired"), in order.
std::vector<int> when_clauses(const SentenceView& v, int t);

/// An armed attack noun ("attack", "raid", "strike", "ambush", "bombing",
/// "shelling", "assault", "airstrike", "offensive"): "killed in [an X attack]".
bool is_attack_noun(std::string_view lemma);

/// A weekday, month or period noun ("Saturday", "December", "week"): a
/// phrase headed by one says when, never what or whom.
bool is_time_noun(std::string_view lemma);

/// The "it" a parser labelled expl under a predicate that takes a personal
/// subject and an xcomp ("it is prepared to impose ..."), else -1.
int personal_expl(const SentenceView& v, int x);

/// A conjunct whose voice is its own rather than its passive head's: it has
/// its own non-passive auxiliary, an object, or a present/base/gerund form.
bool own_active_voice(const SentenceView& v, int x);

/// `w` itself when a capitalised amod/compound before it names whose act or
/// thing it is ("Israeli raids", "U.S. strikes"); empty when `w` is itself
/// capitalised (a name) or the modifier is the sentence's first word.
SlotWord capitalised_modifier(const SentenceView& v, int w);

/// A slot word that only counts a crowd ("thousands", "dozens", "a group")
/// gives way to its "of" phrase: "Thousands of Nigerians" -> "Nigerians".
SlotWord through_quantity(const SentenceView& v, SlotWord w);

/// The marker "to" of a to-infinitive ("to sit") of `verb`, or -1.
int infinitive_to(const SentenceView& v, int verb);

/// The subject a word governing `x` (its head `h`, x's relation `r`) gives an
/// infinitive, participle or gerund clause x that has none of its own, or
/// word -1: "time for Yerevan [to sit]", "Russia's decision [to expel]",
/// "demonstrators [protesting]", "called on X [to end]", "urged X [to
/// agree]", "warned X [against selling]". `path` is the climb so far.
SlotWord clause_controller(const SentenceView& v, int x, int h, const std::string& r, const std::string& path);

}  // namespace dyad::detail
