// Verb classes the coder's parse repairs, slot rules and modality share, so
// that one list says which verbs report speech or make their object act.
// Every test takes a lemma (lower-case).
#pragma once

#include <string_view>

namespace dyad::detail {

/// Verbs that report what someone said: "X said/announced/claimed (that) ..."
/// ("say", "report", "tell", "state", "announce", "add", "claim", "confirm",
/// "insist"). The parse repairs read a clause hung on their subject or object
/// as what was reported.
bool is_report_verb(std::string_view lemma);

/// Report verbs and the verbs of emphatic, repeated or explanatory statement
/// ("declare", "reiterate", "stress", "emphasize", "argue", "explain",
/// "comment", ...): "..., officials said/stressed/commented." frames a
/// reported clause. Not "warn": a warning is an event of its own (130) whose
/// clause is its content, not a report.
bool is_statement_verb(std::string_view lemma);

/// Statement verbs and the verbs of belief, disclosure and accusation whose
/// complement clause is someone's account, not the writer's ("believe",
/// "reveal", "admit", "accuse", "deny", "threaten", "promise", ...).
bool is_speech_verb(std::string_view lemma);

/// Object-control verbs: their object is who is made, asked or let to do the
/// infinitive ("urged Kyiv to hold talks", "forced them to leave", "allowed
/// inspectors to return"), so the object is the infinitive's subject.
bool is_object_control_verb(std::string_view lemma);

/// Verbs whose infinitive or clause is only asked or advised, not done
/// ("urged Kyiv to hold talks", "demanded to see", "appealed to X to stop");
/// unlike "forced" or "allowed", after which the act happens.
bool is_request_verb(std::string_view lemma);

/// Verbs that ask for a thing with "for" ("called for a ceasefire", "appealed
/// for calm", "lobbied for sanctions"): the thing is wanted of others.
bool is_ask_for_verb(std::string_view lemma);

/// Verbs that, besides the request verbs, take a mandative that-clause
/// ("insisted that the army return", "proposed that talks resume").
bool is_mandative_verb(std::string_view lemma);

/// Verbs that keep someone from doing what a from-clause says ("prevented
/// protesters from entering", "barred women from attending").
bool is_keep_from_verb(std::string_view lemma);

/// Verbs that warn someone against what an against-clause says ("warned
/// Washington against selling weapons").
bool is_warn_against_verb(std::string_view lemma);

/// Verbs whose subject undergoes or receives the act named by their object
/// or oblique ("two policemen died in an ambush", "survived an assassination
/// attempt", "suffered an attack", "received death threats", "faces
/// protests"): the subject is the act's target, not its author.
bool is_suffering_verb(std::string_view lemma);

/// Verbs that stop or fight off an act ("foiled an attack", "repelled an
/// assault", "took steps to prevent attacks"): the act is someone else's.
bool is_foil_verb(std::string_view lemma);

/// Nouns of texts that speak for whoever issued them: "a resolution
/// [condemning X]", "a statement [demanding ...]" (resolution, statement,
/// declaration, letter, report, bill, decree, draft, proposal, ruling, ...).
bool is_document_noun(std::string_view lemma);

/// Verbs that issue such a text in their subject's name ("passed",
/// "adopted", "issued", "released", "signed", "submitted" a resolution); not
/// "vetoed" or "rejected", which act on someone else's.
bool is_issuing_verb(std::string_view lemma);

}  // namespace dyad::detail
