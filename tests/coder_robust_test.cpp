// Robustness of the coder to parser errors (src/coder/argument_repair.cpp and
// the object-adjacent from-phrase in match.cpp): sentences we wrote, with the
// wrong trees a parser really produces for such sentences built by hand, coded
// with the real data/ dictionaries. Each test fails without its rule.
#include <gtest/gtest.h>

#include "coder/parse_repair.h"
#include "coder_parsed.h"

namespace {

using dyad::testing::dyad_of;
using dyad::testing::parsed_document;

using dyad::testing::code_parsed;

// "Yesterday the Peruvian ambassador to Lima was summoned by Chile." with the temporal
// noun as the passive subject and the ambassador its object.
TEST(CoderRobust, TemporalSubjectHandsItsSlotToTheNounItGoverns) {
  auto ev = code_parsed({"Yesterday yesterday NOUN NN 8 nsubj:pass", "the the DET DT 4 det",
                  "Peruvian Peruvian ADJ JJ 4 amod", "ambassador ambassador NOUN NN 1 obj",
                  "to to ADP IN 6 case", "Lima Lima PROPN NNP 1 obl", "was be AUX VBD 8 aux:pass",
                  "summoned summon VERB VBN 0 root", "by by ADP IN 10 case", "Chile Chile PROPN NNP 8 obl:agent",
                  ". . PUNCT . 8 punct"});
  EXPECT_EQ(dyad_of(ev, "1"), "CHL>PERGOV");
}

// "Last week the Chilean envoy was expelled by Peru." with "week" as the
// passive subject and the envoy as the verb's object.
TEST(CoderRobust, PassiveWithATemporalSubjectTakesItsObjectAsPatient) {
  auto ev = code_parsed({"Last last ADJ JJ 2 amod", "week week NOUN NN 7 nsubj:pass", "the the DET DT 5 det",
                  "Chilean Chilean ADJ JJ 5 amod", "envoy envoy NOUN NN 7 obj", "was be AUX VBD 7 aux:pass",
                  "expelled expel VERB VBN 0 root", "by by ADP IN 9 case", "Peru Peru PROPN NNP 7 obl:agent",
                  ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "1"), "PER>CHLGOV");
}

// "Peru granted asylum to four Bolivian army officers." as two objects with
// "to" hung on the numeral.
TEST(CoderRobust, ObjectOpeningWithAPrepositionIsAnOblique) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "granted grant VERB VBD 0 root", "asylum asylum NOUN NN 2 obj",
                  "to to ADP IN 5 case", "four four NUM CD 8 nummod", "Bolivian Bolivian ADJ JJ 8 amod",
                  "army army NOUN NN 8 compound", "officers officer NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "07"), "PER>BOLMIL");
}

// "Chile rejected a proposal from Bolivia." with "from Bolivia" on the verb.
TEST(CoderRobust, FromPhraseRightAfterTheObjectIsItsAuthor) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "rejected reject VERB VBD 0 root", "a a DET DT 4 det",
                  "proposal proposal NOUN NN 2 obj", "from from ADP IN 6 case", "Bolivia Bolivia PROPN NNP 2 obl",
                  ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "CHL>BOL");
}

// "Let us not forget, two Chilean journalists have been arrested in Bolivia."
// with the journalists as the object of "forget" and the arrest without subject.
TEST(CoderRobust, NounPhraseRightBeforeAPassiveVerbGroupIsItsPatient) {
  auto ev = code_parsed({"Let let VERB VB 0 root", "us we PRON PRP 1 obj", "not not PART RB 4 advmod",
                  "forget forget VERB VB 1 xcomp", ", , PUNCT , 8 punct", "two two NUM CD 8 nummod",
                  "Chilean Chilean ADJ JJ 8 amod", "journalists journalist NOUN NNS 4 obj",
                  "have have AUX VBP 11 aux", "been be AUX VBN 11 aux:pass", "arrested arrest VERB VBN 1 parataxis",
                  "in in ADP IN 13 case", "Bolivia Bolivia PROPN NNP 11 obl", ". . PUNCT . 1 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "BOL>CHLMED");  // the arrest is Bolivia's: a state act located there
}

// "Officials said rebels shelled the capital Juba." with the tagger's lemma
// "shel", and the reported clause read as a noun phrase (rebels <-acl- shelled).
TEST(CoderRobust, MisreadReportedClauseAndWrongLemma) {
  auto ev = code_parsed({"Officials official NOUN NNS 2 nsubj", "said say VERB VBD 0 root", "rebels rebel NOUN NNS 2 ccomp",
                  "shelled shel VERB VBD 3 acl", "the the DET DT 6 det", "capital capital NOUN NN 4 obj",
                  "Juba Juba PROPN NNP 6 appos", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "REB>SSD");  // the shelled capital's country stands for the target
}

// "Bulgarian President Todor Zhivkov today signed a treaty." with the name as
// compounds of "today", the subject; the KB does not know Zhivkov.
TEST(CoderRobust, NameUnderATemporalSubjectKeepsItsTitleAndCountry) {
  auto ev = code_parsed({"Bulgarian Bulgarian ADJ JJ 2 amod", "President President PROPN NNP 3 nmod:desc",
                  "Todor Todor PROPN NNP 4 compound", "Zhivkov Zhivkov PROPN NNP 5 compound",
                  "today today NOUN NN 6 nsubj", "signed sign VERB VBD 0 root", "a a DET DT 8 det",
                  "treaty treaty NOUN NN 6 obj", ". . PUNCT . 6 punct"});
  std::string d = dyad_of(ev, "05");
  EXPECT_EQ(d.substr(0, d.find('>')), "BGRGOV") << d;
}

// "Peru extradited the suspect to Chile, officials said." read as Peru (nsubj
// of said) + suspect (ccomp of said) with "extradited" the suspect's adjective.
TEST(CoderRobust, SubjectVerbObjectReadAsTwoPhrasesIsAClause) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 9 nsubj", "extradited extradite VERB VBN 4 amod", "the the DET DT 4 det",
                  "suspect suspect NOUN NN 9 ccomp", "to to ADP IN 6 case", "Chile Chile PROPN NNP 4 nmod",
                  ", , PUNCT , 9 punct", "officials official NOUN NNS 9 nsubj", "said say VERB VBD 0 root",
                  ". . PUNCT . 9 punct"});
  std::string d = dyad_of(ev, "06");  // without the repair: no 06 event at all
  EXPECT_EQ(d.substr(0, d.find('>')), "PER") << d;
}

// "Chile on Monday reduced food supplies to Bolivian refugees, officials
// said." with "Chile on Monday" as the subject of the noun "supplies" and
// "reduced" its adjective: the subject's phrase ends right before the verb.
TEST(CoderRobust, SubjectWithAModifierBeforeAVerbReadAsAnAdjective) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 6 nsubj", "on on ADP IN 3 case", "Monday Monday PROPN NNP 1 nmod",
                  "reduced reduce VERB VBN 6 amod", "food food NOUN NN 6 compound",
                  "supplies supplies NOUN NNS 13 ccomp", "to to ADP IN 9 case", "Bolivian Bolivian ADJ JJ 9 amod",
                  "refugees refugee NOUN NNS 6 nmod", ", , PUNCT , 12 punct", "officials official NOUN NNS 13 nsubj",
                  "said say VERB VBD 0 root", ". . PUNCT . 13 punct"});
  std::string d = dyad_of(ev, "16");  // without the repair: only the statement
  EXPECT_EQ(d.substr(0, d.find('>')), "CHL") << d;
}

// "Peru said Monday that Chile must release the prisoners." with "Monday"
// as a second subject of "said" and the that-clause hung on it.
TEST(CoderRobust, ClauseUnderATemporalSubjectBelongsToTheVerb) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "said say VERB VBD 0 root", "Monday Monday PROPN NNP 2 nsubj",
                  "that that SCONJ IN 7 mark", "Chile Chile PROPN NNP 7 nsubj", "must must AUX MD 7 aux",
                  "release release VERB VB 3 ccomp", "the the DET DT 9 det", "prisoners prisoner NOUN NNS 7 obj",
                  ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "10"), "PER>CHL");  // the "must" demand needs the clause on "said"
}

// "Peru demanded Monday that Chile release the prisoners." with "Monday" as
// the object and the that-clause as its acl.
TEST(CoderRobust, ThatClauseUnderATemporalObjectIsTheVerbsClause) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "demanded demand VERB VBD 0 root", "Monday Monday PROPN NNP 2 obj",
                  "that that SCONJ IN 6 mark", "Chile Chile PROPN NNP 6 nsubj", "release release VERB VB 3 acl",
                  "the the DET DT 8 det", "prisoners prisoner NOUN NNS 6 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "10"), "PER>CHL");  // the demanded clause's subject is the target
}

// "As we reported, yesterday the Peruvian ambassador to Lima was summoned by
// Chile." with "yesterday" hung on the comma (acl), governing the ambassador
// and "to Lima", and the passive without subject.
TEST(CoderRobust, PatientUnderATemporalWordBeforeAPassive) {
  auto ev = code_parsed({"As as SCONJ IN 3 mark", "we we PRON PRP 3 nsubj", "reported report VERB VBD 12 advcl",
                  ", , PUNCT , 3 punct", "yesterday yesterday NOUN NN 4 acl", "the the DET DT 8 det",
                  "Peruvian Peruvian ADJ JJ 8 amod", "ambassador ambassador NOUN NN 5 obj", "to to ADP IN 10 case",
                  "Lima Lima PROPN NNP 5 obl", "was be AUX VBD 12 aux:pass", "summoned summon VERB VBN 0 root",
                  "by by ADP IN 14 case", "Chile Chile PROPN NNP 12 obl:agent", ". . PUNCT . 12 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "CHL>PERGOV");
}

// "Chile police arrested two Peruvian journalists." with "police" tagged
// PROPN as the end of the name "Chile police".
TEST(CoderRobust, LowerCaseNounAtTheEndOfANameHeadsThePhrase) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 nsubj", "police police PROPN NNP 1 flat", "arrested arrest VERB VBD 0 root",
                  "two two NUM CD 6 nummod", "Peruvian Peruvian ADJ JJ 6 amod",
                  "journalists journalist NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "CHLCOP>PERMED");
  // a name with a lower-case particle ends capitalised: left alone
  dyad::Document d = parsed_document({"Osama Osama PROPN NNP 0 root", "bin bin PROPN NNP 1 flat",
                                      "Laden Laden PROPN NNP 1 flat"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

// "European Union foreign ministers demanded the release of two Chilean
// journalists." parsed as the root "Union" with "ministers demanded ..." hung
// on it as a parataxis.
TEST(CoderRobust, RootNameRightBeforeABareSubjectBelongsToIt) {
  auto ev = code_parsed({"European European ADJ JJ 2 amod", "Union Union PROPN NNP 0 root", "foreign foreign ADJ JJ 4 amod",
                  "ministers minister NOUN NNS 5 nsubj", "demanded demand VERB VBD 2 parataxis",
                  "the the DET DT 7 det", "release release NOUN NN 5 obj", "of of ADP IN 11 case",
                  "two two NUM CD 11 nummod", "Chilean Chilean ADJ JJ 11 amod",
                  "journalists journalist NOUN NNS 7 nmod", ". . PUNCT . 2 punct"});
  std::string d = dyad_of(ev, "10");
  EXPECT_EQ(d.substr(0, 6), "IGOEUR") << d;  // without the repair: a country-less GOV
}

TEST(CoderRobust, TemporalNounsNeedADeicticModifierOrAreBare) {
  dyad::Document d = parsed_document({"The the DET DT 2 det", "week week NOUN NN 3 nsubj", "tested test VERB VBD 0 root",
                             "Monday Monday PROPN NNP 5 compound", "night night NOUN NN 3 obj"});
  const dyad::Sentence& s = d.sentences[0];
  EXPECT_FALSE(dyad::detail::temporal_noun(s, 1));  // "the week" may be a participant
  EXPECT_TRUE(dyad::detail::temporal_noun(s, 3));
  EXPECT_TRUE(dyad::detail::temporal_noun(s, 4));  // "Monday night"
}

// "Chile has expelled two Peruvian diplomats." with "Chile" read as a passive
// subject (no be/get auxiliary): under perfect "have" the verb is active.
TEST(CoderRobust, PerfectWithoutPassiveAuxiliaryHasAnActiveSubject) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 nsubj:pass", "has have AUX VBZ 3 aux",
                         "expelled expel VERB VBN 0 root", "two two NUM CD 6 nummod",
                         "Peruvian Peruvian ADJ JJ 6 amod", "diplomats diplomat NOUN NNS 3 obj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "16"), "CHL>PERGOV");
  // A real passive keeps its patient: "Chile has been expelled by Peru" is not touched.
  dyad::Document d = parsed_document({"Chile Chile PROPN NNP 4 nsubj:pass", "has have AUX VBZ 4 aux",
                                      "been be AUX VBN 4 aux:pass", "expelled expel VERB VBN 0 root",
                                      "by by ADP IN 6 case", "Peru Peru PROPN NNP 4 obl:agent", ". . PUNCT . 4 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

// "Israel attacked Rafah yesterday." as our parser reads it: the town is a
// compound of "yesterday" (obl:unmarked), so the verb has no object.
TEST(CoderRobust, NameReadAsACompoundOfATemporalObliqueIsTheObject) {
  auto ev = code_parsed({"Israel Israel PROPN NNP 2 nsubj", "attacked attack VERB VBD 0 root",
                         "Rafah Rafah PROPN NNP 4 compound", "yesterday yesterday NOUN NN 2 obl:unmarked",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "ISR>PSE");
  // Before the verb the name is the missing subject: "Syria today attacked Kharkiv".
  ev = code_parsed({"Syria Syria PROPN NNP 2 compound", "today today NOUN NN 3 obl:unmarked",
                    "attacked attack VERB VBD 0 root", "Kharkiv Kharkiv PROPN NNP 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "SYR>UKR");
  // "Monday night" is one temporal phrase, and a verb with an object keeps it.
  dyad::Document d = parsed_document({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root",
                                      "diplomats diplomat NOUN NNS 2 obj", "Monday Monday PROPN NNP 5 compound",
                                      "night night NOUN NN 2 obl:unmarked", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
  d = parsed_document({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root",
                       "diplomats diplomat NOUN NNS 2 obj", "Peru Peru PROPN NNP 5 compound",
                       "yesterday yesterday NOUN NN 2 obl:unmarked", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

// "Israeli troops killed three Palestinians in Jenin." with the numeral as the
// object and the people hung under it.
TEST(CoderRobust, NumeralObjectHeadingItsNounCountsIt) {
  auto ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj",
                         "killed kill VERB VBD 0 root", "three three NUM CD 3 obj",
                         "Palestinians Palestinian PROPN NNPS 4 obj", "in in ADP IN 7 case",
                         "Jenin Jenin PROPN NNP 5 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "ISRMIL>PSE");
  // "three of the soldiers" is a numeral with its partitive: left alone.
  dyad::Document d = parsed_document({"Troops troops NOUN NNS 2 nsubj", "killed kill VERB VBD 0 root",
                                      "three three NUM CD 2 obj", "of of ADP IN 6 case", "the the DET DT 6 det",
                                      "soldiers soldier NOUN NNS 3 nmod", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

// "Syrian troops killed five Turkish soldiers, Ankara said." with "soldiers" a
// second ccomp of "said", and the same with a bare numeral object left behind
// ("killed three | Palestinians, the ministry said").
TEST(CoderRobust, ObjectHungBesideItsVerbIsTheObject) {
  auto ev = code_parsed({"Syrian Syrian ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj",
                         "killed kill VERB VBD 9 ccomp", "five five NUM CD 6 nummod",
                         "Turkish Turkish PROPN NNP 6 compound", "soldiers soldier NOUN NNS 9 ccomp",
                         ", , PUNCT , 6 punct", "Ankara Ankara PROPN NNP 9 nsubj", "said say VERB VBD 0 root",
                         ". . PUNCT . 9 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "SYRMIL>TURMIL");
  ev = code_parsed({"Israeli Israeli ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj", "killed kill VERB VBD 9 ccomp",
                    "three three NUM CD 3 obj", "Palestinians Palestinian PROPN NNPS 9 ccomp", ", , PUNCT , 5 punct",
                    "the the DET DT 8 det", "ministry ministry NOUN NN 9 nsubj", "said say VERB VBD 0 root",
                    ". . PUNCT . 9 punct"});
  EXPECT_EQ(dyad_of(ev, "18"), "ISRMIL>PSE");
  // A verb that has its object keeps it: "troops killed a commander | rebels said" is not touched.
  dyad::Document d = parsed_document({"Troops troops NOUN NNS 2 nsubj", "killed kill VERB VBD 6 ccomp",
                                      "a a DET DT 4 det", "commander commander NOUN NN 2 obj",
                                      "rebels rebel NOUN NNS 6 nsubj", "said say VERB VBD 0 root", ". . PUNCT . 6 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

// "The Pentagon said US forces struck Houthi targets." as our parser reads it:
// "forces" the object of "said", holding "targets" as its own object, and
// "struck" an adjective of "targets".
TEST(CoderRobust, NounHoldingAnObjectIsTheSubjectOfAClause) {
  auto ev = code_parsed({"The the DET DT 2 det", "Pentagon Pentagon PROPN NNP 3 nsubj", "said say VERB VBD 0 root",
                         "US US PROPN NNP 5 compound", "forces force NOUN NNS 3 obj", "struck strike VERB VBN 8 amod",
                         "Houthi Houthi PROPN NNP 8 compound", "targets target NOUN NNS 5 obj",
                         "in in ADP IN 10 case", "Yemen Yemen PROPN NNP 8 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "USAMIL>YEMREBHTH");
  // A participle that really is an adjective ("said US forces [seized] weapons"
  // where "weapons" is the verb's object, not the noun's) is not touched.
  dyad::Document d = parsed_document({"Officials officials NOUN NNS 2 nsubj", "said say VERB VBD 0 root",
                                      "forces force NOUN NNS 2 obj", "seized seize VERB VBN 5 amod",
                                      "weapons weapon NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
}

TEST(CoderRobust, CorrectParsesAreLeftAlone) {
  dyad::Document d = parsed_document({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root",
                             "two two NUM CD 4 nummod", "diplomats diplomat NOUN NNS 2 obj",
                             "yesterday yesterday NOUN NN 2 obl:tmod", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
  dyad::Sentence s = d.sentences[0];
  EXPECT_FALSE(dyad::detail::repair_arguments(s, nullptr));
}

// Malformed parser output the fuzzed server found: the first word is the root
// yet labelled obj (repair p once read the word before it, index -1).
TEST(CoderRobust, FirstWordRootLabelledObjectIsNoStackedObject) {
  dyad::Document d = parsed_document({"Sanctions sanction NOUN NNS 0 obj", "demands demand NOUN NNS 1 obj",
                                      ". . PUNCT . 1 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
  EXPECT_NO_FATAL_FAILURE(code_parsed({"Sanctions sanction NOUN NNS 0 obj", "demands demand NOUN NNS 1 obj",
                                       ". . PUNCT . 1 punct"}));
}

}  // namespace
