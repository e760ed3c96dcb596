// Targets the pattern slots do not reach (src/coder/target_means.cpp) and an
// indirect object standing alone (argument_repair.cpp, rule h). Sentences we
// wrote, hand-built parses, the real data/ dictionaries.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Chile threatened to strike unless Peru withdraws.": a threat is aimed at
// whoever must meet its condition.
TEST(CoderTargetRescue, ThreatTargetsTheSubjectOfItsCondition) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "threatened threaten VERB VBD 0 root", "to to PART TO 4 mark",
                         "strike strike VERB VB 2 xcomp", "unless unless SCONJ IN 7 mark", "Peru Peru PROPN NNP 7 nsubj",
                         "withdraws withdraw VERB VBZ 4 advcl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "CHL>PER");
}

// "Chile criticized the talks among Peru's provinces.": the among-phrase's owner.
TEST(CoderTargetRescue, AmongPhraseOfTheObjectOrItsOwner) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root", "the the DET DT 4 det",
                         "talks talk NOUN NNS 2 obj", "among among ADP IN 8 case", "Peru Peru PROPN NNP 8 nmod:poss",
                         "'s 's PART POS 6 case", "provinces province NOUN NNS 4 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "CHL>PER");
}

// Without a condition or an among-phrase there is nothing to rescue.
TEST(CoderTargetRescue, NothingToRescue) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "threatened threaten VERB VBD 0 root", "to to PART TO 4 mark",
                         "strike strike VERB VB 2 xcomp", "soon soon ADV RB 4 advmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "13"), "CHL>-");
}

// "Chile refused to allow Peruvian planes to land." with "planes" an iobj.
TEST(CoderTargetRescue, LoneIndirectObjectIsTheObject) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "refused refuse VERB VBD 0 root", "to to PART TO 4 mark",
                         "allow allow VERB VB 2 xcomp", "Peruvian Peruvian ADJ JJ 6 amod", "planes plane NOUN NNS 4 iobj",
                         "to to PART TO 8 mark", "land land VERB VB 2 ccomp", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "CHL>PER");
}

// "A judge indicted three Peruvian officials.": a court acting on a
// country's officials is that country's.
TEST(CoderTargetRescue, JudgeProsecutingOfficialsIsTheirCountrys) {
  auto ev = code_parsed({"A a DET DT 2 det", "judge judge NOUN NN 3 nsubj", "indicted indict VERB VBD 0 root",
                         "three three NUM CD 6 nummod", "Peruvian Peruvian ADJ JJ 6 amod", "officials official NOUN NNS 3 obj",
                         ". . PUNCT . 3 punct"});
  std::string d = dyad_of(ev, "1");
  EXPECT_EQ(d, "PERJUD>PERGOV");
}

// "Police arrested three Peruvian tourists.": civilians say nothing of the police's country.
TEST(CoderTargetRescue, PoliceArrestingCiviliansStaySectorOnly) {
  auto ev = code_parsed({"Police police NOUN NNS 2 nsubj", "arrested arrest VERB VBD 0 root", "three three NUM CD 5 nummod",
                         "Peruvian Peruvian ADJ JJ 5 amod", "tourists tourist NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "COP>PERCVL");
}

}  // namespace
