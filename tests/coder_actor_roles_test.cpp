// Who acts, when the parse or the pronoun points elsewhere: stative passives
// (src/coder/argument_repair.cpp, rule f) and subject pronouns under another
// clause (src/coder/actor_pronouns.cpp). Sentences we wrote, hand-built parses.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Chile is opposed to Bolivian mediation.": the subject holds the stance.
TEST(CoderActorRoles, StativePassiveSubjectIsTheActor) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 nsubj:pass", "is be AUX VBZ 3 aux:pass",
                         "opposed oppose VERB VBN 0 root", "to to ADP IN 6 case", "Bolivian Bolivian ADJ JJ 6 amod",
                         "mediation mediation NOUN NN 3 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "CHL>BOL");
}

// "Chile was opposed by Bolivia.": a real passive keeps its by-agent.
TEST(CoderActorRoles, PassiveWithAgentStaysPassive) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 nsubj:pass", "was be AUX VBD 3 aux:pass",
                         "opposed oppose VERB VBN 0 root", "by by ADP IN 5 case", "Bolivia Bolivia PROPN NNP 3 obl:agent",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "BOL>CHL");
}

// "Chileans killed ten Bolivians when they attacked Peru.": the
// subject pronoun of the when-clause is the main clause's subject, not the
// nearer victims.
TEST(CoderActorRoles, SubjectPronounUnderAClauseTakesItsSubject) {
  auto ev = code_parsed({"Chileans Chilean PROPN NNPS 2 nsubj", "killed kill VERB VBD 0 root",
                         "ten ten NUM CD 4 nummod", "Bolivians Bolivian PROPN NNPS 2 obj", "when when ADV WRB 7 advmod",
                         "they they PRON PRP 7 nsubj", "attacked attack VERB VBD 2 advcl", "Peru Peru PROPN NNP 7 obj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "CHL>PER");
}

// "Chile expelled ten Bolivians. They attacked Peru.": across sentences
// recency still decides.
TEST(CoderActorRoles, PronounInANewSentenceKeepsRecency) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root", "ten ten NUM CD 4 nummod",
                         "Bolivians Bolivian PROPN NNPS 2 obj", ". . PUNCT . 2 punct", "",
                         "They they PRON PRP 2 nsubj", "attacked attack VERB VBD 0 root", "Peru Peru PROPN NNP 2 obj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "BOL>PER");
}

// "Bolivia is mistreating refugees, a rights group protested.": a trailing
// accusing verb accuses the clause's subject; a rights group is an NGO.
TEST(CoderActorRoles, TrailingProtestAccusesTheClauseSubject) {
  auto ev = code_parsed({"Bolivia Bolivia PROPN NNP 3 nsubj", "is be AUX VBZ 3 aux", "mistreating mistreat VERB VBG 0 root",
                         "refugees refugee NOUN NNS 3 obj", ", , PUNCT , 9 punct", "a a DET DT 8 det",
                         "rights right NOUN NNS 8 compound", "group group NOUN NN 9 nsubj", "protested protest VERB VBD 3 conj",
                         ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "NGOHRI>BOL");
}

// "..., a rights group protested to Chile against Peru.": aimed at someone of its own.
TEST(CoderActorRoles, TrailingProtestWithItsOwnTargetKeepsIt) {
  auto ev = code_parsed({"Bolivia Bolivia PROPN NNP 3 nsubj", "is be AUX VBZ 3 aux", "mistreating mistreat VERB VBG 0 root",
                         "refugees refugee NOUN NNS 3 obj", ", , PUNCT , 9 punct", "a a DET DT 8 det",
                         "rights right NOUN NNS 8 compound", "group group NOUN NN 9 nsubj", "protested protest VERB VBD 3 conj",
                         "against against ADP IN 11 case", "Peru Peru PROPN NNP 9 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "14"), "NGOHRI>PER");  // "protest against" is a demonstration
}

// "Chilean forces shelled Bolivian villages, officials said." parsed with
// "shelled" as a reduced relative of "forces", the subject of "said": the
// verb with its object is the reported clause, and the forces act.
TEST(CoderActorRoles, ReportedClauseReadAsReducedRelative) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "forces force NOUN NNS 9 nsubj", "shelled shell VERB VBD 2 acl",
                         "Bolivian Bolivian ADJ JJ 5 amod", "villages village NOUN NNS 3 obj", ", , PUNCT , 7 punct",
                         "officials official NOUN NNS 5 conj", "had have AUX VBD 9 aux", "said say VERB VBN 0 root",
                         ". . PUNCT . 9 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "CHLMIL>BOL");
}

// "Bolivians protested. Chileans will attack them.": an object pronoun never
// means its own clause's subject (that would be "themselves"), so recency
// passes over the Chileans to the Bolivians.
TEST(CoderActorRoles, ObjectPronounIsNotItsClausesSubject) {
  auto ev = code_parsed({"Bolivians Bolivian PROPN NNPS 2 nsubj", "protested protest VERB VBD 0 root",
                         ". . PUNCT . 2 punct", "", "Chileans Chilean PROPN NNPS 3 nsubj", "will will AUX MD 3 aux",
                         "attack attack VERB VB 0 root", "them they PRON PRP 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "CHL>BOL");
  // The same through an infinitive: "refused to attack them" is the Chileans' attack.
  ev = code_parsed({"Bolivians Bolivian PROPN NNPS 2 nsubj", "protested protest VERB VBD 0 root", ". . PUNCT . 2 punct",
                    "", "Chileans Chilean PROPN NNPS 2 nsubj", "threatened threaten VERB VBD 0 root",
                    "to to PART TO 4 mark", "attack attack VERB VB 2 xcomp", "them they PRON PRP 4 obj",
                    ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "CHL>BOL");
}

// "Chile expelled ten Bolivians. Peru called them spies and attacked their
// camps.": "spies" says what "them" are; "their" means the Bolivians "them"
// stands for, not a new group of spies.
TEST(CoderActorRoles, SecondaryPredicateIsNoNewReferent) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root", "ten ten NUM CD 4 nummod",
                         "Bolivians Bolivian PROPN NNPS 2 obj Number=Plur", ". . PUNCT . 2 punct", "",
                         "Peru Peru PROPN NNP 2 nsubj", "called call VERB VBD 0 root",
                         "them they PRON PRP 2 obj Number=Plur", "spies spy NOUN NNS 2 xcomp Number=Plur", "and and CCONJ CC 6 cc", "attacked attack VERB VBD 2 conj",
                         "their their PRON PRP$ 8 nmod:poss", "camps camp NOUN NNS 6 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "PER>BOL");
}

}  // namespace
