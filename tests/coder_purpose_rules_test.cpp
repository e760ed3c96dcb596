// Session-10 coder rules: purposes, prevented acts and mandative clauses
// (docs/coder.md, "wire-sentence fixes" 68-88). Hand-built parses of
// sentences we wrote, the real data/ dictionaries; each test fails without
// its rule.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

using dyad::testing::event_by_trigger;

// (68) "Indian police opened fire to disperse Sikh protesters.": an
// infinitive on an object that is a means ("fire"), not someone, is the
// purpose of the verb's subject.
TEST(CoderPurposeRules, InfinitiveOnAMeansIsItsUsersPurpose) {
  auto ev = code_parsed({"Indian Indian ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj", "opened open VERB VBD 0 root",
                         "fire fire NOUN NN 3 obj", "to to PART TO 6 mark", "disperse disperse VERB VB 4 acl",
                         "Sikh Sikh PROPN NNP 8 compound", "protesters protester NOUN NNS 6 obj", ". . PUNCT . 3 punct"});
  const dyad::Event* d = event_by_trigger(ev, "disperse");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->source.has_value());
  EXPECT_EQ(d->source->code, "INDCOP");
}

// (session 12) "Kenyan farmers blocked roads to protest the tax.": what one
// blocks or closes to make a point is a means too; the blockers protest.
TEST(CoderPurposeRules, InfinitiveOnABlockedRoadIsTheBlockersPurpose) {
  auto ev = code_parsed({"Kenyan Kenyan ADJ JJ 2 amod", "farmers farmer NOUN NNS 3 nsubj", "blocked block VERB VBD 0 root",
                         "roads road NOUN NNS 3 obj", "to to PART TO 6 mark", "protest protest VERB VB 4 acl",
                         "the the DET DT 8 det", "tax tax NOUN NN 6 obj", ". . PUNCT . 3 punct"});
  const dyad::Event* p = event_by_trigger(ev, "protest");
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(p->source.has_value());
  EXPECT_EQ(p->source->code, "KENAGR");
}

// (69) "Egyptian police foiled an attack on a church.": the act foiled did
// not happen and was not the police's.
TEST(CoderPurposeRules, PreventedActIsNegatedAndNotTheSubjects) {
  auto ev = code_parsed({"Egyptian Egyptian ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj", "foiled foil VERB VBD 0 root",
                         "an a DET DT 5 det", "attack attack NOUN NN 3 obj", "on on ADP IN 8 case", "a a DET DT 8 det",
                         "church church NOUN NN 5 nmod", ". . PUNCT . 3 punct"});
  const dyad::Event* a = event_by_trigger(ev, "attack");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->modality, dyad::Modality::kNegated);
  EXPECT_FALSE(a->source && a->source->code == "EGYCOP");
}

// (70) "Norway asked that Russia withdraw its troops.": a request's mandative
// that-clause is asked for, not done; "France said that Russia will
// withdraw" is not mandative.
TEST(CoderPurposeRules, MandativeClauseOfARequestIsHypothetical) {
  auto ev = code_parsed({"Norway Norway PROPN NNP 2 nsubj", "asked ask VERB VBD 0 root", "that that SCONJ IN 5 mark",
                         "Russia Russia PROPN NNP 5 nsubj", "withdraw withdraw VERB VB 2 ccomp", "its its PRON PRP$ 7 nmod:poss",
                         "troops troops NOUN NNS 5 obj", ". . PUNCT . 2 punct"});
  const dyad::Event* w = event_by_trigger(ev, "withdraw");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->modality, dyad::Modality::kHypothetical);
  auto said = code_parsed({"France France PROPN NNP 2 nsubj", "said say VERB VBD 0 root", "that that SCONJ IN 6 mark",
                           "Russia Russia PROPN NNP 6 nsubj", "will will AUX MD 6 aux", "withdraw withdraw VERB VB 2 ccomp",
                           "its its PRON PRP$ 8 nmod:poss", "troops troops NOUN NNS 6 obj", ". . PUNCT . 2 punct"});
  const dyad::Event* f = event_by_trigger(said, "withdraw");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->modality, dyad::Modality::kHypothetical);
}

// (71) Data: "stopped the riots in Dhaka" is no visit to Dhaka (042); "stopped
// in Dhaka" still is.
TEST(CoderPurposeRules, StoppingSomethingInAPlaceIsNoVisit) {
  auto ev = code_parsed({"Indian Indian ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj", "stopped stop VERB VBD 0 root",
                         "the the DET DT 5 det", "riots riot NOUN NNS 3 obj", "in in ADP IN 7 case",
                         "Dhaka Dhaka PROPN NNP 3 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "042"), "(no 042 event)");
  auto visit = code_parsed({"The the DET DT 3 det", "Indian Indian ADJ JJ 3 amod", "president president NOUN NN 4 nsubj",
                            "stopped stop VERB VBD 0 root", "in in ADP IN 6 case", "Dhaka Dhaka PROPN NNP 4 obl",
                            ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(visit, "042"), "INDGOV>BGDGOV");
}

// (72) "Iranian state media said the navy seized two tankers.": a bare state
// organ takes the country of a national actor of its own sentence when the
// sentence names no state (before: the last state of earlier sentences, or none).
TEST(CoderPurposeRules, BareStateOrganTakesItsSentencesNationalActor) {
  auto ev = code_parsed({"Iranian Iranian ADJ JJ 3 amod", "state state NOUN NN 3 compound", "media media NOUN NNS 4 nsubj",
                         "said say VERB VBD 0 root", "the the DET DT 6 det", "navy navy NOUN NN 7 nsubj",
                         "seized seize VERB VBD 4 ccomp", "two two NUM CD 9 nummod", "tankers tanker NOUN NNS 7 obj",
                         ". . PUNCT . 4 punct"});
  const dyad::Event* s = event_by_trigger(ev, "seized");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->source.has_value());
  EXPECT_EQ(s->source->code, "IRNMIL");
}

// (73) "Japan protested after Chinese ships entered its waters.", "Seoul
// condemned the launch when North Korea fired missiles.": a reaction is
// addressed to whoever did the act it answers.
TEST(CoderPurposeRules, ReactionTargetsTheActorOfTheActItAnswers) {
  auto ev = code_parsed({"Japan Japan PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root", "after after SCONJ IN 5 mark",
                         "Chinese Chinese ADJ JJ 5 nsubj", "entered enter VERB VBD 2 advcl", "its its PRON PRP$ 7 nmod:poss",
                         "waters water NOUN NNS 5 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "14"), "JPN>CHN");
  ev = code_parsed({"Seoul Seoul PROPN NNP 2 nsubj", "condemned condemn VERB VBD 0 root", "the the DET DT 4 det",
                    "launch launch NOUN NN 2 obj", "when when ADV WRB 7 advmod", "Pyongyang Pyongyang PROPN NNP 7 nsubj",
                    "fired fire VERB VBD 2 advcl", "two two NUM CD 9 nummod", "missiles missile NOUN NNS 7 obj",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "111"), "KORGOV>PRKGOV");
}

// (74) "France demanded the withdrawal of Russian troops.", "The UN called
// for sanctions against Syria.": a nominal act asked for is not done, nor
// the asker's act.
TEST(CoderPurposeRules, NominalActAskedForIsHypotheticalAndNotTheAskers) {
  auto ev = code_parsed({"France France PROPN NNP 2 nsubj", "demanded demand VERB VBD 0 root", "the the DET DT 4 det",
                         "withdrawal withdrawal NOUN NN 2 obj", "of of ADP IN 7 case", "Russian Russian ADJ JJ 7 amod",
                         "troops troops NOUN NNS 4 nmod", ". . PUNCT . 2 punct"});
  const dyad::Event* w = event_by_trigger(ev, "withdrawal");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->modality, dyad::Modality::kHypothetical);
  EXPECT_FALSE(w->source && w->source->code == "FRA");
  ev = code_parsed({"The the DET DT 2 det", "UN UN PROPN NNP 3 nsubj", "called call VERB VBD 0 root",
                    "for for ADP IN 5 case", "sanctions sanction NOUN NNS 3 obl", "against against ADP IN 7 case",
                    "Syria Syria PROPN NNP 5 nmod", ". . PUNCT . 3 punct"});
  const dyad::Event* s = event_by_trigger(ev, "sanctions");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->modality, dyad::Modality::kHypothetical);
  EXPECT_FALSE(s->source && s->source->code == "IGOUNO");
}

// (75) "Kenya has not recognized the government in Niger.": an actor noun
// followed by "in" and a country is that country's, even when the parser
// hangs the phrase on the verb.
TEST(CoderPurposeRules, ActorInACountryIsThatCountrys) {
  auto ev = code_parsed({"Kenya Kenya PROPN NNP 4 nsubj", "has have AUX VBZ 4 aux", "not not PART RB 4 advmod",
                         "recognized recognize VERB VBN 0 root", "the the DET DT 6 det", "government government NOUN NN 4 obj",
                         "in in ADP IN 8 case", "Niger Niger PROPN NNP 4 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "05"), "KEN>NERGOV");
}

// (76) "The Pentagon said it had no plans to send troops.": an intention one
// has is one's own, and "no plans" negates it; "the right to enrich" is a
// capacity, not an act.
TEST(CoderPurposeRules, IntentionHadIsItsHoldersAndNoPlansNegate) {
  auto ev = code_parsed({"The the DET DT 2 det", "Pentagon Pentagon PROPN NNP 3 nsubj", "said say VERB VBD 0 root",
                         "it it PRON PRP 5 nsubj", "had have VERB VBD 3 ccomp", "no no DET DT 7 det",
                         "plans plan NOUN NNS 5 obj", "to to PART TO 9 mark", "send send VERB VB 7 acl",
                         "troops troops NOUN NNS 9 obj", "to to ADP IN 12 case", "Niger Niger PROPN NNP 9 obl",
                         ". . PUNCT . 3 punct"});
  const dyad::Event* s = event_by_trigger(ev, "send");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->source.has_value());
  EXPECT_EQ(s->source->code, "USAMIL");
  EXPECT_EQ(s->modality, dyad::Modality::kNegated);
  ev = code_parsed({"Iran Iran PROPN NNP 2 nsubj", "has have VERB VBZ 0 root", "the the DET DT 4 det",
                    "right right NOUN NN 2 obj", "to to PART TO 6 mark", "enrich enrich VERB VB 4 acl",
                    "uranium uranium NOUN NN 6 obj", ". . PUNCT . 2 punct"});
  const dyad::Event* e = event_by_trigger(ev, "enrich");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, dyad::Modality::kHypothetical);
}

// (77) "The Ethiopian government and Tigrayan forces held talks.": a
// subject with a conjunct before a participle read as the object's
// adjective is repaired like a one-word subject.
TEST(CoderPurposeRules, ConjoinedSubjectBeforeAParticipleIsRepaired) {
  auto ev = code_parsed({"The the DET DT 3 det", "Ethiopian Ethiopian ADJ JJ 3 amod", "government government NOUN NN 8 nsubj",
                         "and and CCONJ CC 6 cc", "Eritrean Eritrean ADJ JJ 6 amod", "officials official NOUN NNS 3 conj",
                         "held hold VERB VBN 8 amod", "talks talk NOUN NNS 0 root", "in in ADP IN 10 case",
                         "Pretoria Pretoria PROPN NNP 8 nmod", ". . PUNCT . 8 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "ETHGOV>ERIGOV");
}

// (session 13) "The two leaders held talks in Geneva.": a meeting's place is
// a venue for its source too; unnamed leaders are not the Swiss government.
TEST(CoderPurposeRules, MeetingPlaceGivesNoCountryToItsSource) {
  auto ev = code_parsed({"The the DET DT 3 det", "two two NUM CD 3 nummod", "leaders leader NOUN NNS 4 nsubj",
                         "held hold VERB VBD 0 root", "talks talk NOUN NNS 4 obj", "in in ADP IN 7 case",
                         "Geneva Geneva PROPN NNP 5 nmod", ". . PUNCT . 4 punct"});
  const dyad::Event* t = event_by_trigger(ev, "held");
  ASSERT_NE(t, nullptr);
  ASSERT_TRUE(t->source.has_value());
  EXPECT_EQ(t->source->code, "GOV");
  ASSERT_TRUE(t->location.has_value());
  EXPECT_EQ(t->location->country, "CHE");  // the place itself is kept
}

// (session 13) An excluded context is a filter, not a specification: the
// bare "declare !context=sports,..." (010) no longer ties with "declare
// obj=@curfew" and wins by file order.
TEST(CoderPurposeRules, ExcludedContextDoesNotOutrankAnObjectClass) {
  auto ev = code_parsed({"The the DET DT 2 det", "president president NOUN NN 3 nsubj", "declared declare VERB VBD 0 root",
                         "a a DET DT 5 det", "curfew curfew NOUN NN 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "1723"), "GOV>-");
  EXPECT_EQ(dyad_of(ev, "010"), "(no 010 event)");
}

// (session 13) Freed prisoners are released persons (0841): the bare "free
// obj=* !obj=..." line, now no more specific than "free obj=@prisoner", leaves
// prisoners to it instead of winning the tie by file order.
TEST(CoderPurposeRules, FreedPrisonersAreReleasedPersons) {
  auto ev = code_parsed({"Israel Israel PROPN NNP 2 nsubj", "freed free VERB VBD 0 root", "20 20 NUM CD 5 nummod",
                         "Palestinian Palestinian ADJ JJ 5 amod", "prisoners prisoner NOUN NNS 2 obj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "0841"), "ISR>PSECVL");
}

// (session 13) The state of emergency one declares is the measure, not a
// target ("state" is no government here).
TEST(CoderPurposeRules, DeclaredStateOfEmergencyIsNoTarget) {
  auto ev = code_parsed({"Haiti Haiti PROPN NNP 2 nsubj", "declared declare VERB VBD 0 root", "a a DET DT 4 det",
                         "state state NOUN NN 2 obj", "of of ADP IN 6 case", "emergency emergency NOUN NN 4 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "1724"), "HTI>-");
}

// (session 13) "cancelled a planned visit to Haiti after a state of siege was
// declared", with "after a state of siege" parsed as the visit's modifier:
// the passive's subject is the phrase behind the subordinator, not the
// visit, so the cancelled visit stays the object of "cancelled".
TEST(CoderPurposeRules, SubordinatorPhraseIsThePassivesSubject) {
  auto ev = code_parsed({"A a DET DT 3 det", "French French ADJ JJ 3 amod", "minister minister NOUN NN 5 nsubj",
                         "has have AUX VBZ 5 aux", "cancelled cancel VERB VBN 0 root", "a a DET DT 8 det",
                         "planned plan VERB VBN 8 amod", "visit visit NOUN NN 5 obj", "to to ADP IN 10 case",
                         "Haiti Haiti PROPN NNP 8 nmod", "after after ADP IN 13 case", "a a DET DT 13 det",
                         "state state NOUN NN 8 nmod", "of of ADP IN 15 case", "siege siege NOUN NN 13 nmod",
                         "was be AUX VBD 17 aux:pass", "declared declare VERB VBN 5 conj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "161"), "FRAGOV>HTI");
}

// (78) "President Biden spoke by phone with President Zelensky.": the
// partner the parser hung on the means phrase is the verb's.
TEST(CoderPurposeRules, PartnerOnAMeansPhraseIsTheVerbs) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "spoke speak VERB VBD 0 root", "by by ADP IN 4 case",
                         "phone phone NOUN NN 2 obl", "with with ADP IN 6 case", "Chile Chile PROPN NNP 4 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "PER>CHL");
}

// (79) Data: "Serbia put its army on the highest level of combat readiness"
// raises the military alert (152).
TEST(CoderPurposeRules, ArmyPutOnReadinessRaisesTheAlert) {
  auto ev = code_parsed({"Serbia Serbia PROPN NNP 2 nsubj", "put put VERB VBD 0 root", "its its PRON PRP$ 4 nmod:poss",
                         "army army NOUN NN 2 obj", "on on ADP IN 6 case", "standby standby NOUN NN 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "152"), "SRB>-");
}

// (80) "Israeli airstrikes killed at least 20 people in Rafah, officials
// said." read with "killed" the acl of "airstrikes" and "people" the ccomp of
// "said": the clause and its object are put back.
TEST(CoderPurposeRules, ObjectTakenByTheStatementGoesBackToTheClause) {
  auto ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "airstrikes airstrike NOUN NNS 9 nsubj",
                         "killed kill VERB VBN 2 acl", "20 20 NUM CD 5 nummod", "Palestinians Palestinian PROPN NNPS 9 ccomp",
                         "in in ADP IN 7 case", "Rafah Rafah PROPN NNP 5 nmod", "officials official NOUN NNS 9 nsubj",
                         "said say VERB VBD 0 root", ". . PUNCT . 9 punct"});
  const dyad::Event* k = event_by_trigger(ev, "killed");
  ASSERT_NE(k, nullptr);
  ASSERT_TRUE(k->source && k->target);
  EXPECT_EQ(k->source->code, "ISR");
  EXPECT_EQ(k->target->country, "PSE");
}

// (81) "The Indian embassy came under rocket fire.": the one under an attack
// is its target, not its source.
TEST(CoderPurposeRules, WhoComesUnderFireIsTheTarget) {
  auto ev = code_parsed({"The the DET DT 3 det", "Indian Indian ADJ JJ 3 amod", "embassy embassy NOUN NN 4 nsubj",
                         "came come VERB VBD 0 root", "under under ADP IN 7 case", "rocket rocket NOUN NN 7 compound",
                         "fire fire NOUN NN 4 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "->INDGOV");
  const dyad::Event* f = event_by_trigger(ev, "fire");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->source.has_value());
  ASSERT_TRUE(f->target.has_value());
  EXPECT_EQ(f->target->country, "IND");
}

// (82) "Washington warned Beijing against selling weapons to Taiwan.": the
// gerund against/from an act has the verb's object as subject; warned
// against, it is not done; kept from it ("barred women from ..."), negated.
TEST(CoderPurposeRules, GerundAgainstAnActIsTheObjectsAndNotDone) {
  auto ev = code_parsed({"Moscow Moscow PROPN NNP 2 nsubj", "warned warn VERB VBD 0 root", "Kyiv Kyiv PROPN NNP 2 obj",
                         "against against SCONJ IN 5 mark", "selling sell VERB VBG 2 advcl", "weapons weapon NOUN NNS 5 obj",
                         "to to ADP IN 8 case", "Georgia Georgia PROPN NNP 5 obl", ". . PUNCT . 2 punct"});
  const dyad::Event* s = event_by_trigger(ev, "selling");
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->source.has_value());
  EXPECT_EQ(s->source->code, "UKRGOV");
  EXPECT_EQ(s->modality, dyad::Modality::kHypothetical);
}

// (83) "Washington lifted sanctions on Caracas.": sanctions lifted are in
// force no longer.
TEST(CoderPurposeRules, LiftedSanctionsAreNegated) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "lifted lift VERB VBD 0 root", "sanctions sanction NOUN NNS 2 obj",
                         "on on ADP IN 5 case", "Chile Chile PROPN NNP 3 nmod", ". . PUNCT . 2 punct"});
  const dyad::Event* s = event_by_trigger(ev, "sanctions");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->modality, dyad::Modality::kNegated);
}

// (84) Data: barring or banning women, journalists, students ... restricts
// freedoms (1721).
TEST(CoderPurposeRules, BarringWomenRestrictsFreedoms) {
  auto ev = code_parsed({"The the DET DT 2 det", "Taliban Taliban PROPN NNP 3 nsubj", "barred bar VERB VBD 0 root",
                         "women woman NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "1721"), "AFGGOVTAL>AFGCVL");
}

// (86) "Turkey criticized the Swedish government, the ministry said.": a bare
// institution takes the state its own sentence names before the last
// institution of its sector (the Swedish government).
TEST(CoderPurposeRules, BareInstitutionTakesItsSentencesStateBeforeTheLastOfItsSector) {
  auto ev = code_parsed({"Turkey Turkey PROPN NNP 2 nsubj", "criticized criticize VERB VBD 9 ccomp", "the the DET DT 5 det",
                         "Swedish Swedish ADJ JJ 5 amod", "government government NOUN NN 2 obj", ", , PUNCT , 2 punct",
                         "the the DET DT 8 det", "ministry ministry NOUN NN 9 nsubj", "said say VERB VBD 0 root",
                         ". . PUNCT . 9 punct"});
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].attributed_to.has_value());
  EXPECT_EQ(ev[0].attributed_to->code, "TURGOV");
}

// (87) "A spokesman for the PKK denied ...": who speaks for someone is theirs.
TEST(CoderPurposeRules, SpokesmanForAnOrganizationIsIts) {
  auto ev = code_parsed({"A a DET DT 2 det", "spokesman spokesman NOUN NN 6 nsubj", "for for ADP IN 5 case",
                         "the the DET DT 5 det", "PKK PKK PROPN NNP 2 nmod", "criticized criticize VERB VBD 0 root",
                         "Germany Germany PROPN NNP 6 obj", ". . PUNCT . 6 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "TURREBPKK>DEU");
}

// (88) "Five policemen were killed in a rebel raid in Darfur.": an attack's
// modifier that names an actor is its author, before the place's state.
TEST(CoderPurposeRules, AttackModifierIsTheAuthorOfAnAgentlessKilling) {
  auto ev = code_parsed({"Five five NUM CD 2 nummod", "policemen policeman NOUN NNS 4 nsubj:pass",
                         "were be AUX VBD 4 aux:pass", "killed kill VERB VBN 0 root", "in in ADP IN 8 case",
                         "a a DET DT 8 det", "rebel rebel NOUN NN 8 compound", "raid raid NOUN NN 4 obl",
                         "in in ADP IN 10 case", "Darfur Darfur PROPN NNP 8 nmod", ". . PUNCT . 4 punct"});
  const dyad::Event* k = event_by_trigger(ev, "killed");
  ASSERT_NE(k, nullptr);
  ASSERT_TRUE(k->source.has_value());
  EXPECT_EQ(k->source->sector, "REB");
}

}  // namespace
