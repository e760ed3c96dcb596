// Coding rules found by coding wire-style news sentences we wrote (session of
// 2026-11-30 09:00): a country's name is one state whatever its grammatical
// number; police sent abroad are the sender's means, not the target; "its
// internal affairs" is no police division; "Israeli and Palestinian
// officials" are two actors; "troops clashed" read as a participle is the
// troops' act (clash has no passive), and so are a past form tagged as an
// adjective and a participle sharing its conjunct's object. Hand-built parses (the trees our
// parser gives these sentences), the real data/ dictionaries. Each test fails
// without its rule.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Brazil criticized the United States for its sanctions.": "its" is the
// United States (grammatically plural "States"), not Brazil.
TEST(CoderNewsRules, PluralCountryNameIsAnIt) {
  const char* conllu =
      "1\tBrazil\tBrazil\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
      "2\tcriticized\tcriticize\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "4\tUnited\tUnited\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tStates\tStates\tPROPN\tNNPS\tNumber=Plur\t2\tobj\t_\t_\n"
      "6\tfor\tfor\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "7\tits\tits\tPRON\tPRP$\tPoss=Yes\t8\tnmod:poss\t_\t_\n"
      "8\tsanctions\tsanction\tNOUN\tNNS\tNumber=Plur\t5\tnmod\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  auto ev = dyad::testing::code_document(dyad::testing::conllu_document(conllu));
  EXPECT_EQ(dyad_of(ev, "111"), "BRA>USA");
  EXPECT_EQ(dyad_of(ev, "163"), "USA>-");
}

// "Kenya will deploy 1,000 police officers to Haiti.": the officers are
// Kenya's means; Haiti is the target.
TEST(CoderNewsRules, PoliceDeployedAbroadAreTheSendersMeans) {
  auto ev = code_parsed({"Kenya Kenya PROPN NNP 3 nsubj", "will will AUX MD 3 aux", "deploy deploy VERB VB 0 root",
                         "1,000 1,000 NUM CD 6 nummod", "police police NOUN NN 6 compound",
                         "officers officer NOUN NNS 3 obj", "to to ADP IN 8 case", "Haiti Haiti PROPN NNP 3 obl",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "15"), "KEN>HTI");
  // Police who are acted upon stay the target: "Turkey detained police officers in Ankara."
  ev = code_parsed({"Turkey Turkey PROPN NNP 2 nsubj", "detained detain VERB VBD 0 root",
                    "police police NOUN NN 4 compound", "officers officer NOUN NNS 2 obj", "in in ADP IN 6 case",
                    "Ankara Ankara PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "TUR>TURCOP");
}

// "Moscow accused Washington of meddling in its internal affairs.": no police
// division is meddled with; the Ministry of Internal Affairs is a ministry.
TEST(CoderNewsRules, InternalAffairsAreNoPolice) {
  auto ev = code_parsed({"Moscow Moscow PROPN NNP 2 nsubj", "accused accuse VERB VBD 0 root",
                         "Washington Washington PROPN NNP 2 obj", "of of SCONJ IN 5 mark",
                         "meddling meddle VERB VBG 2 advcl", "in in ADP IN 9 case", "its its PRON PRP$ 9 nmod:poss",
                         "internal internal ADJ JJ 9 amod", "affairs affair NOUN NNS 5 obl", ". . PUNCT . 2 punct"});
  for (const auto& e : ev) EXPECT_FALSE(e.target && e.target->sector == "COP") << e.cameo << " " << e.target->code;
  ev = code_parsed({"The the DET DT 2 det", "Ministry Ministry PROPN NNP 6 nsubj", "of of ADP IN 5 case",
                    "Internal Internal ADJ JJ 5 amod", "Affairs Affairs PROPN NNPS 2 nmod",
                    "detained detain VERB VBD 0 root", "five five NUM CD 8 nummod", "activists activist NOUN NNS 6 obj",
                    ". . PUNCT . 6 punct"});
  std::string d = dyad_of(ev, "17");
  EXPECT_EQ(d.substr(0, d.find('>')), "GOV") << d;
}

// "Israeli and Palestinian officials met in Cairo.": one actor per country of
// the coordinated adjectives, so the meeting is Israel's with the Palestinians.
TEST(CoderNewsRules, CoordinatedCountryAdjectivesAreOneActorEach) {
  auto ev = code_parsed({"Israeli Israeli ADJ JJ 4 amod", "and and CCONJ CC 3 cc", "Palestinian Palestinian ADJ JJ 1 conj",
                         "officials official NOUN NNS 5 nsubj", "met meet VERB VBD 0 root", "in in ADP IN 7 case",
                         "Cairo Cairo PROPN NNP 5 obl", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "ISRGOV>PSEGOV");
}

// "Indian and Chinese troops clashed along the border." as our parser reads
// it: "troops" the root, "clashed" a participle (VBN acl) on it.
TEST(CoderNewsRules, IntransitiveParticipleOnANominalRootIsTheClause) {
  auto ev = code_parsed({"Indian Indian ADJ JJ 4 amod", "and and CCONJ CC 3 cc", "Chinese Chinese ADJ JJ 1 conj",
                         "troops troops NOUN NNS 0 root", "clashed clash VERB VBN 4 acl", "along along ADP IN 8 case",
                         "the the DET DT 8 det", "border border NOUN NN 5 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "INDMIL>CHNMIL");
  // A transitive participle stays a reduced passive: "troops deployed along the border" is no act of theirs.
  ev = code_parsed({"Indian Indian ADJ JJ 2 amod", "troops troops NOUN NNS 0 root", "deployed deploy VERB VBN 2 acl",
                    "along along ADP IN 6 case", "the the DET DT 6 det", "border border NOUN NN 3 obl", ". . PUNCT . 2 punct"});
  EXPECT_TRUE(ev.empty());
}

// "A suicide bomber killed 12 people at a market in Mogadishu.": the place is
// inside the at-phrase; the unnamed attacker and the victims are Somalia's.
TEST(CoderNewsRules, PlaceInsideAnAtPhraseLocatesTheAct) {
  auto ev = code_parsed({"A a DET DT 3 det", "suicide suicide NOUN NN 3 compound", "bomber bomber NOUN NN 4 nsubj",
                         "killed kill VERB VBD 0 root", "12 12 NUM CD 6 nummod", "people people NOUN NNS 4 obj",
                         "at at ADP IN 9 case", "a a DET DT 9 det", "market market NOUN NN 4 obl",
                         "in in ADP IN 11 case", "Mogadishu Mogadishu PROPN NNP 9 nmod", ". . PUNCT . 4 punct"});
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->country, "SOM");
  EXPECT_EQ(dyad_of(ev, "18"), "SOMINS>SOMCVL");
}

// "Israeli troops killed three civilians in Jenin.": civilians without a
// country are of the place where they were killed, not of their killers.
TEST(CoderNewsRules, SectorOnlyTargetIsOfThePlace) {
  auto ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj",
                         "killed kill VERB VBD 0 root", "three three NUM CD 5 nummod",
                         "civilians civilian NOUN NNS 3 obj", "in in ADP IN 7 case", "Jenin Jenin PROPN NNP 3 obl",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "ISRMIL>PSECVL");
  // Without a place the target stays domestic: "the Sudanese government accused rebels".
  ev = code_parsed({"The the DET DT 3 det", "Sudanese Sudanese ADJ JJ 3 amod", "government government NOUN NN 4 nsubj",
                    "accused accuse VERB VBD 0 root", "rebels rebel NOUN NNS 4 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "SDNGOV>SDNREB");
}

// "Kenyan officials demanded support from Uganda." with "demanded" tagged an
// adjective (JJ) of "support" under the nominal root "officials".
TEST(CoderNewsRules, PastFormTaggedAsAdjectiveUnderANominalRootIsTheVerb) {
  auto ev = code_parsed({"Kenyan Kenyan ADJ JJ 2 amod", "officials official NOUN NNS 0 root",
                         "demanded demanded ADJ JJ 4 amod", "support support NOUN NN 2 obj", "from from ADP IN 6 case",
                         "Uganda Uganda PROPN NNP 4 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "10"), "KENGOV>UGA");
}

// "Doctors from Swiss aid groups donated and delivered medicine to Iran." with
// "donated" a participle on "groups": its coordinated verb has the object, so
// it is active, not a reduced passive.
TEST(CoderNewsRules, ParticipleSharingItsConjunctsObjectIsActive) {
  auto ev = code_parsed({"Doctors doctor NOUN NNS 0 root", "from from ADP IN 5 case", "Swiss Swiss ADJ JJ 5 amod",
                         "aid aid NOUN NN 5 compound", "groups group NOUN NNS 1 nmod", "donated donate VERB VBN 5 acl",
                         "and and CCONJ CC 8 cc", "delivered deliver VERB VBD 6 conj", "medicine medicine NOUN NN 8 obj",
                         "to to ADP IN 11 case", "Iran Iran PROPN NNP 8 obl", ". . PUNCT . 1 punct"});
  std::string d = dyad_of(ev, "07");
  EXPECT_EQ(d.substr(0, 3), "CHE") << d;
}

// "Iran denied supplying drones to Russia.": the gerund under "deny" is the
// denied act.
TEST(CoderNewsRules, GerundUnderDenyIsDenied) {
  auto ev = code_parsed({"Iran Iran PROPN NNP 2 nsubj", "denied deny VERB VBD 0 root",
                         "supplying supply VERB VBG 2 xcomp", "drones drone NOUN NNS 3 obj", "to to ADP IN 6 case",
                         "Russia Russia PROPN NNP 3 obl", ". . PUNCT . 2 punct"});
  bool found = false;
  for (const auto& e : ev) {
    if (e.cameo != "072") continue;
    found = true;
    EXPECT_EQ(e.modality, dyad::Modality::kDenied);
  }
  EXPECT_TRUE(found);
}

// "'We will not negotiate with terrorists,' the Nigerian president said.":
// in a quotation "we" is the speaker's side, not the outlet's country.
TEST(CoderNewsRules, WeInAQuotationIsTheSpeaker) {
  auto ev = code_parsed({"\" \" PUNCT `` 5 punct", "We we PRON PRP 5 nsubj", "will will AUX MD 5 aux",
                         "not not PART RB 5 advmod", "negotiate negotiate VERB VB 13 ccomp", "with with ADP IN 7 case",
                         "terrorists terrorist NOUN NNS 5 obl", ", , PUNCT , 5 punct", "\" \" PUNCT '' 5 punct",
                         "the the DET DT 12 det", "Nigerian Nigerian PROPN NNP 12 compound",
                         "president president NOUN NN 13 nsubj", "said say VERB VBD 0 root", ". . PUNCT . 13 punct"});
  std::string d = dyad_of(ev, "046");
  EXPECT_EQ(d.substr(0, d.find('>')), "NGAGOV") << d;
}

// "Biden spoke with Xi Jinping. The two leaders discussed trade and Taiwan.":
// "the two leaders" are the last two countries' leaders; what they discussed
// is a topic, not a party.
TEST(CoderNewsRules, TheTwoLeadersAreTheLastTwoCountries) {
  auto ev = code_parsed({"Biden Biden PROPN NNP 2 nsubj", "spoke speak VERB VBD 0 root", "with with ADP IN 4 case",
                         "Xi Xi PROPN NNP 2 obl", "Jinping Jinping PROPN NNP 4 flat", ". . PUNCT . 2 punct", "",
                         "The the DET DT 3 det", "two two NUM CD 3 nummod", "leaders leader NOUN NNS 4 nsubj",
                         "discussed discuss VERB VBD 0 root", "trade trade NOUN NN 4 obj", "and and CCONJ CC 7 cc",
                         "Taiwan Taiwan PROPN NNP 5 conj", ". . PUNCT . 4 punct"});
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].source->code + ">" + ev[0].target->code, "USAGOV>CHNGOV");
  ASSERT_TRUE(ev[1].source && ev[1].target);
  std::set<std::string> pair = {ev[1].source->code, ev[1].target->code};
  EXPECT_EQ(pair, (std::set<std::string>{"USAGOV", "CHNGOV"}));
}

// "Venezuela sent troops to the border with Guyana." (the with-phrase hung on
// the verb) and "Russia massed troops near the Ukrainian border.": the
// troops are the sender's means, the country across the border the target.
TEST(CoderNewsRules, BorderPhraseNamesTheTarget) {
  auto ev = code_parsed({"Venezuela Venezuela PROPN NNP 2 nsubj", "sent send VERB VBD 0 root",
                         "troops troops NOUN NNS 2 obj", "to to ADP IN 6 case", "the the DET DT 6 det",
                         "border border NOUN NN 2 obl", "with with ADP IN 8 case", "Guyana Guyana PROPN NNP 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "154"), "VEN>GUY");
  ev = code_parsed({"Russia Russia PROPN NNP 2 nsubj", "massed mass VERB VBD 0 root", "troops troops NOUN NNS 2 obj",
                    "near near ADP IN 7 case", "the the DET DT 7 det", "Ukrainian Ukrainian ADJ JJ 7 amod",
                    "border border NOUN NN 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "154"), "RUS>UKR");
  // "ordered troops to X" mobilizes as "sent troops to X" does.
  ev = code_parsed({"Putin Putin PROPN NNP 2 nsubj", "ordered order VERB VBD 0 root", "troops troops NOUN NNS 2 obj",
                    "into into ADP IN 6 case", "eastern eastern ADJ JJ 6 amod", "Ukraine Ukraine PROPN NNP 2 obl",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "154"), "RUSGOV>UKR");
}

// "Hamas officials rejected the proposal.", "Taliban leaders met Pakistani
// officials.": a domestic non-state organization's people are the
// organization, not the state's government.
TEST(CoderNewsRules, PeopleOfANonStateOrganizationAreIt) {
  auto ev = code_parsed({"Hamas Hamas PROPN NNP 2 compound", "officials official NOUN NNS 3 nsubj",
                         "rejected reject VERB VBD 0 root", "the the DET DT 5 det", "proposal proposal NOUN NN 3 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "PSEREBHMS>-");
  ev = code_parsed({"Taliban Taliban PROPN NNP 2 compound", "leaders leader NOUN NNS 3 nsubj", "met meet VERB VBD 0 root",
                    "Pakistani Pakistani ADJ JJ 5 amod", "officials official NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "AFGGOVTAL>PAKGOV");
}

// "Egypt and Qatar are mediating between Israel and Hamas.": the parties are
// the between-phrase (data/events/04_consult.txt tries it first), not the
// mediators' conjuncts.
TEST(CoderNewsRules, MediationIsBetweenItsParties) {
  auto ev = code_parsed({"Egypt Egypt PROPN NNP 5 nsubj", "and and CCONJ CC 3 cc", "Qatar Qatar PROPN NNP 1 conj",
                         "are be AUX VBP 5 aux", "mediating mediate VERB VBG 0 root", "between between ADP IN 7 case",
                         "Israel Israel PROPN NNP 5 obl", "and and CCONJ CC 9 cc", "Hamas Hamas PROPN NNP 7 conj",
                         ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "045"), "EGY>ISR");
  for (const auto& e : ev) EXPECT_NE(e.target ? e.target->code : "", "QAT");
}

// "Lebanon filed a complaint with the UN Security Council against Israel." with
// "against Israel" stacked on "Council": the pattern's against-slot reaches it.
TEST(CoderNewsRules, PrepositionSlotStackedOnTheObjectsPhrase) {
  auto ev = code_parsed({"Lebanon Lebanon PROPN NNP 2 nsubj", "filed file VERB VBD 0 root", "a a DET DT 4 det",
                         "complaint complaint NOUN NN 2 obj", "with with ADP IN 9 case", "the the DET DT 9 det",
                         "UN UN PROPN NNP 9 compound", "Security Security PROPN NNP 9 compound",
                         "Council Council PROPN NNP 4 nmod", "against against ADP IN 11 case",
                         "Israel Israel PROPN NNP 9 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "114"), "LBN>ISR");
}

// The user's article: "Two French diplomats were expelled. They were ordered to
// leave Azerbaijan's territory within 48 hours." The agentless order to leave
// a country's territory is that country's, and it is an expulsion (166), not
// a demand (100).
TEST(CoderNewsRules, OrderToLeaveACountryIsThatCountrysExpulsion) {
  const char* conllu =
      "1\tTwo\ttwo\tNUM\tCD\t_\t3\tnummod\t_\t_\n"
      "2\tFrench\tFrench\tADJ\tJJ\t_\t3\tamod\t_\t_\n"
      "3\tdiplomats\tdiplomat\tNOUN\tNNS\tNumber=Plur\t5\tnsubj:pass\t_\t_\n"
      "4\twere\tbe\tAUX\tVBD\t_\t5\taux:pass\t_\t_\n"
      "5\texpelled\texpel\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\n"
      "1\tThey\tthey\tPRON\tPRP\tNumber=Plur\t3\tnsubj:pass\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
      "3\tordered\torder\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
      "5\tleave\tleave\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
      "6\tAzerbaijan\tAzerbaijan\tPROPN\tNNP\t_\t8\tnmod:poss\t_\t_\n"
      "7\t's\t's\tPART\tPOS\t_\t6\tcase\t_\t_\n"
      "8\tterritory\tterritory\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
      "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
  auto ev = dyad::testing::code_document(dyad::testing::conllu_document(conllu));
  std::string order;
  for (const auto& e : ev) {
    if (e.sentence == 1) order = e.cameo + " " + (e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-");
  }
  EXPECT_EQ(order, "166 AZE>FRAGOV");
}

// The user's article: "The same goes for Washington, whose lobbyists, in the
// heat of the moment, tried to talk to Baku in the language of menace." as our
// parser reads it ("tried" a conjunct of "goes", "whose lobbyists" an
// apposition): the whose-phrase is the subject of "tried", and lobbyists act
// for their owner.
TEST(CoderNewsRules, WhosePhraseBeforeASubjectlessVerbIsItsSubject) {
  auto ev = code_parsed({"The the DET DT 2 det", "same same ADJ JJ 3 nsubj", "goes go VERB VBZ 0 root",
                         "for for ADP IN 5 case", "Washington Washington PROPN NNP 3 obl", ", , PUNCT , 8 punct",
                         "whose whose PRON WP$ 8 nmod:poss", "lobbyists lobbyist NOUN NNS 5 appos", ", , PUNCT , 12 punct",
                         "in in ADP IN 12 case", "the the DET DT 12 det", "heat heat NOUN NN 8 nmod",
                         "of of ADP IN 15 case", "the the DET DT 15 det", "moment moment NOUN NN 12 nmod",
                         ", , PUNCT , 17 punct", "tried try VERB VBD 3 conj", "to to PART TO 19 mark",
                         "talk talk VERB VB 17 xcomp", "to to ADP IN 21 case", "Baku Baku PROPN NNP 19 obl",
                         "in in ADP IN 24 case", "the the DET DT 24 det", "language language NOUN NN 19 obl",
                         "of of ADP IN 26 case", "menace menace NOUN NN 24 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "USAGOV>AZEGOV");
}

// The user's article: "But the matter did not go beyond the accusations of a
// biased media." — an of-phrase that names no crime is the accuser.
TEST(CoderNewsRules, AccusationsOfAnActorAreItsAccusations) {
  auto ev = code_parsed({"But but CCONJ CC 5 cc", "the the DET DT 3 det", "matter matter NOUN NN 5 nsubj",
                         "did do AUX VBD 5 aux", "go go VERB VB 0 root", "beyond beyond ADP IN 8 case",
                         "the the DET DT 8 det", "accusations accusation NOUN NNS 5 obl", "of of ADP IN 12 case",
                         "a a DET DT 12 det", "biased biased ADJ JJ 12 amod", "media media NOUN NN 8 nmod",
                         ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "112"), "MED>-");
  // ... while "accusations against X" keep X as the accused.
  ev = code_parsed({"Russia Russia PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case",
                    "accusations accusation NOUN NNS 6 nsubj", "against against ADP IN 5 case",
                    "Ukraine Ukraine PROPN NNP 3 nmod", "were be AUX VBD 7 cop", "false false ADJ JJ 0 root",
                    ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "112"), "RUS>UKR");
}

// "The Pope called for a ceasefire in Sudan.": the Pope is the Holy See's head
// of state, not a Sudanese cleric; "began talks with X" is a negotiation.
TEST(CoderNewsRules, ThePopeAndTalksBegun) {
  auto ev = code_parsed({"The the DET DT 2 det", "Pope Pope PROPN NNP 3 nsubj", "called call VERB VBD 0 root",
                         "for for ADP IN 6 case", "a a DET DT 6 det", "ceasefire ceasefire NOUN NN 3 obl",
                         "in in ADP IN 8 case", "Sudan Sudan PROPN NNP 6 nmod", ". . PUNCT . 3 punct"});
  std::string d = dyad_of(ev, "02");
  EXPECT_EQ(d.substr(0, d.find('>')), "VATGOV") << d;
  ev = code_parsed({"Israel Israel PROPN NNP 2 nsubj", "opened open VERB VBD 0 root", "talks talk NOUN NNS 2 obj",
                    "with with ADP IN 5 case", "Lebanon Lebanon PROPN NNP 3 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "046"), "ISR>LBN");
}

// "Three people were killed when a Russian missile hit a residential building
// in Odesa.": the when-clause says who did it and where.
TEST(CoderNewsRules, WhenClauseNamesTheAgentAndPlaceOfAPassive) {
  auto ev = code_parsed({"Three three NUM CD 2 nummod", "people people NOUN NNS 4 nsubj:pass", "were be AUX VBD 4 aux:pass",
                         "killed kill VERB VBN 0 root", "when when ADV WRB 9 advmod", "a a DET DT 8 det",
                         "Russian Russian ADJ JJ 8 amod", "missile missile NOUN NN 9 nsubj", "hit hit VERB VBD 4 advcl",
                         "a a DET DT 12 det", "residential residential ADJ JJ 12 amod", "building building NOUN NN 9 obj",
                         "in in ADP IN 14 case", "Odesa Odesa PROPN NNP 9 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "RUS>UKRCVL");
}

// "The African Union suspended Niger.": a bloc suspends a member (160), while
// "suspended aid to X" stays a cut in aid (162); "raided Jenin" is a raid on a place.
TEST(CoderNewsRules, BlocSuspendsAMemberAndRaidsOnPlaces) {
  auto ev = code_parsed({"The the DET DT 3 det", "African African PROPN NNP 3 compound", "Union Union PROPN NNP 4 nsubj",
                         "suspended suspend VERB VBD 0 root", "Niger Niger PROPN NNP 4 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "160"), "IGOAFRAFU>NER");
  ev = code_parsed({"The the DET DT 3 det", "European European PROPN NNP 3 compound", "Union Union PROPN NNP 4 nsubj",
                    "suspended suspend VERB VBD 0 root", "aid aid NOUN NN 4 obj", "to to ADP IN 7 case",
                    "Niger Niger PROPN NNP 4 obl", ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "162"), "IGOEUREEC>NER");
  ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj", "raided raid VERB VBD 0 root",
                    "Jenin Jenin PROPN NNP 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "190"), "ISRMIL>PSE");
}

// "The Egyptian foreign minister received his Sudanese counterpart in Cairo.":
// a counterpart is of the other side, named by its own adjective, not by "his".
TEST(CoderNewsRules, CounterpartIsTheOtherSide) {
  auto ev = code_parsed({"The the DET DT 4 det", "Egyptian Egyptian ADJ JJ 4 amod", "foreign foreign ADJ JJ 4 amod",
                         "minister minister NOUN NN 5 nsubj", "received receive VERB VBD 0 root",
                         "his his PRON PRP$ 8 nmod:poss", "Sudanese Sudanese ADJ JJ 8 amod",
                         "counterpart counterpart NOUN NN 5 obj", "in in ADP IN 10 case", "Cairo Cairo PROPN NNP 5 obl",
                         ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "043"), "EGYGOV>SDNGOV");
}

}  // namespace
