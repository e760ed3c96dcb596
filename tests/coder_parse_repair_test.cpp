// The nominal-root repair (src/coder/parse_repair.cpp): hand-built trees for
// the rewrite itself, and whole sentences we wrote for the coder.
#include <gtest/gtest.h>


#include "coder/parse_repair.h"
#include "dyad/engine.h"
#include "engine_fixture.h"

namespace {

dyad::Word w(const char* form, const char* upos, const char* xpos, int head, const char* rel) {
  dyad::Word x;
  x.form = x.lemma = form;
  x.upos = upos;
  x.xpos = xpos;
  x.head = head;
  x.deprel = rel;
  return x;
}

// "Police arrested five men in Lima ." with "arrested" as acl of the root "Police".
dyad::Sentence acl_tree(const char* xpos) {
  dyad::Sentence s;
  s.words = {w("Police", "NOUN", "NN", 0, "root"), w("arrested", "VERB", xpos, 1, "acl"),
             w("five", "NUM", "CD", 4, "nummod"),  w("men", "NOUN", "NNS", 2, "obj"),
             w("in", "ADP", "IN", 6, "case"),      w("Lima", "PROPN", "NNP", 1, "nmod"),
             w(".", "PUNCT", ".", 1, "punct")};
  return s;
}

TEST(CoderParseRepair, ParticipleOfTheRootBecomesTheClause) {
  dyad::Sentence s = acl_tree("VBN");
  std::string why;
  ASSERT_TRUE(dyad::detail::repair_nominal_root(s, &why));
  EXPECT_EQ(s.words[1].head, 0);
  EXPECT_EQ(s.words[1].deprel, "root");
  EXPECT_EQ(s.words[0].head, 2);
  EXPECT_EQ(s.words[0].deprel, "nsubj");
  EXPECT_EQ(s.words[5].head, 2);  // "in Lima" now modifies the verb
  EXPECT_EQ(s.words[5].deprel, "obl");
  EXPECT_EQ(s.words[6].head, 2);
  EXPECT_EQ(s.words[1].feats, "Mood=Ind|Tense=Past|VerbForm=Fin");
  EXPECT_NE(why.find("arrested"), std::string::npos);
}

TEST(CoderParseRepair, HeadlinePassiveWithoutObjectIsLeftAlone) {
  // "Protesters killed in Lima ." : a participle with no object of its own.
  dyad::Sentence s;
  s.words = {w("Protesters", "NOUN", "NNS", 0, "root"), w("killed", "VERB", "VBN", 1, "acl"),
             w("in", "ADP", "IN", 4, "case"), w("Lima", "PROPN", "NNP", 2, "obl"), w(".", "PUNCT", ".", 1, "punct")};
  dyad::Sentence before = s;
  EXPECT_FALSE(dyad::detail::repair_nominal_root(s, nullptr));
  for (std::size_t i = 0; i < s.words.size(); ++i) EXPECT_EQ(s.words[i].head, before.words[i].head);
}

TEST(CoderParseRepair, VerbalRootIsLeftAlone) {
  dyad::Sentence s;
  s.words = {w("Police", "NOUN", "NN", 2, "nsubj"), w("arrested", "VERB", "VBD", 0, "root"),
             w("men", "NOUN", "NNS", 2, "obj")};
  EXPECT_FALSE(dyad::detail::repair_nominal_root(s, nullptr));
}

TEST(CoderParseRepair, AdjectiveReadingOfTheVerbBeforeItsObject) {
  // "People blocked streets ." with "blocked" as amod of "streets", itself a conj of the root.
  dyad::Sentence s;
  s.words = {w("People", "NOUN", "NNS", 0, "root"), w("blocked", "VERB", "VBN", 3, "amod"),
             w("streets", "NOUN", "NNS", 1, "conj"), w(".", "PUNCT", ".", 1, "punct")};
  ASSERT_TRUE(dyad::detail::repair_nominal_root(s, nullptr));
  EXPECT_EQ(s.words[1].deprel, "root");
  EXPECT_EQ(s.words[2].head, 2);
  EXPECT_EQ(s.words[2].deprel, "obj");
  EXPECT_EQ(s.words[0].deprel, "nsubj");
}

TEST(CoderParseRepair, SubjectParticipleObjectReadAsOneNounPhrase) {
  // "Chile granted asylum to Bolivians ." with "asylum" the root, "Chile" its
  // compound and "granted" its adjective.
  dyad::Sentence s;
  s.words = {w("Chile", "PROPN", "NNP", 3, "compound"), w("granted", "VERB", "VBN", 3, "amod"),
             w("asylum", "NOUN", "NN", 0, "root"),      w("to", "ADP", "IN", 5, "case"),
             w("Bolivians", "PROPN", "NNPS", 3, "nmod"), w(".", "PUNCT", ".", 3, "punct")};
  ASSERT_TRUE(dyad::detail::repair_nominal_root(s, nullptr));
  EXPECT_EQ(s.words[1].deprel, "root");
  EXPECT_EQ(s.words[0].head, 2);
  EXPECT_EQ(s.words[0].deprel, "nsubj");
  EXPECT_EQ(s.words[2].head, 2);
  EXPECT_EQ(s.words[2].deprel, "obj");
  EXPECT_EQ(s.words[4].head, 2);
  EXPECT_EQ(s.words[4].deprel, "obl");
}

TEST(CoderParseRepair, CoderFindsTheEventOfARepairedSentence) {
  if (!dyad::testing::models_present()) GTEST_SKIP();
  bool found = false;
  for (const auto& e : dyad::testing::code_events("Norwegian authorities jailed two Swedish smugglers.")) {
    found |= e.cameo.starts_with("17") && e.source && e.source->country == "NOR" && e.target &&
             e.target->country == "SWE";
  }
  // Whatever the parser does with this sentence, the coder must find the jailing.
  EXPECT_TRUE(found);
}

}  // namespace
