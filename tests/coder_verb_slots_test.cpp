// Verb-side slot rules of src/coder/match.cpp: whose act a verb or noun codes
// and what it acts on, over hand-built parses of sentences we wrote (so a test
// does not depend on the parser in data/models), coded with the real data/
// dictionaries. Each test fails without its rule.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Chile handed over 900 kg of medicine to Bolivia." The object's head is a
// measure; its "of" phrase says what was handed over.
TEST(CoderVerbSlots, MeasureOfAThingIsTheThing) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "handed hand VERB VBD 0 root", "over over ADP RP 2 compound:prt",
                         "900 900 NUM CD 5 nummod", "kg kg NOUN NN 2 obj", "of of ADP IN 7 case",
                         "medicine medicine NOUN NN 5 nmod", "to to ADP IN 9 case", "Bolivia Bolivia PROPN NNP 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "07"), "CHL>BOL");
}

// "Peruvian rebels detonated a series of bombs in Lima." A series of bombs is bombs.
TEST(CoderVerbSlots, SeriesOfThingsIsTheThings) {
  auto ev = code_parsed({"Peruvian Peruvian ADJ JJ 2 amod", "rebels rebel NOUN NNS 3 nsubj", "detonated detonate VERB VBD 0 root",
                         "a a DET DT 5 det", "series series NOUN NN 3 obj", "of of ADP IN 7 case",
                         "bombs bomb NOUN NNS 5 nmod", "in in ADP IN 9 case", "Lima Lima PROPN NNP 3 obl",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "PERREB>PER");
}

// "Bolivia's foreign minister has been accused by Chile of spying and will resign."
// The active conjunct "will resign" shares the passive's subject, not its by-agent.
TEST(CoderVerbSlots, ActiveConjunctOfAPassiveSharesItsSubject) {
  auto ev = code_parsed({"Bolivia Bolivia PROPN NNP 4 nmod:poss", "'s 's PART POS 1 case", "foreign foreign ADJ JJ 4 amod",
                         "minister minister NOUN NN 7 nsubj:pass", "has have AUX VBZ 7 aux", "been be AUX VBN 7 aux:pass",
                         "accused accuse VERB VBN 0 root", "by by ADP IN 9 case", "Chile Chile PROPN NNP 7 obl:agent",
                         "of of SCONJ IN 11 mark", "spying spy VERB VBG 7 advcl", "and and CCONJ CC 14 cc",
                         "will will AUX MD 14 aux", "resign resign VERB VB 7 conj", ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "CHL>BOLGOV");  // the accusation keeps its by-agent
  std::string resign = dyad_of(ev, "0341");       // "will resign": announced, so an intent
  EXPECT_EQ(resign.substr(0, resign.find('>')), "BOLGOV");
}

// "Chilean ministers were arrested and jailed by Peru." A conjunct that is a bare
// participle stays passive: its agent is still Peru.
TEST(CoderVerbSlots, PassiveConjunctKeepsTheByAgent) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "ministers minister NOUN NNS 4 nsubj:pass", "were be AUX VBD 4 aux:pass",
                         "arrested arrest VERB VBN 0 root", "and and CCONJ CC 6 cc", "jailed jail VERB VBN 4 conj",
                         "by by ADP IN 8 case", "Peru Peru PROPN NNP 4 obl:agent", ". . PUNCT . 4 punct"});
  for (const auto& e : ev) {
    EXPECT_EQ(e.source ? e.source->code : "-", "PER") << e.trigger_text;
    EXPECT_EQ(e.target ? e.target->code : "-", "CHLGOV") << e.trigger_text;
  }
  EXPECT_GE(ev.size(), 2u);
}

// "Chile and Peru are guilty of violating the ceasefire." The gerund hangs on the
// copular predicate as acl; its subject is the predicate's.
TEST(CoderVerbSlots, GerundOfACopularPredicateTakesItsSubject) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 5 nsubj", "and and CCONJ CC 3 cc", "Peru Peru PROPN NNP 1 conj",
                         "are be AUX VBP 5 cop", "guilty guilty ADJ JJ 0 root", "of of SCONJ IN 7 mark",
                         "violating violate VERB VBG 5 acl", "the the DET DT 9 det", "ceasefire ceasefire NOUN NN 7 obj",
                         ". . PUNCT . 5 punct"});
  std::string d = dyad_of(ev, "196");
  EXPECT_EQ(d.substr(0, d.find('>')), "CHL");
}

// "Peru announced that it is prepared to impose a curfew." with "it" labelled expl:
// "prepared" takes a personal subject, so "it" (Peru) imposes, and being prepared
// to is a threat.
TEST(CoderVerbSlots, ItLabelledExplBeforePreparedToIsTheSubject) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "announced announce VERB VBD 0 root", "that that SCONJ IN 6 mark",
                         "it it PRON PRP 6 expl", "is be AUX VBZ 6 cop", "prepared prepared ADJ JJ 2 ccomp",
                         "to to PART TO 8 mark", "impose impose VERB VB 6 xcomp", "a a DET DT 10 det",
                         "curfew curfew NOUN NN 8 obj", ". . PUNCT . 2 punct"});
  std::string d = dyad_of(ev, "13");
  EXPECT_EQ(d.substr(0, d.find('>')), "PER");
}

// "Chilean police prevented the march organised by Bolivian students." The
// object's participle names its author, who is the target.
TEST(CoderVerbSlots, ParticiplesByAgentAuthorsTheObject) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj", "prevented prevent VERB VBD 0 root",
                         "the the DET DT 5 det", "march march NOUN NN 3 obj", "organised organise VERB VBN 5 acl",
                         "by by ADP IN 9 case", "Bolivian Bolivian ADJ JJ 9 amod", "students student NOUN NNS 6 obl:agent",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "CHLCOP>BOLEDU");
}

// "Peru complained to the United Nations over Chilean raids." The complaint is
// about the raids' author, not the body it was lodged with; the raids are
// Chile's, not Peru's (who only complained about them).
TEST(CoderVerbSlots, ComplaintTargetsWhatItIsAboutAndNounsTakeTheirAdjective) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "complained complain VERB VBD 0 root", "to to ADP IN 6 case",
                         "the the DET DT 6 det", "United United PROPN NNP 6 compound", "Nations Nations PROPN NNPS 2 obl",
                         "over over ADP IN 9 case", "Chilean Chilean ADJ JJ 9 amod", "raids raid NOUN NNS 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "114"), "PER>CHL");
  std::string raid = dyad_of(ev, "19");
  EXPECT_EQ(raid.substr(0, raid.find('>')), "CHL");
}

// "Chile is pushing for Peru to sign the treaty." The subject of a for-clause is
// whom the demand is made of.
TEST(CoderVerbSlots, ForClauseSubjectIsTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 nsubj", "is be AUX VBZ 3 aux", "pushing push VERB VBG 0 root",
                         "for for SCONJ IN 7 mark", "Peru Peru PROPN NNP 7 nsubj", "to to PART TO 7 mark",
                         "sign sign VERB VB 3 advcl", "the the DET DT 9 det", "treaty treaty NOUN NN 7 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "10"), "CHL>PER");
}

// "Peru refused to respond to a demand from Chile." The to-phrase names no
// actor; its from-phrase is its author.
TEST(CoderVerbSlots, FromPhraseOfAToPhraseIsItsAuthor) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "refused refuse VERB VBD 0 root", "to to PART TO 4 mark",
                         "respond respond VERB VB 2 xcomp", "to to ADP IN 7 case", "a a DET DT 7 det",
                         "demand demand NOUN NN 4 obl", "from from ADP IN 9 case", "Chile Chile PROPN NNP 7 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "PER>CHL");
}

// "Peru issued a warning to the world that Chile must withdraw its troops." The
// object is a speech act naming no actor; the clause's subject is the target.
TEST(CoderVerbSlots, ClauseSubjectAfterAnObjectNamingNoActor) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "issued issue VERB VBD 0 root", "a a DET DT 4 det",
                         "warning warning NOUN NN 2 obj", "to to ADP IN 7 case", "the the DET DT 7 det",
                         "world world NOUN NN 4 nmod", "that that SCONJ IN 11 mark", "Chile Chile PROPN NNP 11 nsubj",
                         "must must AUX MD 11 aux", "withdraw withdraw VERB VB 2 ccomp", "its its PRON PRP$ 13 nmod:poss",
                         "troops troops NOUN NNS 11 obj", ". . PUNCT . 2 punct"});
  bool found = false;
  for (const auto& e : ev) {
    if (e.trigger_text == "issued") {
      found = true;
      EXPECT_EQ(e.target ? e.target->code : "-", "CHL");
    }
  }
  EXPECT_TRUE(found);
}

// "Hundreds of Chilean students attacked the embassy." The count's "of" phrase
// is the actor.
TEST(CoderVerbSlots, CrowdCountGivesWayToItsOfPhrase) {
  auto ev = code_parsed({"Hundreds hundred NOUN NNS 5 nsubj", "of of ADP IN 4 case", "Chilean Chilean ADJ JJ 4 amod",
                         "students student NOUN NNS 1 nmod", "attacked attack VERB VBD 0 root", "the the DET DT 7 det",
                         "embassy embassy NOUN NN 5 obj", ". . PUNCT . 5 punct"});
  std::string d = dyad_of(ev, "1");
  EXPECT_EQ(d.substr(0, d.find('>')), "CHLEDU");
}

// "Chile agreed to provide 50 million dollars of aid to Peru." with the
// infinitive parsed as advcl: it is the agreement's complement, and the
// recipient hangs on the measure's of-phrase.
TEST(CoderVerbSlots, MeasuresOfPhraseCarriesTheRecipient) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "agreed agree VERB VBD 0 root", "to to PART TO 4 mark",
                         "provide provide VERB VB 2 advcl", "50 50 NUM CD 6 compound", "million million NUM CD 7 nummod",
                         "dollars dollar NOUN NNS 4 obj", "of of ADP IN 9 case", "aid aid NOUN NN 7 nmod",
                         "to to ADP IN 11 case", "Peru Peru PROPN NNP 9 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "07"), "CHL>PER");
  EXPECT_EQ(dyad_of(ev, "03"), "CHL>PER");
}

// "Chile halted mediation efforts among Peru's factions." The among-phrase names
// no actor; its owner does.
TEST(CoderVerbSlots, AmongPhrasesOwnerIsTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "halted halt VERB VBD 0 root", "mediation mediation NOUN NN 4 compound",
                         "efforts effort NOUN NNS 2 obj", "among among ADP IN 8 case", "Peru Peru PROPN NNP 8 nmod:poss",
                         "'s 's PART POS 6 case", "factions faction NOUN NNS 4 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "16"), "CHL>PER");
}

// "Chile agreed on Friday to provide aid to Peru." A wildcard preposition
// constraint (`agree on=* target=on`) does not take a time: the agreement's
// target comes from its complement.
TEST(CoderVerbSlots, WildcardPhraseIsNoTime) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "agreed agree VERB VBD 0 root", "on on ADP IN 4 case",
                         "Friday Friday PROPN NNP 2 obl", "to to PART TO 6 mark", "provide provide VERB VB 2 xcomp",
                         "aid aid NOUN NN 6 obj", "to to ADP IN 9 case", "Peru Peru PROPN NNP 6 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "03"), "CHL>PER");
}

// "Chilean police dispersed students protesting the election results." The
// present participle on "students" is a reduced relative: the students protest.
TEST(CoderVerbSlots, PresentParticipleOnANounHasItAsSubject) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "police police NOUN NNS 3 nsubj", "dispersed disperse VERB VBD 0 root",
                         "students student NOUN NNS 3 obj", "protesting protest VERB VBG 4 acl", "the the DET DT 8 det",
                         "election election NOUN NN 8 compound", "results result NOUN NNS 5 obj", ". . PUNCT . 3 punct"});
  std::string d = dyad_of(ev, "14");  // the students (EDU; a country only from a place, none here)
  EXPECT_NE(d.substr(0, d.find('>')).find("EDU"), std::string::npos) << d;
}

}  // namespace

// "The EU pressed Iran to release the prisoners.": every object-control verb
// (src/coder/verb_classes.cpp) makes its object the infinitive's subject,
// "press" as much as "urge"; the release is Iran's, asked for, not done.
TEST(CoderVerbSlots, ObjectControlVerbGivesTheInfinitiveItsObject) {
  auto ev = code_parsed({"The the DET DT 2 det", "EU EU PROPN NNP 3 nsubj", "pressed press VERB VBD 0 root",
                         "Iran Iran PROPN NNP 3 obj", "to to PART TO 6 mark", "release release VERB VB 3 xcomp",
                         "the the DET DT 8 det", "prisoners prisoner NOUN NNS 6 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "10"), "IGOEUREEC>IRN");
  ASSERT_EQ(dyad_of(ev, "084"), "IRN>IRNCVL");
  for (const auto& e : ev) {
    if (e.cameo.starts_with("084")) {
      EXPECT_EQ(e.modality, dyad::Modality::kHypothetical);
    }
  }
}
