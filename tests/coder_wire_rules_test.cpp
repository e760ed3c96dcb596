// Coding rules found by coding 60 wire-style sentences we wrote (session of
// 2026-11-30 12:00): a sentence-initial nationality adjective the parser made
// the root ("Chinese | President Xi praised"), a name read as its object's
// adjective ("Egypt hosted talks"), a preposition constraint met on the
// object ("filed [a case against Israel]"), an object-control infinitive hung
// on the object ("ordered troops [to leave]"), a that-clause of a denied
// allegation, a transfer verb's recipient before its goods, and a sum of money
// whose in-phrase is the act; then "the government" of the sentence's state,
// acts named after despite/amid/against/over not being the subject's, the owner
// of an over-phrase as target, and data fixes. Hand-built parses (the trees our parser gives
// these sentences), the real data/ dictionaries. Each test fails without its rule.
#include <gtest/gtest.h>

#include <string>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;
using dyad::testing::first_of;

// "Chinese President Xi Jinping praised Brazil's role": "Chinese" is the
// root, "praised" its ccomp; the adjective belongs to the praising subject.
TEST(CoderWireRules, InitialAdjectiveRootJoinsTheTitledSubject) {
  auto ev = code_parsed({"Chinese Chinese ADJ JJ 0 root", "President President PROPN NNP 3 nmod:desc",
                         "Xi Xi PROPN NNP 5 nsubj", "Jinping Jinping PROPN NNP 3 flat", "praised praise VERB VBD 1 ccomp",
                         "Brazil Brazil PROPN NNP 8 nmod:poss", "'s 's PART POS 6 case", "role role NOUN NN 5 obj",
                         "in in ADP IN 12 case", "the the DET DT 12 det", "BRICS BRICS PROPN NNP 12 compound",
                         "group group NOUN NN 5 obl", ". . PUNCT . 1 punct"});
  EXPECT_EQ(dyad_of(ev, "051"), "CHNGOV>BRA");
}

// "Egypt hosted talks ...": the whole sentence one noun phrase, "Egypt" an amod.
TEST(CoderWireRules, NameReadAsAdjectiveIsTheSubject) {
  auto ev = code_parsed({"Egypt Egypt PROPN NNP 3 amod", "hosted host VERB VBN 3 amod", "talks talk NOUN NNS 0 root",
                         "between between ADP IN 5 case", "Israeli Israeli ADJ JJ 8 amod", "and and CCONJ CC 7 cc",
                         "Hamas Hamas PROPN NNP 5 conj", "negotiators negotiator NOUN NNS 3 obj", "in in ADP IN 10 case",
                         "Cairo Cairo PROPN NNP 8 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "043"), "EGY>-");
}

// "filed a genocide case against Israel": the pattern's against=* is met by
// the phrase the parser hung on the object.
TEST(CoderWireRules, PrepositionConstraintMetOnTheObject) {
  auto ev = code_parsed({"South South PROPN NNP 2 compound", "Africa Africa PROPN NNP 3 nsubj", "filed file VERB VBD 0 root",
                         "a a DET DT 6 det", "genocide genocide ADJ JJ 6 amod", "case case NOUN NN 3 obj",
                         "against against ADP IN 8 case", "Israel Israel PROPN NNP 6 nmod", "at at ADP IN 12 case",
                         "the the DET DT 12 det", "International International ADJ NNP 12 amod",
                         "Court Court PROPN NNP 3 obl", "of of ADP IN 14 case", "Justice Justice PROPN NNP 12 nmod",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "115"), "ZAF>ISR");
}

// "ordered French troops to leave the country" with "leave" an acl of "troops".
TEST(CoderWireRules, ObjectControlInfinitiveIsTheVerbsXcomp) {
  auto ev = code_parsed({"The the DET DT 3 det", "Malian Malian ADJ JJ 3 amod", "junta junta NOUN NN 4 nsubj",
                         "ordered order VERB VBD 0 root", "French French ADJ JJ 6 amod", "troops troops NOUN NNS 4 obj",
                         "to to PART TO 8 mark", "leave leave VERB VB 6 acl", "the the DET DT 10 det",
                         "country country NOUN NN 8 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "166"), "MLIGOV>FRAMIL");
  // A purpose clause of a verb that tells no one to act stays the object's.
  ev = code_parsed({"Russia Russia PROPN NNP 2 nsubj", "sent send VERB VBD 0 root", "troops troops NOUN NNS 2 obj",
                    "to to PART TO 5 mark", "leave leave VERB VB 3 acl", "Syria Syria PROPN NNP 5 obj",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "166"), "(no 166 event)");
}

// "Serbia denied allegations that it was massing troops": the massing is
// denied; "reports that ..." makes it alleged.
TEST(CoderWireRules, ThatClauseOfADeniedAllegationIsDenied) {
  std::vector<std::string> rows = {"Serbia Serbia PROPN NNP 2 nsubj", "denied deny VERB VBD 0 root",
                                   "allegations allegation NOUN NNS 2 obj", "that that SCONJ IN 7 mark",
                                   "it it PRON PRP 7 nsubj", "was be AUX VBD 7 aux", "massing mass VERB VBG 3 acl",
                                   "troops troops NOUN NNS 7 obj", "on on ADP IN 11 case", "the the DET DT 11 det",
                                   "border border NOUN NN 8 nmod", "with with ADP IN 13 case",
                                   "Kosovo Kosovo PROPN NNP 7 obl", ". . PUNCT . 2 punct"};
  auto ev = code_parsed(rows);
  const dyad::Event* e = first_of(ev, "154");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, dyad::Modality::kDenied);
  rows[1] = "cited cite VERB VBD 0 root";
  rows[2] = "reports report NOUN NNS 2 obj";
  ev = code_parsed(rows);
  e = first_of(ev, "154");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, dyad::Modality::kAlleged);
}

// "agreed to supply F-16 fighter jets to Ukraine": the agreement is with
// Ukraine, not with the jets (a MIL agent term).
TEST(CoderWireRules, TransferVerbsRecipientBeforeItsGoods) {
  auto ev = code_parsed({"The the DET DT 2 det", "Netherlands Netherlands PROPN NNP 3 nsubj", "agreed agree VERB VBD 0 root",
                         "to to PART TO 5 mark", "supply supply VERB VB 3 xcomp", "F F PROPN NNP 10 compound",
                         "- - PUNCT HYPH 8 punct", "16 16 NUM CD 6 flat", "fighter fighter NOUN NN 10 compound",
                         "jets jet NOUN NNS 5 obj", "to to ADP IN 12 case", "Ukraine Ukraine PROPN NNP 5 obl",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "030"), "NLD>UKR");
  EXPECT_EQ(dyad_of(ev, "072"), "NLD>UKR");
}

// "pledged $500 million in military aid to Ukraine": the aid is the pledger's
// and goes to Ukraine; so does the pledge.
TEST(CoderWireRules, SumOfMoneyInAidIsThePledgersAid) {
  auto ev = code_parsed({"The the DET DT 3 det", "United United ADJ NNP 3 amod", "States State PROPN NNPS 4 nsubj",
                         "pledged pledge VERB VBD 0 root", "$ $ SYM $ 4 obj", "500 500 NUM CD 7 compound",
                         "million million NUM CD 5 nummod", "in in ADP IN 10 case", "military military ADJ JJ 10 amod",
                         "aid aid NOUN NN 5 nmod", "to to ADP IN 12 case", "Ukraine Ukraine PROPN NNP 10 nmod",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "030"), "USA>UKR");
  EXPECT_EQ(dyad_of(ev, "07"), "USA>UKR");
}

// "Chinese vessels blocked Philippine boats": a blockade at sea (191), and
// "invited Modi for a state visit" an invitation (036).
TEST(CoderWireRules, BlockingBoatsAndInvitingForAVisit) {
  auto ev = code_parsed({"Chinese Chinese ADJ JJ 2 amod", "vessels vessel NOUN NNS 3 nsubj", "blocked block VERB VBD 0 root",
                         "Philippine philippine ADJ JJ 5 amod", "boats boat NOUN NNS 3 obj", "near near ADP IN 9 case",
                         "Second Second ADJ NNP 8 amod", "Thomas Thomas PROPN NNP 9 compound",
                         "Shoal Shoal PROPN NNP 5 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "191"), "CHN>PHL");
  ev = code_parsed({"President President PROPN NNP 2 nmod:desc", "Biden Biden PROPN NNP 3 nsubj",
                    "invited invite VERB VBD 0 root", "Indian Indian ADJ JJ 6 amod", "Prime Prime ADJ NNP 6 amod",
                    "Minister Minister PROPN NNP 7 nmod:desc", "Narendra Narendra PROPN NNP 3 obj",
                    "Modi Modi PROPN NNP 7 flat", "for for ADP IN 12 case", "a a DET DT 12 det",
                    "state state NOUN NN 12 compound", "visit visit NOUN NN 3 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "036"), "USAGOV>INDGOV");
}

// "Kenya will lead a force in Haiti, the government announced": no GOV
// before it, so the government is that of the sentence's first state.
TEST(CoderWireRules, BareGovernmentIsTheSentencesFirstState) {
  auto ev = code_parsed({"Kenya Kenya PROPN NNP 3 nsubj", "will will AUX MD 3 aux", "lead lead VERB VB 13 ccomp",
                         "a a DET DT 7 det", "multinational multinational ADJ JJ 7 amod",
                         "police police NOUN NN 7 compound", "force force NOUN NN 3 obj", "in in ADP IN 9 case",
                         "Haiti Haiti PROPN NNP 7 nmod", ", , PUNCT , 3 punct", "the the DET DT 12 det",
                         "government government NOUN NN 13 nsubj", "announced announce VERB VBD 0 root",
                         ". . PUNCT . 13 punct"});
  EXPECT_EQ(dyad_of(ev, "010"), "KENGOV>-");
}

// "passed the bill despite mass protests": the protests are not the
// parliament's; "protested over the detention of X": the detention is not the protester's.
TEST(CoderWireRules, ActsAfterDespiteOrOverAreSomeoneElses) {
  auto ev = code_parsed({"The the DET DT 3 det", "Georgian Georgian ADJ JJ 3 amod", "parliament parliament NOUN NN 4 nsubj",
                         "passed pass VERB VBD 0 root", "the the DET DT 6 det", "bill bill NOUN NN 4 obj",
                         "despite despite ADP IN 9 case", "mass mass ADJ JJ 9 amod", "protests protest NOUN NNS 4 obl",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "14"), "(no 14 event)");
  ev = code_parsed({"Japan Japan PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root", "to to ADP IN 4 case",
                    "China China PROPN NNP 2 obl", "over over ADP IN 7 case", "the the DET DT 7 det",
                    "detention detention NOUN NN 2 obl", "of of ADP IN 11 case", "a a DET DT 11 det",
                    "Japanese Japanese ADJ JJ 11 amod", "businessman businessman NOUN NN 7 nmod",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "173"), "->JPNBUS");
}

// "lodged a protest over the Philippine navy's maneuvers": the protest is
// against the maneuvers' owner.
TEST(CoderWireRules, OverPhraseGivesWayToItsOwner) {
  auto ev = code_parsed({"The the DET DT 3 det", "Chinese Chinese ADJ JJ 3 amod", "embassy embassy NOUN NN 6 nsubj",
                         "in in ADP IN 5 case", "Manila Manila PROPN NNP 3 nmod", "lodged lodge VERB VBD 0 root",
                         "a a DET DT 8 det", "protest protest NOUN NN 6 obj", "over over ADP IN 14 case",
                         "the the DET DT 12 det", "Philippine philippine ADJ JJ 12 amod",
                         "navy navy NOUN NN 14 nmod:poss", "'s 's PART POS 12 case", "maneuvers maneuver NOUN NNS 8 nmod",
                         ". . PUNCT . 6 punct"});
  EXPECT_EQ(dyad_of(ev, "141"), "CHNGOV>PHLMIL");
}

// Data: revoking an agreement reduces relations (160); the release of treated
// water frees no one (no 084).
TEST(CoderWireRules, RevokedAgreementAndReleasedWater) {
  auto ev = code_parsed({"The the DET DT 3 det", "Niger Niger PROPN NNP 3 compound", "junta junta NOUN NN 4 nsubj",
                         "revoked revoke VERB VBD 0 root", "a a DET DT 8 det", "military military ADJ JJ 8 amod",
                         "cooperation cooperation NOUN NN 8 compound", "agreement agreement NOUN NN 4 obj",
                         "with with ADP IN 12 case", "the the DET DT 12 det", "United United ADJ NNP 12 amod",
                         "States State PROPN NNPS 8 nmod", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "160"), "NERGOV>USA");
  ev = code_parsed({"China China PROPN NNP 2 nsubj", "suspended suspend VERB VBD 0 root", "imports import NOUN NNS 2 obj",
                    "of of ADP IN 6 case", "Japanese Japanese ADJ JJ 6 amod", "seafood seafood NOUN NN 3 nmod",
                    "after after ADP IN 9 case", "the the DET DT 9 det", "release release NOUN NN 2 obl",
                    "of of ADP IN 12 case", "treated treat VERB VBN 12 amod", "water water NOUN NN 9 nmod",
                    "from from ADP IN 14 case", "Fukushima Fukushima PROPN NNP 12 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "084"), "(no 084 event)");
  EXPECT_EQ(dyad_of(ev, "163"), "CHN>JPN");
}

// "India and China agreed to disengage troops": cooperating over people of
// no country, the first conjunct acts towards the other (not IND -> INDMIL).
TEST(CoderWireRules, ConjoinedStatesCooperateWithEachOther) {
  auto ev = code_parsed({"India India PROPN NNP 4 nsubj", "and and CCONJ CC 3 cc", "China China PROPN NNP 1 conj",
                         "agreed agree VERB VBD 0 root", "to to PART TO 6 mark", "disengage disengage VERB VB 4 xcomp",
                         "troops troops NOUN NNS 6 obj", "along along ADP IN 11 case",
                         "their their PRON PRP$ 11 nmod:poss", "disputed dispute VERB VBN 11 amod",
                         "border border NOUN NN 6 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "030"), "IND>CHN");
}

// ", killing 12 people": the victims are of whom, or where, the main act hit.
TEST(CoderWireRules, ConsequenceVictimsAreOfWhomTheActHit) {
  auto ev = code_parsed({"Russian Russian ADJ JJ 2 amod", "forces force NOUN NNS 3 nsubj", "launched launch VERB VBD 0 root",
                         "a a DET DT 6 det", "missile missile NOUN NN 6 compound", "attack attack NOUN NN 3 obj",
                         "on on ADP IN 8 case", "Kyiv Kyiv PROPN NNP 6 nmod", ", , PUNCT , 10 punct",
                         "killing kill VERB VBG 3 advcl", "12 12 NUM CD 12 nummod", "people people NOUN NNS 10 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "RUSMIL>UKRCVL");
  ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "airstrikes airstrike NOUN NNS 3 nsubj", "hit hit VERB VBD 0 root",
                    "Gaza Gaza PROPN NNP 3 obj", "City City PROPN NNP 4 flat", ", , PUNCT , 7 punct",
                    "killing kill VERB VBG 3 advcl", "20 20 NUM CD 9 nummod", "civilians civilian NOUN NNS 7 obj",
                    ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "ISR>PSECVL");
}

// "cancelled a planned visit": the visit did not happen; "a proposal to hold
// talks": the talks are only proposed.
TEST(CoderWireRules, CalledOffAndProposedActsAreNotAsserted) {
  auto ev = code_parsed({"A a DET DT 3 det", "French French ADJ JJ 3 amod", "minister minister NOUN NN 5 nsubj",
                         "has have AUX VBZ 5 aux", "cancelled cancel VERB VBN 0 root", "a a DET DT 8 det",
                         "planned plan VERB VBN 8 amod", "visit visit NOUN NN 5 obj", "to to ADP IN 10 case",
                         "Haiti Haiti PROPN NNP 8 nmod", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "161"), "FRAGOV>HTI");
  const dyad::Event* visit = first_of(ev, "036");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->modality, dyad::Modality::kNegated);
  ev = code_parsed({"Israel Israel PROPN NNP 2 nsubj", "rejected reject VERB VBD 0 root", "a a DET DT 4 det",
                    "proposal proposal NOUN NN 2 obj", "to to PART TO 6 mark", "hold hold VERB VB 4 acl",
                    "talks talk NOUN NNS 6 obj", "with with ADP IN 9 case", "Hamas Hamas PROPN NNP 6 obl",
                    ". . PUNCT . 2 punct"});
  const dyad::Event* talks = first_of(ev, "04");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->modality, dyad::Modality::kHypothetical);
}

// "would not meet hostage-takers demands" (no apostrophe) parsed with
// "demands" an object of "takers": argument repair p makes "demands" the
// object, and the pattern's own "not" (124, refuse to yield) negates nothing.
TEST(CoderWireRules, StackedObjectAndARefusalsOwnNegation) {
  auto ev = code_parsed({"The the DET DT 2 det", "U.S. U.S. PROPN NNP 3 nsubj", "said say VERB VBD 0 root",
                         "it it PRON PRP 7 nsubj", "would would AUX MD 7 aux", "not not PART RB 7 advmod",
                         "meet meet VERB VB 3 ccomp", "hostage hostage NOUN NN 10 compound", "- - PUNCT HYPH 8 punct",
                         "takers taker NOUN NNS 7 obj", "demands demand NOUN NNS 10 obj", ". . PUNCT . 3 punct"});
  const dyad::Event* e = first_of(ev, "124");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source ? e->source->code : "-", "USA");
  EXPECT_NE(e->modality, dyad::Modality::kNegated);
  EXPECT_EQ(first_of(ev, "04"), nullptr);
}

// "The Commonwealth suspended Fiji after the military coup": the capitalised
// Commonwealth is the bloc, and the coup after which it acted is not its own.
TEST(CoderWireRules, CommonwealthAndActsItReactsTo) {
  auto ev = code_parsed({"The the DET DT 2 det", "Commonwealth Commonwealth PROPN NNP 3 nsubj",
                         "suspended suspend VERB VBD 0 root", "Fiji Fiji PROPN NNP 3 obj", "after after ADP IN 8 case",
                         "the the DET DT 8 det", "military military ADJ JJ 8 amod", "coup coup NOUN NN 3 obl",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "160"), "IGOCWN>FJI");
  EXPECT_EQ(dyad_of(ev, "172"), "(no 172 event)");
}

// "accused the United States and Israel of fomenting the protests": the
// protests are others' (no USA -> ISR or USA 141), and joint actors of a
// protest are not each other's targets.
TEST(CoderWireRules, FomentedProtestsAreNotTheFomentersOwn) {
  auto ev = code_parsed({"Iran Iran PROPN NNP 4 nmod:poss", "'s 's PART POS 1 case", "supreme supreme ADJ JJ 4 amod",
                         "leader leader NOUN NN 5 nsubj", "accused accuse VERB VBD 0 root", "the the DET DT 8 det",
                         "United United ADJ NNP 8 amod", "States State PROPN NNPS 5 obj", "and and CCONJ CC 10 cc",
                         "Israel Israel PROPN NNP 8 conj", "of of SCONJ IN 12 mark", "fomenting foment VERB VBG 8 acl",
                         "the the DET DT 14 det", "protests protest NOUN NNS 12 obj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "112"), "IRNGOV>USA");
  EXPECT_EQ(dyad_of(ev, "14"), "(no 14 event)");
  ev = code_parsed({"Russia Russia PROPN NNP 4 nsubj", "and and CCONJ CC 3 cc", "China China PROPN NNP 1 conj",
                    "protested protest VERB VBD 0 root", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "14"), "RUS>-");
}

// "cut diplomatic ties with Israel": the ties (050) are ended, not asserted;
// "appealed to the international community": no country for an IGO.
TEST(CoderWireRules, EndedTiesAndTheInternationalCommunity) {
  auto ev = code_parsed({"Chad Chad PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case", "government government NOUN NN 4 nsubj",
                         "cut cut VERB VBD 0 root", "diplomatic diplomatic ADJ JJ 6 amod", "ties tie NOUN NNS 4 obj",
                         "with with ADP IN 8 case", "Israel Israel PROPN NNP 6 nmod", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "161"), "TCDGOV>ISR");
  const dyad::Event* ties = first_of(ev, "050");
  ASSERT_NE(ties, nullptr);
  EXPECT_EQ(ties->modality, dyad::Modality::kNegated);
  ev = code_parsed({"Somalia Somalia PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case", "president president NOUN NN 4 nsubj",
                    "appealed appeal VERB VBD 0 root", "to to ADP IN 8 case", "the the DET DT 8 det",
                    "international international ADJ JJ 8 amod", "community community NOUN NN 4 obl",
                    "for for ADP IN 11 case", "famine famine ADJ JJ 11 amod", "aid aid NOUN NN 8 nmod",
                    ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "02"), "SOMGOV>IGO");
}

// "According to the observatory, government forces shelled ...": the parser's
// root is the source of the report; the clause is the sentence, reported.
TEST(CoderWireRules, AccordingToOpeningIsTheReportsSource) {
  auto ev = code_parsed({"According accord VERB VBG 4 case", "to to ADP IN 1 fixed", "the the DET DT 4 det",
                         "observatory observatory NOUN NN 0 root", ", , PUNCT , 4 punct",
                         "government government NOUN NN 7 compound", "forces force NOUN NNS 8 nsubj",
                         "shelled shell VERB VBN 4 acl:relcl", "rebel rebel NOUN NN 10 compound",
                         "positions position NOUN NNS 8 obj", "in in ADP IN 12 case", "Idlib Idlib PROPN NNP 8 obl",
                         ". . PUNCT . 4 punct"});
  const dyad::Event* e = first_of(ev, "194");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source ? e->source->code : "-", "SYRMIL");
  EXPECT_EQ(e->modality, dyad::Modality::kReported);
  // the clause broken up inside the source's phrase
  ev = code_parsed({"According accord VERB VBG 5 case", "to to ADP IN 1 fixed", "the the DET DT 5 det",
                    "Syrian Syrian ADJ JJ 5 amod", "Observatory observatory NOUN NN 0 root", "for for ADP IN 8 case",
                    "Human human ADJ JJ 8 amod", "Rights right NOUN NNS 5 nmod", ", , PUNCT , 11 punct",
                    "government government NOUN NN 11 compound", "forces force NOUN NNS 8 conj",
                    "shelled shell VERB VBN 14 amod", "rebel rebel NOUN NN 14 compound",
                    "positions position NOUN NNS 8 conj", "in in ADP IN 16 case", "Idlib Idlib PROPN NNP 14 nmod",
                    ". . PUNCT . 5 punct"});
  e = first_of(ev, "194");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source ? e->source->code : "-", "SYRMIL");
  EXPECT_EQ(e->modality, dyad::Modality::kReported);
}

// Data: "will host Russian tactical nuclear weapons" is material cooperation.
TEST(CoderWireRules, HostingWeapons) {
  auto ev = code_parsed({"Belarus Belarus PROPN NNP 3 nsubj", "will will AUX MD 3 aux", "host host VERB VB 0 root",
                         "Russian Russian ADJ JJ 7 amod", "tactical tactical ADJ JJ 7 amod", "nuclear nuclear ADJ JJ 7 amod",
                         "weapons weapon NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "03"), "BLR>RUS");
}

// "said its forces neutralised 15 PKK militants" parsed with the clause an
// acl of the object "forces": argument repair q makes it the reported clause.
TEST(CoderWireRules, ClauseReadAsAclOfASpeechObjectIsReported) {
  auto ev = code_parsed({"The the DET DT 4 det", "Turkish Turkish PROPN NNP 4 compound", "defence defence PROPN NNP 4 compound",
                         "ministry ministry PROPN NNP 5 nsubj", "said say VERB VBD 0 root", "its its PRON PRP$ 7 nmod:poss",
                         "forces force NOUN NNS 5 obj", "neutralised neutralise VERB VBN 7 acl", "15 15 NUM CD 11 nummod",
                         "PKK PKK NOUN NN 11 compound", "militants militant NOUN NNS 8 obj", "in in ADP IN 14 case",
                         "northern northern ADJ JJ 14 amod", "Iraq Iraq PROPN NNP 8 obl", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "190"), "TURMIL>TURREBPKK");
}

// "Moscow warned Finland that ...": the indirect object is whom the warning is for.
TEST(CoderWireRules, IndirectObjectIsTheTarget) {
  auto ev = code_parsed({"Moscow Moscow PROPN NNP 2 nsubj", "warned warn VERB VBD 0 root", "Finland Finland PROPN NNP 2 iobj",
                         "that that SCONJ IN 10 mark", "joining join VERB VBG 10 csubj", "NATO NATO PROPN NNP 10 nsubj",
                         "would would AUX MD 10 aux", "be be AUX VB 10 cop", "a a DET DT 10 det",
                         "mistake mistake NOUN NN 2 ccomp", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "RUSGOV>FIN");
}

// "met U.S. President Joe Biden" parsed as two conjuncts "U.S." and "Joe
// Biden" with nothing joining them: argument repair r makes it one phrase.
TEST(CoderWireRules, BareConjunctIsOnePhrase) {
  auto ev = code_parsed({"Israeli Israeli ADJ JJ 3 amod", "Prime Prime ADJ JJ 3 amod", "Minister Minister PROPN NNP 4 nmod:desc",
                         "Benjamin Benjamin PROPN NNP 6 nsubj", "Netanyahu Netanyahu PROPN NNP 4 flat", "met meet VERB VBD 0 root",
                         "U.S. U.S. PROPN NNP 6 obj", "President President PROPN NNP 9 nmod:desc", "Joe Joe PROPN NNP 7 conj",
                         "Biden Biden PROPN NNP 9 flat", "at at ADP IN 14 case", "the the DET DT 14 det",
                         "White White ADJ JJ 14 amod", "House House PROPN NNP 9 nmod", "on on ADP IN 16 case",
                         "Monday Monday PROPN NNP 14 nmod", ". . PUNCT . 6 punct"});
  int meetings = 0;
  for (const auto& e : ev) meetings += e.cameo == "040";
  EXPECT_EQ(meetings, 1);
  EXPECT_EQ(dyad_of(ev, "040"), "ISRGOV>USAGOV");
}

// "Haitians protested in Paris" with "protested" a reduced passive of
// "Haitians"; "Kenyans protested in Nairobi": the place is their own
// country, so no target (the event was dropped as KEN -> KEN); "protested
// outside the Dominican embassy": the embassy's state is the target.
TEST(CoderWireRules, ProtestsAtHomeAbroadAndOutsideEmbassies) {
  auto ev = code_parsed({"Haitians Haitian NOUN NNS 0 root", "protested protest VERB VBN 1 acl", "in in ADP IN 4 case",
                         "Paris Paris PROPN NNP 2 obl", ". . PUNCT . 1 punct"});
  EXPECT_EQ(dyad_of(ev, "141"), "HTI>FRA");
  ev = code_parsed({"Kenyans Kenyan PROPN NNPS 2 nsubj", "protested protest VERB VBD 0 root", "in in ADP IN 4 case",
                    "Nairobi Nairobi PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "141"), "KEN>-");
  ev = code_parsed({"Haitians Haitian PROPN NNPS 2 nsubj", "protested protest VERB VBD 0 root", "outside outside ADP IN 6 case",
                    "the the DET DT 6 det", "Dominican Dominican PROPN NNP 6 compound", "embassy embassy NOUN NN 2 obl",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "141"), "HTI>DOMGOV");
}

// "hosted Syrian President Bashar al-Assad": a named person matches a word
// class through his title (host obj=@official -> 043).
TEST(CoderWireRules, NamedPersonMatchesThroughHisTitle) {
  auto ev = code_parsed({"The the DET DT 4 det", "Saudi Saudi ADJ JJ 3 amod", "crown crown NOUN NN 4 compound",
                         "prince prince NOUN NN 5 nsubj", "hosted host VERB VBD 0 root", "Syrian Syrian ADJ JJ 7 amod",
                         "President President PROPN NNP 8 nmod:desc", "Bashar Bashar PROPN NNP 5 obj",
                         "al al PROPN NNP 8 flat", "- - PUNCT HYPH 11 punct", "Assad Assad PROPN NNP 8 flat",
                         ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "043"), "SAUGOV>SYRGOV");
}

// "accused Kosovo of ethnic cleansing against Serbs": the accused is the
// alleged agent of the nominal act.
TEST(CoderWireRules, AccusedIsTheAllegedAgentOfTheNominalAct) {
  auto ev = code_parsed({"The the DET DT 3 det", "Serbian Serbian ADJ JJ 3 amod", "president president NOUN NN 4 nsubj",
                         "accused accuse VERB VBD 0 root", "Kosovo Kosovo PROPN NNP 4 obj", "of of ADP IN 8 case",
                         "ethnic ethnic ADJ JJ 8 amod", "cleansing cleansing NOUN NN 5 nmod", "against against ADP IN 10 case",
                         "Serbs Serbs PROPN NNPS 8 nmod", ". . PUNCT . 4 punct"});
  const dyad::Event* e = first_of(ev, "203");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(dyad_of(ev, "203"), "XKX>SRB");
  EXPECT_EQ(e->modality, dyad::Modality::kAlleged);
}

// "The Georgian opposition called for new elections" with "called" a
// participle of the root noun: "call for" is active; and calling for elections
// is a demand for change (1044), not an appeal (020).
TEST(CoderWireRules, CallForElectionsIsADemandForChange) {
  auto ev = code_parsed({"The the DET DT 3 det", "Georgian Georgian ADJ JJ 3 amod", "opposition opposition NOUN NN 0 root",
                         "called call VERB VBN 3 acl", "for for ADP IN 7 case", "new new ADJ JJ 7 amod",
                         "elections election NOUN NNS 4 obl", "after after ADP IN 11 case", "the the DET DT 11 det",
                         "disputed dispute VERB VBN 11 amod", "vote vote NOUN NN 4 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "1044"), "GEOOPP>-");
}

// "called on member states to recognise a Palestinian state": what is asked
// for is not done (hypothetical), and the ones called on would do it.
TEST(CoderWireRules, AskedForActsAreHypotheticalAndTheirs) {
  auto ev = code_parsed({"The the DET DT 3 det", "European European ADJ JJ 3 amod", "Parliament parliament NOUN NN 4 nsubj",
                         "called call VERB VBN 0 root", "on on ADP IN 7 case", "member member NOUN NN 7 compound",
                         "states state NOUN NNS 4 obl", "to to PART TO 9 mark", "recognise recognise VERB VB 4 advcl",
                         "a a DET DT 12 det", "Palestinian Palestinian ADJ JJ 12 amod", "state state NOUN NN 9 obj",
                         ". . PUNCT . 4 punct"});
  const dyad::Event* e = first_of(ev, "054");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, dyad::Modality::kHypothetical);
  EXPECT_NE(e->source ? e->source->code : "-", "IGOEURPAR");
  ev = code_parsed({"Washington Washington PROPN NNP 2 nsubj", "urged urge VERB VBD 0 root", "Kyiv Kyiv PROPN NNP 2 obj",
                    "to to PART TO 5 mark", "hold hold VERB VB 2 xcomp", "talks talk NOUN NNS 5 obj",
                    "with with ADP IN 8 case", "Moscow Moscow PROPN NNP 5 obl", ". . PUNCT . 2 punct"});
  e = first_of(ev, "04");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(dyad_of(ev, "04"), "UKRGOV>RUSGOV");
  EXPECT_EQ(e->modality, dyad::Modality::kHypothetical);
}

// "Indian and Chinese troops clashed ..., killing 20 Indian soldiers": with two
// sources, a target equal to one of them is the other's target.
TEST(CoderWireRules, OneSourcesTargetMayBeTheOthersSelf) {
  auto ev = code_parsed({"Indian Indian ADJ JJ 4 amod", "and and CCONJ CC 3 cc", "Chinese Chinese ADJ JJ 1 conj",
                         "troops troops NOUN NNS 0 root", "clashed clash VERB VBN 4 acl", "in in ADP IN 9 case",
                         "the the DET DT 9 det", "Galwan Galwan PROPN NNP 9 compound", "Valley Valley PROPN NNP 5 obl",
                         ", , PUNCT , 11 punct", "killing kill VERB VBG 5 advcl", "20 20 NUM CD 14 nummod",
                         "Indian Indian ADJ JJ 14 amod", "soldiers soldier NOUN NNS 11 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "CHNMIL>INDMIL");
}

// "intercepted a ballistic missile fired by the Houthis" with "fired" an
// xcomp of the verb: its by-agent authored the object.
TEST(CoderWireRules, ParticipleHungOnTheVerbNamesTheObjectsAuthor) {
  auto ev = code_parsed({"Saudi Saudi ADJ NNP 2 amod", "Arabia Arabia PROPN NNP 3 nsubj", "intercepted intercept VERB VBD 0 root",
                         "a a DET DT 6 det", "ballistic ballistic ADJ JJ 6 amod", "missile missile NOUN NN 3 obj",
                         "fired fire VERB VBN 3 xcomp", "by by ADP IN 10 case", "the the DET DT 10 det",
                         "Houthis Houthi PROPN NNPS 7 obl:agent", "toward toward ADP IN 12 case",
                         "Riyadh Riyadh PROPN NNP 7 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "190"), "SAU>YEMREBHTH");
}

// "Five civilians were killed in an Israeli airstrike": a passive act of
// violence without a by-agent was done by the author of the attack it
// happened in (before: the place's country, LBN, as a state act).
TEST(CoderWireRules, PassiveViolenceInAnAttackIsTheAttackers) {
  auto ev = code_parsed({"Five five NUM CD 2 nummod", "civilians civilian NOUN NNS 4 nsubj:pass", "were be AUX VBD 4 aux:pass",
                         "killed kill VERB VBN 0 root", "in in ADP IN 8 case", "an a DET DT 8 det",
                         "Israeli Israeli ADJ JJ 8 amod", "airstrike airstrike NOUN NN 4 obl", "in in ADP IN 11 case",
                         "southern southern ADJ JJ 11 amod", "Lebanon Lebanon PROPN NNP 8 nmod", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "ISR>LBNCVL");
}

// "Thousands marched in Tel Aviv": a bare crowd count is civilians.
TEST(CoderWireRules, BareCrowdCountIsCivilians) {
  auto ev = code_parsed({"Thousands thousand NOUN NNS 0 root", "marched march VERB VBN 1 acl", "in in ADP IN 4 case",
                         "Tel tel NOUN NN 5 compound", "Aviv Aviv PROPN NNP 2 obl", ". . PUNCT . 1 punct"});
  EXPECT_EQ(dyad_of(ev, "14"), "ISRCVL>ISR");
}

// "In Jeddah, the Sudanese army met rebels": a meeting's place is its venue,
// so the country-less rebels are the army's own, not Saudi Arabia's.
TEST(CoderWireRules, MeetingVenueLendsNoCountry) {
  auto ev = code_parsed({"In in ADP IN 2 case", "Jeddah Jeddah PROPN NNP 7 obl", ", , PUNCT , 2 punct", "the the DET DT 6 det",
                         "Sudanese Sudanese PROPN NNP 6 compound", "army army NOUN NN 7 nsubj", "met meet VERB VBD 0 root",
                         "rebels rebel NOUN NNS 7 obj", "on on ADP IN 10 case", "Tuesday Tuesday PROPN NNP 7 obl",
                         ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "SDNMIL>SDNREB");
}

// "Qatar and Egypt urged Israel and Hamas [to agree]advcl to a new truce":
// the urged agree (not the urgers), and the truce agreed to is as hypothetical.
TEST(CoderWireRules, ObjectControlThroughAnAdvclInfinitive) {
  auto ev = code_parsed({"Qatar Qatar PROPN NNP 4 nsubj", "and and CCONJ CC 3 cc", "Egypt Egypt PROPN NNP 1 conj",
                         "urged urge VERB VBD 0 root", "Israel Israel PROPN NNP 4 obj", "and and CCONJ CC 7 cc",
                         "Hamas Hamas PROPN NNP 5 conj", "to to PART TO 9 mark", "agree agree VERB VB 4 advcl",
                         "to to ADP IN 13 case", "a a DET DT 13 det", "new new ADJ JJ 13 amod", "truce truce NOUN NN 9 obl",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "030"), "ISR>PSEREBHMS");
  const dyad::Event* truce = first_of(ev, "087");
  ASSERT_NE(truce, nullptr);
  EXPECT_EQ(truce->modality, dyad::Modality::kHypothetical);
}

// Data: "oversaw the test of a new hypersonic missile" is a weapons test (150).
TEST(CoderWireRules, TestOfAMissile) {
  auto ev = code_parsed({"Kim Kim PROPN NNP 4 nsubj", "Jong Jong PROPN NNP 1 flat", "Un Un PROPN NNP 1 flat",
                         "oversaw oversee VERB VBD 0 root", "the the DET DT 6 det", "test test NOUN NN 4 obj",
                         "of of ADP IN 10 case", "a a DET DT 10 det", "new new ADJ JJ 10 amod", "missile missile NOUN NN 6 nmod",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "150"), "PRKGOV>-");
}

// Data: "began joint military drills" is military cooperation between the
// conjoined states (062), like "held joint exercises".
TEST(CoderWireRules, BeganJointDrills) {
  auto ev = code_parsed({"The the DET DT 3 det", "United United ADJ NNP 3 amod", "States State PROPN NNPS 7 nsubj",
                         "and and CCONJ CC 6 cc", "the the DET DT 6 det", "Philippines Philippines PROPN NNPS 3 conj",
                         "began begin VERB VBD 0 root", "joint joint ADJ JJ 10 amod", "military military ADJ JJ 10 amod",
                         "drills drill NOUN NNS 7 obj", "on on ADP IN 12 case", "Monday Monday PROPN NNP 7 obl",
                         ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "062"), "USA>PHL");
}

// "Aliyev called the attack a terrorist act": an act described is not the
// describer's (before: AZEGOV 190), while "announced the expulsion" still is.
TEST(CoderWireRules, DescribedActsAreNotTheDescribers) {
  auto ev = code_parsed({"Azerbaijani Azerbaijani PROPN NNP 2 compound", "President President PROPN NNP 3 nmod:desc",
                         "Ilham Ilham PROPN NNP 5 nsubj", "Aliyev Aliyev PROPN NNP 3 flat", "called call VERB VBD 0 root",
                         "the the DET DT 7 det", "attack attack NOUN NN 5 obj", "a a DET DT 10 det",
                         "terrorist terrorist NOUN NN 10 compound", "act act NOUN NN 5 obj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "(no 19 event)");
  ev = code_parsed({"Azerbaijan Azerbaijan PROPN NNP 2 nsubj", "announced announce VERB VBD 0 root", "the the DET DT 4 det",
                    "expulsion expulsion NOUN NN 2 obj", "of of ADP IN 7 case", "two two NUM CD 7 nummod",
                    "diplomats diplomat NOUN NNS 4 nmod", ". . PUNCT . 2 punct"});
  const dyad::Event* expulsion = first_of(ev, "166");
  ASSERT_NE(expulsion, nullptr);
  EXPECT_EQ(expulsion->source ? expulsion->source->code : "-", "AZE");
}

// "Heavy fighting erupted in the Sudanese capital on Saturday between the army
// and the RSF" with "erupted" a participle of "fighting": erupt has no passive,
// and the between-phrase of the verb the fighting is subject of names its sides.
TEST(CoderWireRules, FightingEruptedBetweenTwoSides) {
  auto ev = code_parsed({"Heavy heavy ADJ JJ 2 amod", "fighting fighting NOUN NN 0 root", "erupted erupt VERB VBN 2 acl",
                         "in in ADP IN 7 case", "the the DET DT 7 det", "Sudanese Sudanese ADJ JJ 7 amod",
                         "capital capital NOUN NN 3 obl", "on on ADP IN 9 case", "Saturday Saturday PROPN NNP 3 obl",
                         "between between ADP IN 12 case", "the the DET DT 12 det", "army army NOUN NN 3 obl",
                         "and and CCONJ CC 18 cc", "the the DET DT 18 det", "paramilitary paramilitary ADJ JJ 18 amod",
                         "Rapid Rapid PROPN NNP 18 compound", "Support support NOUN NN 18 compound",
                         "Forces force NOUN NNS 12 conj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "SDNMIL>SDNREBRSF");
}

// "Saudi Arabia and the United States brokered a ceasefire": joint mediators
// are not each other's targets, and the ceasefire is not theirs.
TEST(CoderWireRules, JointBrokersMediateTogether) {
  auto ev = code_parsed({"Saudi Saudi ADJ NNP 2 amod", "Arabia Arabia PROPN NNP 7 nsubj", "and and CCONJ CC 6 cc",
                         "the the DET DT 6 det", "United United ADJ NNP 6 amod", "States State PROPN NNPS 2 conj",
                         "brokered broker VERB VBD 0 root", "a a DET DT 9 det", "ceasefire ceasefire NOUN NN 7 obj",
                         ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "045"), "SAU>-");
  EXPECT_EQ(dyad_of(ev, "087"), "(no 087 event)");
}

// "called its leader a rebel" with two objects: argument repair s makes the
// second the first's predicate, and naming is no phone call (041); "called
// Turkish President Erdogan" still is one.
TEST(CoderWireRules, NamingIsNoCall) {
  auto ev = code_parsed({"Burhan Burhan PROPN NNP 2 nsubj", "called call VERB VBD 0 root", "its its PRON PRP$ 4 nmod:poss",
                         "leader leader NOUN NN 2 obj", "a a DET DT 6 det", "rebel rebel NOUN NN 2 obj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "041"), "(no 041 event)");
  ev = code_parsed({"Putin Putin PROPN NNP 2 nsubj", "called call VERB VBD 0 root", "Turkish Turkish PROPN NNP 5 compound",
                    "President President PROPN NNP 5 nmod:desc", "Erdogan Erdogan PROPN NNP 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "041"), "RUSGOV>TURGOV");
}

// "Turkey's parliament approved Sweden's bid to join NATO" endorses Sweden
// (051); "met Hamas leaders to discuss a ceasefire": the ceasefire is talked
// about, not the mediators' act.
TEST(CoderWireRules, ApprovedBidAndDiscussedCeasefire) {
  auto ev = code_parsed({"Turkey Turkey PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case", "parliament parliament NOUN NN 4 nsubj",
                         "approved approve VERB VBD 0 root", "Sweden Sweden PROPN NNP 7 nmod:poss", "'s 's PART POS 5 case",
                         "bid bid NOUN NN 4 obj", "to to PART TO 9 mark", "join join VERB VB 7 acl", "NATO NATO PROPN NNP 9 obj",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "051"), "TURLEG>SWE");
  ev = code_parsed({"Egyptian Egyptian ADJ JJ 2 amod", "mediators mediator NOUN NNS 3 nsubj", "met meet VERB VBD 0 root",
                    "Hamas Hamas PROPN NNP 5 compound", "leaders leader NOUN NNS 3 obj", "to to PART TO 7 mark",
                    "discuss discuss VERB VB 3 advcl", "a a DET DT 9 det", "ceasefire ceasefire NOUN NN 7 obj",
                    ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "087"), "(no 087 event)");
}

// "Hungarian Prime Minister Viktor Orban met ..." with "Hungarian" a second
// subject of "met": argument repair t makes it part of the one subject.
TEST(CoderWireRules, SplitSubjectIsOnePhrase) {
  auto ev = code_parsed({"Hungarian Hungarian PROPN NNP 6 nsubj", "Prime Prime ADJ JJ 3 amod",
                         "Minister Minister PROPN NNP 4 nmod:desc", "Viktor Viktor PROPN NNP 6 nsubj",
                         "Orban Orban PROPN NNP 4 flat", "met meet VERB VBD 0 root", "Chinese Chinese ADJ JJ 8 amod",
                         "President President PROPN NNP 9 nmod:desc", "Xi Xi PROPN NNP 6 obj", "Jinping Jinping PROPN NNP 9 flat",
                         ". . PUNCT . 6 punct"});
  EXPECT_EQ(dyad_of(ev, "040"), "HUNGOV>CHNGOV");
}

// "voted to annex the Essequibo region": the annexation is not yet done; and
// "signed a decree" is no formal agreement (057).
TEST(CoderWireRules, VotedActsAreFutureAndDecreesNoAgreements) {
  auto ev = code_parsed({"The the DET DT 3 det", "Venezuelan Venezuelan ADJ JJ 3 amod", "Assembly assembly PROPN NNP 4 nsubj",
                         "voted vote VERB VBD 0 root", "to to PART TO 6 mark", "annex annex VERB VB 4 xcomp",
                         "the the DET DT 9 det", "Essequibo Essequibo PROPN NNP 9 compound", "region region NOUN NN 6 obj",
                         "of of ADP IN 11 case", "Guyana Guyana PROPN NNP 9 nmod", ". . PUNCT . 4 punct"});
  const dyad::Event* annex = nullptr;
  for (const auto& e : ev) {
    if (e.trigger_text == "annex") annex = &e;
  }
  ASSERT_NE(annex, nullptr);
  EXPECT_EQ(annex->modality, dyad::Modality::kFuture);
  ev = code_parsed({"Putin Putin PROPN NNP 2 nsubj", "signed sign VERB VBD 0 root", "a a DET DT 4 det",
                    "decree decree NOUN NN 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "057"), "(no 057 event)");
}

// Data: "protested to Russia over military drills" is an official complaint
// (114), not a demonstration (141); "surrounded the presidential palace" is 191.
TEST(CoderWireRules, ProtestToAStateAndSurroundingAPalace) {
  auto ev = code_parsed({"Japan Japan PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root", "to to ADP IN 4 case",
                         "Russia Russia PROPN NNP 2 obl", "over over ADP IN 7 case", "military military ADJ JJ 7 amod",
                         "drills drill NOUN NNS 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "114"), "JPN>RUS");
  ev = code_parsed({"Bolivian Bolivian ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj", "surrounded surround VERB VBD 0 root",
                    "the the DET DT 6 det", "presidential presidential ADJ JJ 6 amod", "palace palace NOUN NN 3 obj",
                    ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "191"), "BOLMIL>BOLGOV");
}

// Data (session 12): suspending parties, or their activities, bans them (1722).
TEST(CoderWireRules, SuspendingPartiesBansThem) {
  auto ev = code_parsed({"The the DET DT 2 det", "government government NOUN NN 3 nsubj",
                         "suspended suspend VERB VBD 0 root", "two two NUM CD 6 nummod",
                         "opposition opposition NOUN NN 6 compound", "parties party NOUN NNS 3 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "1722"), "GOV>OPP");
  ev = code_parsed({"The the DET DT 3 det", "Malian Malian ADJ JJ 3 amod", "junta junta NOUN NN 4 nsubj",
                    "suspended suspend VERB VBD 0 root", "the the DET DT 6 det", "activities activity NOUN NNS 4 obj",
                    "of of ADP IN 8 case", "opposition opposition NOUN NN 6 nmod", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "1722"), "MLIGOV>MLIOPP");
}

// Data (session 12): warplanes entering another's air defense zone or
// airspace demonstrate military power (150); anyone else entering a zone does not.
TEST(CoderWireRules, WarplanesEnteringAnAirDefenseZone) {
  auto ev = code_parsed({"Chinese Chinese ADJ JJ 2 amod", "warplanes warplane NOUN NNS 3 nsubj",
                         "entered enter VERB VBD 0 root", "Taiwan Taiwan PROPN NNP 8 nmod:poss", "'s 's PART POS 4 case",
                         "air air NOUN NN 7 compound", "defense defense NOUN NN 8 compound", "zone zone NOUN NN 3 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "150"), "CHNMIL>TWN");
  ev = code_parsed({"Tourists tourist NOUN NNS 2 nsubj", "entered enter VERB VBD 0 root", "the the DET DT 4 det",
                    "zone zone NOUN NN 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_TRUE(ev.empty());
}

// Data (session 12): leading a delegation to X visits X (042, target the
// to-phrase, not the delegation); leading a security mission is no visit.
TEST(CoderWireRules, LeadingADelegationVisitsItsDestination) {
  auto ev = code_parsed({"Kenya Kenya PROPN NNP 4 nmod:poss", "'s 's PART POS 1 case", "foreign foreign ADJ JJ 4 amod",
                         "minister minister NOUN NN 5 nsubj", "led lead VERB VBD 0 root", "a a DET DT 7 det",
                         "delegation delegation NOUN NN 5 obj", "to to ADP IN 9 case", "Beijing Beijing PROPN NNP 5 obl",
                         ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "042"), "KENGOV>CHNGOV");
  ev = code_parsed({"Kenya Kenya PROPN NNP 2 nsubj", "led lead VERB VBD 0 root", "a a DET DT 5 det",
                    "security security NOUN NN 5 compound", "mission mission NOUN NN 2 obj", "in in ADP IN 7 case",
                    "Haiti Haiti PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "042"), "(no 042 event)");
}

}  // namespace
