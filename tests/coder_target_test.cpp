// Target choice rules in src/coder/coder.cpp: sentences we wrote with
// hand-built parses, coded with the real data/ dictionaries.
#include <gtest/gtest.h>

#include "coder/dictionary.h"
#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Chile strengthened its forces in Bolivia.": the source's own forces are
// the means; the place acted upon is the target.
TEST(CoderTarget, OwnForcesAreNotTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "strengthened strengthen VERB VBD 0 root",
                         "its its PRON PRP$ 4 nmod:poss", "forces force NOUN NNS 2 obj", "in in ADP IN 6 case",
                         "Bolivia Bolivia PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "15"), "CHL>BOL");
}

// "Chile arrested Bolivian soldiers and their commander.": another country's
// forces owned by a pronoun stay the target.
TEST(CoderTarget, ForcesOfAnotherCountryStayTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "arrested arrest VERB VBD 0 root",
                         "Bolivian Bolivian ADJ JJ 4 amod", "soldiers soldier NOUN NNS 2 obj", "and and CCONJ CC 7 cc",
                         "their their PRON PRP$ 7 nmod:poss", "commander commander NOUN NN 4 conj",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "17"), "CHL>BOLMIL");
}

// "Guinea-Bissau expelled two Senegalese diplomats." as the tokenizer splits
// it: Guinea, -, Bissau. The KB writes the name with its hyphen.
TEST(CoderTarget, HyphenatedNamesMatchTheTokenizersSplit) {
  auto ev = code_parsed({"Guinea Guinea PROPN NNP 4 nsubj", "- - PUNCT HYPH 3 punct", "Bissau Bissau PROPN NNP 1 flat",
                         "expelled expel VERB VBD 0 root", "two two NUM CD 7 nummod",
                         "Senegalese Senegalese ADJ JJ 7 amod", "diplomats diplomat NOUN NNS 4 obj",
                         ". . PUNCT . 4 punct"});
  EXPECT_EQ(dyad_of(ev, "16"), "GNB>SENGOV");
  EXPECT_EQ(dyad::detail::split_hyphens({"al-qaeda", "x--y", "-"}),
            (std::vector<std::string>{"al", "-", "qaeda", "x--y", "-"}));
}

// "Tomas Varga, Chile's foreign minister, condemned Bolivia.": a name the KB
// lacks takes the actor of its apposition.
TEST(CoderTarget, UnknownNameIsWhatItsAppositionSays) {
  auto ev = code_parsed({"Tomas Tomas PROPN NNP 9 nsubj", "Varga Varga PROPN NNP 1 flat", ", , PUNCT , 7 punct",
                         "Chile Chile PROPN NNP 7 nmod:poss", "'s 's PART POS 4 case", "foreign foreign ADJ JJ 7 amod",
                         "minister minister NOUN NN 1 appos", ", , PUNCT , 7 punct", "condemned condemn VERB VBD 0 root",
                         "Bolivia Bolivia PROPN NNP 9 obj", ". . PUNCT . 9 punct"});
  EXPECT_EQ(dyad_of(ev, "1"), "CHLGOV>BOL");
}

// "The UNITA armed wing rejected the ceasefire.": a part-of noun with a
// name before it is that name's actor.
TEST(CoderTarget, PartOfNounTakesTheNameBeforeIt) {
  auto ev = code_parsed({"The the DET DT 4 det", "UNITA UNITA PROPN NNP 4 compound", "armed armed ADJ JJ 4 amod",
                         "wing wing NOUN NN 5 nsubj", "rejected reject VERB VBD 0 root", "the the DET DT 7 det",
                         "ceasefire ceasefire NOUN NN 5 obj", ". . PUNCT . 5 punct"});
  std::string d = dyad_of(ev, "12");
  EXPECT_EQ(d.substr(0, 3), "AGO") << d;  // without the rule: no source, no event
}

// "Chilean students held demonstrations against abuses by the Bolivian
// police.": the against-phrase names no actor; its author is the target.
TEST(CoderTarget, NounTargetPhraseGivesWayToItsAuthor) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "students student NOUN NNS 3 nsubj",
                         "held hold VERB VBD 0 root", "demonstrations demonstration NOUN NNS 3 obj",
                         "against against ADP IN 6 case", "abuses abuse NOUN NNS 4 nmod", "by by ADP IN 10 case",
                         "the the DET DT 10 det", "Bolivian Bolivian ADJ JJ 10 amod", "police police NOUN NN 6 nmod",
                         ". . PUNCT . 3 punct"});
  bool found = false;
  for (const auto& e : ev) {
    found = found || (e.trigger_text == "demonstrations" && e.target && e.target->code == "BOLCOP");
  }
  EXPECT_TRUE(found);
}

// "U.N. helicopters evacuated wounded Bolivian soldiers.": an organization's
// equipment acts for it.
TEST(CoderTarget, OrganizationCompoundOnACommonNounActsForIt) {
  auto ev = code_parsed({"U.N. U.N. PROPN NNP 2 compound", "helicopters helicopter NOUN NNS 3 nsubj",
                         "evacuated evacuate VERB VBD 0 root", "wounded wounded ADJ JJ 6 amod",
                         "Bolivian Bolivian ADJ JJ 6 amod", "soldiers soldier NOUN NNS 3 obj", ". . PUNCT . 3 punct"});
  bool found = false;
  for (const auto& e : ev) found = found || (e.trigger_text == "evacuated" && e.source && e.source->code == "IGOUNO");
  EXPECT_TRUE(found);
}

// "Chile border patrol agents arrested two Bolivian journalists.": the
// country sits on the compound, one level below the head.
TEST(CoderTarget, CountryOfACompoundsOwnModifier) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 3 compound", "border border NOUN NN 3 compound",
                         "patrol patrol NOUN NN 4 compound", "agents agent NOUN NNS 5 nsubj",
                         "arrested arrest VERB VBD 0 root", "two two NUM CD 8 nummod",
                         "Bolivian Bolivian ADJ JJ 8 amod", "journalists journalist NOUN NNS 5 obj", ". . PUNCT . 5 punct"});
  std::string d = dyad_of(ev, "17");
  EXPECT_EQ(d.substr(0, 3), "CHL") << d;
}

// "Chile denounced the violation of the Vienna Convention.": a name's
// compound is part of the name, not its owner (no Austria here).
TEST(CoderTarget, CompoundOfANameIsNoOwner) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "denounced denounce VERB VBD 0 root", "the the DET DT 4 det",
                         "violation violation NOUN NN 2 obj", "of of ADP IN 8 case", "the the DET DT 8 det",
                         "Vienna Vienna PROPN NNP 8 compound", "Convention Convention PROPN NNP 4 nmod",
                         ". . PUNCT . 2 punct"});
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_FALSE(e.target && e.target->country == "AUT") << e.trigger_text;
}

// "Workers staged a hunger strike.": a strike with "hunger" is no air strike.
TEST(CoderTarget, HungerStrikeIsNoAirStrike) {
  auto ev = code_parsed({"Workers worker NOUN NNS 2 nsubj", "staged stage VERB VBD 0 root", "a a DET DT 5 det",
                         "hunger hunger NOUN NN 5 compound", "strike strike NOUN NN 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "(no 19 event)");
  EXPECT_NE(dyad_of(ev, "142"), "(no 142 event)");
}

}  // namespace
