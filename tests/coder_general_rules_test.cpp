// General coding rules of 2026-11-29 (late): a country adjective on a
// compound before the head, unnamed attackers located in a country, the
// place phrases that locate them, a preposition hung on a phrase's first
// modifier, and state actors facing a country's rebels; (2026-11-30) a
// reacting verb's subject is not the agent of the act it reacts to; an
// "of" clause hung on the accused is still the accuser's allegation; the
// victims of an act are not the target of a reaction to it; officials "of X
// and Y" are one actor per country.
// Sentences we wrote, hand-built parses, the real data/ dictionaries.
#include <gtest/gtest.h>

#include <sstream>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// CoNLL-U (with features, which the row format above lacks) coded with the
// real data/ dictionaries.
std::vector<dyad::Event> code_conllu_text(const std::string& conllu) {
  return dyad::testing::code_document(dyad::testing::conllu_document(conllu));
}

// "Chile complained over two Peruvian air strikes.": the adjective sits on
// "air", the compound before "strikes"; the strikes are Peru's.
TEST(CoderGeneralRules, AdjectiveOnACompoundNamesTheCountry) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "complained complain VERB VBD 0 root",
                         "over over ADP IN 7 case", "two two NUM CD 7 nummod", "Peruvian Peruvian ADJ JJ 6 amod",
                         "air air NOUN NN 7 compound", "strikes strike NOUN NNS 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "114"), "CHL>PER");
}

// "Two Chilean soldiers were killed by a roadside bomb outside the city of
// Lima.": no attacker named, so the country where it happened; "outside"
// locates the act as "in" does.
TEST(CoderGeneralRules, UnnamedAttackerIsThePlacesCountry) {
  auto ev = code_parsed({"Two two NUM CD 3 nummod", "Chilean Chilean ADJ JJ 3 amod",
                         "soldiers soldier NOUN NNS 5 nsubj:pass", "were be AUX VBD 5 aux:pass",
                         "killed kill VERB VBN 0 root", "by by ADP IN 9 case", "a a DET DT 9 det",
                         "roadside roadside NOUN NN 9 compound", "bomb bomb NOUN NN 5 obl:agent",
                         "outside outside ADP IN 12 case", "the the DET DT 12 det", "city city NOUN NN 9 nmod",
                         "of of ADP IN 14 case", "Lima Lima PROPN NNP 12 nmod", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "PER>CHLMIL");
}

// "A Chilean reporter was killed in a residential sector of Lima.": a
// sector of a city is a place type, as a district of it is.
TEST(CoderGeneralRules, SectorOfACityLocatesTheAct) {
  auto ev = code_parsed({"A a DET DT 3 det", "Chilean Chilean ADJ JJ 3 amod", "reporter reporter NOUN NN 5 nsubj:pass",
                         "was be AUX VBD 5 aux:pass", "killed kill VERB VBN 0 root", "in in ADP IN 9 case",
                         "a a DET DT 9 det", "residential residential ADJ JJ 9 amod", "sector sector NOUN NN 5 obl",
                         "of of ADP IN 11 case", "Lima Lima PROPN NNP 9 nmod", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "PER>CHLMED");
}

// An agentless passive that is no violence keeps its empty source:
// "Chilean diplomats were welcomed in Lima." says nothing of who welcomed them.
TEST(CoderGeneralRules, PeacefulPassiveGetsNoSourceFromItsPlace) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "diplomats diplomat NOUN NNS 4 nsubj:pass",
                         "were be AUX VBD 4 aux:pass", "welcomed welcome VERB VBN 0 root", "in in ADP IN 6 case",
                         "Lima Lima PROPN NNP 4 obl", ". . PUNCT . 4 punct"});
  for (const auto& e : ev) EXPECT_FALSE(e.source.has_value()) << e.cameo;
}

// "Rebels exploded a series of bombs in Lima.": the place of the bombs, the
// of-phrase of the measure "series", is the place acted upon.
TEST(CoderGeneralRules, PlaceOfAMeasuresOfPhraseIsTheTarget) {
  auto ev = code_parsed({"Rebels rebel NOUN NNS 2 nsubj", "exploded explode VERB VBD 0 root", "a a DET DT 4 det",
                         "series series NOUN NN 2 obj", "of of ADP IN 6 case", "bombs bomb NOUN NNS 4 nmod",
                         "in in ADP IN 8 case", "Lima Lima PROPN NNP 6 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "REB>PER");
}

// "Bolivian students marched in protest against the widespread human rights
// violations by Chilean troops." with "against" hung on "rights", the first
// modifier of "violations": the preposition opens the phrase, so it is the
// phrase's, and the violations' author is the target.
TEST(CoderGeneralRules, PrepositionOnTheFirstModifierIsThePhrases) {
  auto ev = code_parsed({"Bolivian Bolivian ADJ JJ 2 amod", "students student NOUN NNS 3 nsubj",
                         "marched march VERB VBD 0 root", "in in ADP IN 5 case", "protest protest NOUN NN 3 obl",
                         "against against ADP IN 10 case", "the the DET DT 11 det", "widespread widespread ADJ JJ 11 amod",
                         "human human ADJ JJ 10 amod", "rights right NOUN NNS 11 compound",
                         "violations violation NOUN NNS 5 nmod", "by by ADP IN 14 case", "Chilean Chilean ADJ JJ 14 amod",
                         "troops troop NOUN NNS 11 nmod", ". . PUNCT . 3 punct"});
  std::string d = dyad_of(ev, "14");
  EXPECT_EQ(d.substr(0, 7), "BOLEDU>");
  EXPECT_EQ(d.substr(7, 3), "CHL") << d;
}

// "The army attacked Angolan rebels.": an army named without a country that
// fights a country's rebels is that country's.
TEST(CoderGeneralRules, StateActorFacingRebelsIsTheirCountrys) {
  auto ev = code_parsed({"The the DET DT 2 det", "army army NOUN NN 3 nsubj", "attacked attack VERB VBD 0 root",
                         "Angolan Angolan ADJ JJ 5 amod", "rebels rebel NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "AGOMIL>AGOREB");
}

// "The army attacked Angolan villagers.": civilians say nothing of the army's country.
TEST(CoderGeneralRules, StateActorFacingCiviliansStaysSectorOnly) {
  auto ev = code_parsed({"The the DET DT 2 det", "army army NOUN NN 3 nsubj", "attacked attack VERB VBD 0 root",
                         "Angolan Angolan ADJ JJ 5 amod", "villagers villager NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19").substr(0, 4), "MIL>");
}

// "Chile protested the detention of two Peruvian journalists.": the one who
// protests did not detain; the detention keeps an unnamed source. So does the
// criticism that "Peru rejected": Peru did not criticise.
TEST(CoderGeneralRules, ReactingSubjectIsNotTheAgentOfTheActItReactsTo) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root", "the the DET DT 4 det",
                         "detention detention NOUN NN 2 obj", "of of ADP IN 8 case", "two two NUM CD 8 nummod",
                         "Peruvian Peruvian ADJ JJ 8 amod", "journalists journalist NOUN NNS 4 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "173"), "->PERMED");
  ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "rejected reject VERB VBD 0 root", "the the DET DT 4 det",
                    "criticism criticism NOUN NN 2 obj", ". . PUNCT . 2 punct"});
  for (const auto& e : ev) {
    if (e.cameo.starts_with("11")) {
      EXPECT_FALSE(e.source && e.source->code == "PER") << e.cameo;
    }
  }
}

// The rule is about reacting verbs only: "Chilean police announced the arrest
// of two Peruvian journalists." still makes the police the ones who arrested.
TEST(CoderGeneralRules, AnnouncingSubjectStaysTheAgentOfItsNominalEvent) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj",
                         "announced announce VERB VBD 0 root", "the the DET DT 5 det", "arrest arrest NOUN NN 3 obj",
                         "of of ADP IN 9 case", "two two NUM CD 9 nummod", "Peruvian Peruvian ADJ JJ 9 amod",
                         "journalists journalist NOUN NNS 5 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "173"), "CHLCOP>PERMED");
}

// "Azerbaijan exposed a French spy network.": a spy network's country is the
// accused, never the accuser (data/events/11_disapprove.txt: source=none).
TEST(CoderGeneralRules, ASpyNetworkDoesNotAccuseItself) {
  auto ev = code_parsed({"Azerbaijan Azerbaijan PROPN NNP 2 nsubj", "exposed expose VERB VBD 0 root", "a a DET DT 6 det",
                         "French French ADJ JJ 6 amod", "spy spy NOUN NN 6 compound", "network network NOUN NN 2 obj",
                         ". . PUNCT . 2 punct"});
  for (const auto& e : ev) {
    EXPECT_FALSE(e.source && e.source->country == "FRA") << e.cameo << " " << e.source->code;
  }
}

// "It is time for Yerevan to sit down at the negotiating table with Baku.":
// "for X to VERB" names the infinitive's subject; the expletive "It" is no actor.
TEST(CoderGeneralRules, ForPhraseBeforeToIsTheInfinitivesSubject) {
  auto ev = code_parsed({"It it PRON PRP 3 nsubj", "is be AUX VBZ 3 cop", "time time NOUN NN 0 root",
                         "for for ADP IN 5 case", "Yerevan Yerevan PROPN NNP 3 nmod", "to to PART TO 7 mark",
                         "sit sit VERB VB 3 acl", "down down ADV RB 7 advmod", "at at ADP IN 12 case",
                         "the the DET DT 12 det", "negotiating negotiating NOUN NN 12 compound",
                         "table table NOUN NN 7 obl", "with with ADP IN 14 case", "Baku Baku PROPN NNP 12 nmod",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "046"), "ARMGOV>AZEGOV");
}

// ... but only right before "to": in "Nigerians gathered for a rally in Lagos
// to protest the law" the rally is a purpose and the Nigerians protest.
TEST(CoderGeneralRules, APurposeForPhraseIsNoSubject) {
  auto ev = code_parsed({"Nigerians Nigerian PROPN NNPS 2 nsubj", "gathered gather VERB VBD 0 root",
                         "for for ADP IN 5 case", "a a DET DT 5 det", "rally rally NOUN NN 2 obl",
                         "in in ADP IN 7 case", "Lagos Lagos PROPN NNP 5 nmod", "to to PART TO 9 mark",
                         "protest protest VERB VB 2 advcl", "the the DET DT 11 det", "law law NOUN NN 9 obj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "111").substr(0, 4), "NGA>");
}

// "Moscow accused Oslo of interfering in its affairs.", parsed as our parser
// does it: "of interfering" hangs on the accused (acl), not on "accused".
// The interference is Moscow's allegation, not a fact the article asserts.
TEST(CoderGeneralRules, OfClauseOnTheAccusedIsAlleged) {
  auto ev = code_parsed({"Moscow Moscow PROPN NNP 2 nsubj", "accused accuse VERB VBD 0 root",
                         "Oslo Oslo PROPN NNP 2 obj", "of of SCONJ IN 5 mark", "interfering interfere VERB VBG 3 acl",
                         "in in ADP IN 8 case", "its its PRON PRP$ 8 nmod:poss", "affairs affair NOUN NNS 5 obl",
                         ". . PUNCT . 2 punct"});
  bool found = false;
  for (const auto& e : ev) {
    if (e.trigger_text != "interfering") continue;
    found = true;
    EXPECT_EQ(e.modality, dyad::Modality::kAlleged) << e.cameo;
    ASSERT_TRUE(e.attributed_to.has_value());
    EXPECT_EQ(e.attributed_to->code, "RUSGOV");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(dyad_of(ev, "112"), "RUSGOV>NORGOV");  // the accusation itself is asserted
  for (const auto& e : ev) {
    if (e.cameo == "112") {
      EXPECT_EQ(e.modality, dyad::Modality::kAsserted);
    }
  }
}

// "Norway summoned the Russian ambassador to protest the detention of two
// Norwegian journalists.": the journalists are the detainees, not whom Norway
// protests against; the protest is lodged with the one summoned.
TEST(CoderGeneralRules, ProtestPurposeIsAddressedToTheOneSummoned) {
  auto ev = code_parsed({"Norway Norway PROPN NNP 2 nsubj", "summoned summon VERB VBD 0 root",
                         "the the DET DT 5 det", "Russian Russian ADJ JJ 5 amod", "ambassador ambassador NOUN NN 2 obj",
                         "to to PART TO 7 mark", "protest protest VERB VB 2 advcl", "the the DET DT 9 det",
                         "detention detention NOUN NN 7 obj", "of of ADP IN 13 case", "two two NUM CD 13 nummod",
                         "Norwegian Norwegian ADJ JJ 13 amod", "journalists journalist NOUN NNS 9 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "111"), "NOR>RUSGOV");
  EXPECT_EQ(dyad_of(ev, "173"), "->NORMED");  // the detention itself: its detainees
}

// Without anyone summoned the protest has no target, rather than the victims;
// an "of" phrase that names an actor, not a patient, still is the target.
TEST(CoderGeneralRules, VictimsOfAnActAreNotTheTargetOfAReaction) {
  auto detained = code_parsed({"Norway Norway PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root",
                               "the the DET DT 4 det", "detention detention NOUN NN 2 obj", "of of ADP IN 8 case",
                               "two two NUM CD 8 nummod", "Norwegian Norwegian ADJ JJ 8 amod",
                               "journalists journalist NOUN NNS 4 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(detained, "111"), "NOR>-");
  auto decided = code_parsed({"Norway Norway PROPN NNP 2 nsubj", "protested protest VERB VBD 0 root",
                              "the the DET DT 4 det", "decision decision NOUN NN 2 obj", "of of ADP IN 6 case",
                              "Russia Russia PROPN NNP 4 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(decided, "111"), "NOR>RUS");
}

// "The foreign ministers of Finland and Sweden met in Helsinki.": a plural
// head's coordinated "of" phrase is one actor per country, so they meet each
// other; a singular head keeps its first country only.
TEST(CoderGeneralRules, MinistersOfTwoCountriesMeetEachOther) {
  auto ev = code_parsed({"The the DET DT 3 det", "foreign foreign ADJ JJ 3 amod",
                         "ministers minister NOUN NNS 8 nsubj", "of of ADP IN 5 case", "Finland Finland PROPN NNP 3 nmod",
                         "and and CCONJ CC 7 cc", "Sweden Sweden PROPN NNP 5 conj", "met meet VERB VBD 0 root",
                         "in in ADP IN 10 case", "Helsinki Helsinki PROPN NNP 8 obl", ". . PUNCT . 8 punct"});
  EXPECT_EQ(dyad_of(ev, "04"), "FINGOV>SWEGOV");
  auto criticised = code_parsed({"The the DET DT 2 det", "ministers minister NOUN NNS 7 nsubj", "of of ADP IN 4 case",
                                 "Finland Finland PROPN NNP 2 nmod", "and and CCONJ CC 6 cc",
                                 "Sweden Sweden PROPN NNP 4 conj", "criticized criticize VERB VBD 0 root",
                                 "Russia Russia PROPN NNP 7 obj", ". . PUNCT . 7 punct"});
  std::vector<std::string> dyads;
  for (const auto& e : criticised) {
    if (e.cameo.starts_with("11")) dyads.push_back(e.source->code + ">" + e.target->code);
  }
  EXPECT_EQ(dyads, (std::vector<std::string>{"FINGOV>RUS", "SWEGOV>RUS"}));
}

// "Russia, whose troops attacked Ukraine, denied the report.": "whose" is the
// noun its relative clause modifies; "troops" (its own lemma in UD English)
// is the military.
TEST(CoderGeneralRules, WhoseTroopsAreTheAntecedentsMilitary) {
  auto ev = code_parsed({"Russia Russia PROPN NNP 8 nsubj", ", , PUNCT , 5 punct",
                         "whose whose PRON WP$ 4 nmod:poss", "troops troops NOUN NNS 5 nsubj",
                         "attacked attack VERB VBD 1 acl:relcl", "Ukraine Ukraine PROPN NNP 5 obj",
                         ", , PUNCT , 5 punct", "denied deny VERB VBD 0 root", "the the DET DT 10 det",
                         "report report NOUN NN 8 obj", ". . PUNCT . 8 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "RUSMIL>UKR");
  EXPECT_EQ(dyad_of(ev, "01"), "RUS>-");
}

// "Syria offered its troops to Lebanon.": the source's own troops are its
// means, so the target is the next candidate, Lebanon.
TEST(CoderGeneralRules, OwnTroopsOfferedGiveWayToTheRecipient) {
  auto ev = code_parsed({"Syria Syria PROPN NNP 2 nsubj", "offered offer VERB VBD 0 root",
                         "its its PRON PRP$ 4 nmod:poss", "troops troops NOUN NNS 2 obj", "to to ADP IN 6 case",
                         "Lebanon Lebanon PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev.front().source->code, "SYR");
  ASSERT_TRUE(ev.front().target.has_value()) << ev.front().cameo;
  EXPECT_EQ(ev.front().target->code, "LBN");
}

// "Chile paid tribute to the courage of Peruvian soldiers.": a quality's
// "of" phrase is whom the tribute is paid to.
TEST(CoderGeneralRules, TributeToAQualityGoesToItsOwner) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "paid pay VERB VBD 0 root", "tribute tribute NOUN NN 2 obj",
                         "to to ADP IN 6 case", "the the DET DT 6 det", "courage courage NOUN NN 2 obl",
                         "of of ADP IN 9 case", "Peruvian Peruvian ADJ JJ 9 amod", "soldiers soldier NOUN NNS 6 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "017"), "CHL>PERMIL");
}

// "Chile paid tribute to its soldiers.": an addressee owned by the source is
// no means of the act (unlike "strengthened its forces").
TEST(CoderGeneralRules, OwnAddresseeIsNoMeans) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "paid pay VERB VBD 0 root", "tribute tribute NOUN NN 2 obj",
                         "to to ADP IN 6 case", "its its PRON PRP$ 6 nmod:poss", "soldiers soldier NOUN NNS 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "017"), "CHL>CHLMIL");
}

// "Russia's decision to expel two Estonian diplomats": an infinitive on a
// noun takes the noun's possessive owner as its subject.
TEST(CoderGeneralRules, OwnersDecisionToActIsTheOwnersAct) {
  auto ev = code_parsed({"Russia Russia PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case",
                         "decision decision NOUN NN 10 nsubj", "to to PART TO 5 mark", "expel expel VERB VB 3 acl",
                         "two two NUM CD 8 nummod", "Estonian Estonian ADJ JJ 8 amod",
                         "diplomats diplomat NOUN NNS 5 obj", "was be AUX VBD 10 cop", "sudden sudden ADJ JJ 0 root",
                         ". . PUNCT . 10 punct"});
  EXPECT_EQ(dyad_of(ev, "16"), "RUS>ESTGOV");
}

// "The French were powerless, where their efforts to pressure Azerbaijan were
// in vain." (our parser's tree: "efforts" the subject of "pressure"): a deed's
// owner acts, and "their" on the subject is the governing clause's subject,
// not the nearest plural.
TEST(CoderGeneralRules, TheirEffortsAreTheGoverningSubjects) {
  auto ev = code_conllu_text(
      "# text = The French were powerless in the United Nations, where their efforts to pressure Azerbaijan failed.\n"
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tFrench\tFrench\tADJ\tJJ\t_\t4\tnsubj\t_\t_\n"
      "3\twere\tbe\tAUX\tVBD\t_\t4\tcop\t_\t_\n4\tpowerless\tpowerless\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "5\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "7\tUnited\tUnited\tADJ\tNNP\t_\t8\tamod\t_\t_\n"
      "8\tNations\tNation\tPROPN\tNNPS\tNumber=Plur\t4\tobl\t_\tSpaceAfter=No\n"
      "9\t,\t,\tPUNCT\t,\t_\t14\tpunct\t_\t_\n10\twhere\twhere\tADV\tWRB\t_\t14\tadvmod\t_\t_\n"
      "11\ttheir\ttheir\tPRON\tPRP$\tNumber=Plur|Poss=Yes\t12\tnmod:poss\t_\t_\n"
      "12\tefforts\teffort\tNOUN\tNNS\tNumber=Plur\t14\tnsubj\t_\t_\n13\tto\tto\tPART\tTO\t_\t14\tmark\t_\t_\n"
      "14\tpressure\tpressure\tVERB\tVB\t_\t4\tadvcl\t_\t_\n"
      "15\tAzerbaijan\tAzerbaijan\tPROPN\tNNP\tNumber=Sing\t14\tobj\t_\t_\n"
      "16\tfailed\tfail\tVERB\tVBD\t_\t14\tconj\t_\tSpaceAfter=No\n17\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  EXPECT_EQ(dyad_of(ev, "10"), "FRA>AZE");
}

// "Chile praised the work of Chile's Intelligence Service. It arrested two
// Peruvian spies.": the Service (capitalised lemma, inside a quality phrase)
// is what "It" refers to, not the country.
TEST(CoderGeneralRules, ItIsTheInstitutionWhoseWorkWasPraised) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "praised praise VERB VBD 0 root", "the the DET DT 4 det",
                         "work work NOUN NN 2 obj", "of of ADP IN 9 case", "Chile Chile PROPN NNP 9 nmod:poss",
                         "'s 's PART POS 6 case", "Intelligence Intelligence PROPN NNP 9 compound",
                         "Service Service PROPN NNP 4 nmod", ". . PUNCT . 2 punct", "",
                         "It it PRON PRP 2 nsubj", "arrested arrest VERB VBD 0 root", "two two NUM CD 5 nummod",
                         "Peruvian Peruvian ADJ JJ 5 amod", "spies spy NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "CHLSPY>PERSPY");
}

// "Armenian officials met. It is better, as they say, to talk." — "as they
// say" is a figure of speech (no statement event), while "As they said, the
// talks failed." still reports the officials' statement. CoNLL-U
// with features: "they" finds its plural antecedent through Number=Plur; "to
// talk" hung on "say" as its ccomp, as our parser does.
std::vector<dyad::Event> code_conllu(const std::string& second) {
  return code_conllu_text(
      "# text = Armenian officials met.\n"
      "1\tArmenian\tArmenian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
      "2\tofficials\tofficial\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t_\t_\n"
      "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" + second + "\n");
}

TEST(CoderGeneralRules, AsTheySayIsAFigureOfSpeech) {
  auto idiom = code_conllu(
      "# text = It is better, as they say, to talk.\n"
      "1\tIt\tit\tPRON\tPRP\t_\t3\texpl\t_\t_\n2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n"
      "3\tbetter\tgood\tADJ\tJJR\t_\t0\troot\t_\tSpaceAfter=No\n4\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "5\tas\tas\tSCONJ\tIN\t_\t7\tmark\t_\t_\n6\tthey\tthey\tPRON\tPRP\tNumber=Plur\t7\tnsubj\t_\t_\n"
      "7\tsay\tsay\tVERB\tVBP\t_\t3\tadvcl\t_\tSpaceAfter=No\n8\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
      "9\tto\tto\tPART\tTO\t_\t10\tmark\t_\t_\n10\ttalk\ttalk\tVERB\tVB\t_\t7\tccomp\t_\tSpaceAfter=No\n"
      "11\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n");
  ASSERT_FALSE(idiom.empty());  // the meeting
  for (const auto& e : idiom) EXPECT_FALSE(e.cameo.starts_with("01")) << e.cameo << " " << e.trigger_text;
  auto report = code_conllu(
      "# text = As they said, the talks failed.\n"
      "1\tAs\tas\tSCONJ\tIN\t_\t3\tmark\t_\t_\n2\tthey\tthey\tPRON\tPRP\tNumber=Plur\t3\tnsubj\t_\t_\n"
      "3\tsaid\tsay\tVERB\tVBD\t_\t7\tadvcl\t_\tSpaceAfter=No\n4\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n6\ttalks\ttalk\tNOUN\tNNS\tNumber=Plur\t7\tnsubj\t_\t_\n"
      "7\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n");
  EXPECT_EQ(dyad_of(report, "01"), "ARMGOV>-");  // past tense: these people said something
}

}  // namespace
