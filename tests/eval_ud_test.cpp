// Tests of the CoNLL 2018 evaluation (evaluate_ud / format_ud_evaluation).
// Expected figures are hand-computed from the script's definitions.
#include "dyad/eval.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.h"
#include "dyad/conllu.h"
#include "dyad/error.h"
#include "nlp/eval_internal.h"

namespace dyad {
namespace {

// A sentence from "form:head:deprel" items separated by spaces (forms hold no
// ':'; a deprel may, as in "nsubj:pass"). UPOS is "X".
Sentence tree(const std::string& spec) {
  Sentence s;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    const std::size_t a = item.find(':'), b = item.find(':', a + 1);
    Word w;
    w.form = item.substr(0, a);
    w.head = std::stoi(item.substr(a + 1, b - a - 1));
    w.deprel = item.substr(b + 1);
    w.upos.push_back('X');  // not `= "X"`: g++ 12 -O3 then warns falsely (-Wrestrict)
    s.words.push_back(w);
  }
  return s;
}

Sentence with_mwt(Sentence s, int first, int last, const std::string& form) {
  MultiwordToken m;
  m.first = first;
  m.last = last;
  m.form = form;
  s.multiword.push_back(m);
  return s;
}

void expect_prf(const UdScore& s, double p, double r, double f1) {
  EXPECT_DOUBLE_EQ(s.precision, p);
  EXPECT_DOUBLE_EQ(s.recall, r);
  EXPECT_DOUBLE_EQ(s.f1, f1);
}

const std::vector<Sentence> kGoldCat = {tree("The:2:det cat:3:nsubj sat:0:root .:3:punct")};

TEST(EvalUd, IdenticalInputScoresHundredEverywhere) {
  std::vector<Sentence> gold = kGoldCat;
  gold[0].words[1].feats = "Number=Sing";
  gold[0].words[1].lemma = "cat";
  UdEvaluation e = evaluate_ud(gold, gold);
  for (const UdScore* s : {&e.tokens, &e.sentences, &e.words, &e.upos, &e.xpos, &e.ufeats, &e.alltags,
                           &e.lemmas, &e.uas, &e.las, &e.clas, &e.mlas, &e.blex}) {
    expect_prf(*s, 1, 1, 1);
  }
  EXPECT_EQ(format_ud_evaluation(e),
            "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
            "-----------+-----------+-----------+-----------+-----------\n"
            "Tokens     |    100.00 |    100.00 |    100.00 |\n"
            "Sentences  |    100.00 |    100.00 |    100.00 |\n"
            "Words      |    100.00 |    100.00 |    100.00 |\n"
            "UPOS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "XPOS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "UFeats     |    100.00 |    100.00 |    100.00 |    100.00\n"
            "AllTags    |    100.00 |    100.00 |    100.00 |    100.00\n"
            "Lemmas     |    100.00 |    100.00 |    100.00 |    100.00\n"
            "UAS        |    100.00 |    100.00 |    100.00 |    100.00\n"
            "LAS        |    100.00 |    100.00 |    100.00 |    100.00\n"
            "CLAS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "MLAS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "BLEX       |    100.00 |    100.00 |    100.00 |    100.00\n");
}

TEST(EvalUd, TokenizationDifference) {
  // System glues "sat" and ".": tokens The, cat match; sat. does not.
  UdEvaluation e = evaluate_ud(kGoldCat, {tree("The:2:det cat:3:nsubj sat.:0:root")});
  expect_prf(e.tokens, 2.0 / 3, 2.0 / 4, 4.0 / 7);
  expect_prf(e.words, 2.0 / 3, 2.0 / 4, 4.0 / 7);
  // UAS: "The" -> cat is right; "cat" -> "sat." points at an unaligned word.
  EXPECT_EQ(e.uas.correct, 1u);
  EXPECT_EQ(e.uas.aligned_total, 2u);
  EXPECT_DOUBLE_EQ(e.uas.aligned_accuracy, 0.5);
  EXPECT_NE(format_ud_evaluation(e).find("Tokens     |     66.67 |     50.00 |     57.14 |\n"), std::string::npos);
  EXPECT_NE(format_ud_evaluation(e).find("UAS        |     33.33 |     25.00 |     28.57 |     50.00\n"),
            std::string::npos);
}

const std::vector<Sentence> kGoldDont = {
    with_mwt(tree("I:4:nsubj do:4:aux n't:4:advmod know:0:root"), 2, 3, "don't")};

TEST(EvalUd, MultiwordTokenVersusPlainTokens) {
  // Same words, but as two tokens instead of one multiword token.
  UdEvaluation e = evaluate_ud(kGoldDont, {tree("I:4:nsubj do:4:aux n't:4:advmod know:0:root")});
  expect_prf(e.tokens, 2.0 / 4, 2.0 / 3, 4.0 / 7);
  expect_prf(e.words, 1, 1, 1);
  expect_prf(e.las, 1, 1, 1);
}

TEST(EvalUd, MultiwordTokenSplitDifferently) {
  // Same token, words "don" + "'t": the LCS aligns neither, only I and know.
  UdEvaluation e =
      evaluate_ud(kGoldDont, {with_mwt(tree("I:4:nsubj don:4:aux 't:4:advmod know:0:root"), 2, 3, "don't")});
  expect_prf(e.tokens, 1, 1, 1);
  expect_prf(e.words, 0.5, 0.5, 0.5);
  EXPECT_EQ(e.uas.correct, 2u);
}

TEST(EvalUd, MultiwordAlignmentIgnoresCase) {
  std::vector<Sentence> gold = {with_mwt(tree("Do:3:aux n't:3:advmod go:0:root"), 1, 2, "Don't")};
  std::vector<Sentence> system = {with_mwt(tree("do:3:aux not:3:advmod go:0:root"), 1, 2, "Don't")};
  UdEvaluation e = evaluate_ud(gold, system);
  EXPECT_EQ(e.words.correct, 2u);  // Do~do and go; n't vs not differ.
  expect_prf(e.words, 2.0 / 3, 2.0 / 3, 2.0 / 3);
  expect_prf(e.tokens, 1, 1, 1);
}

TEST(EvalUd, CrossingMultiwordTokensShareOneAlignmentRegion) {
  // Gold token "abcde" (words p, q) then "fgh"; system "abc" then token "defgh"
  // (words q, r). The system token crosses the gold token's end, so the region
  // grows to the whole sentence and the two q's align, as in the script.
  std::vector<Sentence> gold = {with_mwt(tree("p:0:root q:1:dep fgh:1:dep"), 1, 2, "abcde")};
  std::vector<Sentence> system = {with_mwt(tree("abc:0:root q:1:dep r:1:dep"), 2, 3, "defgh")};
  UdEvaluation e = evaluate_ud(gold, system);
  EXPECT_EQ(e.words.correct, 1u);
  EXPECT_EQ(e.tokens.correct, 0u);
  EXPECT_EQ(e.uas.correct, 0u);  // q hangs on p / abc, which are not aligned
}

TEST(EvalUd, SentenceBoundaryDifference) {
  std::vector<Sentence> gold = {tree("It:2:nsubj rained:0:root .:2:punct"), tree("We:2:nsubj left:0:root .:2:punct")};
  std::vector<Sentence> system = {tree("It:2:nsubj rained:0:root"), tree(".:0:root"),
                                  tree("We:2:nsubj left:0:root .:2:punct")};
  UdEvaluation e = evaluate_ud(gold, system);
  expect_prf(e.sentences, 1.0 / 3, 1.0 / 2, 2.0 / 5);
  expect_prf(e.tokens, 1, 1, 1);
  // The first "." lost its head (now a root) and its label.
  EXPECT_DOUBLE_EQ(e.uas.f1, 5.0 / 6);
  EXPECT_DOUBLE_EQ(e.las.f1, 5.0 / 6);
}

const std::vector<Sentence> kGoldGave = {tree("She:2:nsubj gave:0:root him:2:iobj books:2:obj .:2:punct")};

TEST(EvalUd, HeadAndLabelErrors) {
  UdEvaluation e = evaluate_ud(kGoldGave, {tree("She:2:nsubj gave:0:root him:4:iobj books:2:iobj .:2:punct")});
  expect_prf(e.uas, 0.8, 0.8, 0.8);  // "him" has the wrong head
  expect_prf(e.las, 0.6, 0.6, 0.6);  // and "books" the wrong label
  expect_prf(e.clas, 0.5, 0.5, 0.5);  // 2 of the 4 content words (punct is not one)
  EXPECT_DOUBLE_EQ(e.las.aligned_accuracy, 0.6);
}

TEST(EvalUd, WrongRootCountsForBothWords) {
  UdEvaluation e = evaluate_ud(kGoldGave, {tree("She:0:root gave:1:ccomp him:2:iobj books:2:obj .:2:punct")});
  expect_prf(e.uas, 0.6, 0.6, 0.6);
}

TEST(EvalUd, DeprelSubtypeIgnored) {
  UdEvaluation e =
      evaluate_ud({tree("It:2:nsubj:pass was:0:root")}, {tree("It:2:nsubj:outer was:0:root:x")});
  expect_prf(e.las, 1, 1, 1);
  UdEvaluation wrong = evaluate_ud({tree("It:2:nsubj was:0:root")}, {tree("It:2:obj was:0:root")});
  EXPECT_EQ(wrong.las.correct, 1u);
}

TEST(EvalUd, OnlyUniversalFeaturesCount) {
  EXPECT_EQ(detail::universal_features("Typo=Yes|Person=3|Number[psor]=Plur|Number=Sing"), "Number=Sing|Person=3");
  EXPECT_EQ(detail::universal_features(""), "");
  std::vector<Sentence> gold = {tree("Dogs:2:nsubj bark:0:root")};
  std::vector<Sentence> system = gold;
  gold[0].words[0].feats = "Number=Plur|Person=3|Typo=Yes";
  system[0].words[0].feats = "Person=3|Number=Plur";
  gold[0].words[1].feats = "NumForm=Word";  // not universal: same as no features
  EXPECT_EQ(evaluate_ud(gold, system).ufeats.correct, 2u);
  system[0].words[0].feats = "Number=Sing|Person=3";
  EXPECT_EQ(evaluate_ud(gold, system).ufeats.correct, 1u);
}

TEST(EvalUd, GoldLemmaUnderscoreMatchesAnything) {
  std::vector<Sentence> gold = {tree("She:2:nsubj went:0:root")};
  std::vector<Sentence> system = gold;
  gold[0].words[1].lemma = "go";
  system[0].words[0].lemma = "she";  // gold lemma empty ("_"): counts as right
  system[0].words[1].lemma = "went";
  UdEvaluation e = evaluate_ud(gold, system);
  EXPECT_EQ(e.lemmas.correct, 1u);
  EXPECT_EQ(e.blex.correct, 1u);
}

TEST(EvalUd, FunctionalChildrenEnterMlas) {
  // System calls the determiner amod: a content word, so "dog" loses its functional child.
  UdEvaluation e = evaluate_ud({tree("the:2:det dog:3:nsubj barked:0:root")},
                               {tree("the:2:amod dog:3:nsubj barked:0:root")});
  expect_prf(e.clas, 2.0 / 3, 1, 0.8);
  expect_prf(e.mlas, 1.0 / 3, 1.0 / 2, 0.4);
}

TEST(EvalUd, SpacesInsideFormsAreIgnored) {
  // "New York" with a no-break space as one token, against two tokens: same characters.
  UdEvaluation e = evaluate_ud({tree("New\u00a0York:0:root")}, {tree("New:2:compound York:0:root")});
  expect_prf(e.tokens, 0, 0, 0);
  EXPECT_EQ(e.tokens.system_total, 2u);
}

TEST(EvalUd, MismatchedTextThrowsNamingPosition) {
  try {
    evaluate_ud(kGoldCat, {tree("The:2:det cat:3:nsubj sit:0:root .:3:punct")});
    FAIL() << "expected dyad::Error";
  } catch (const Error& err) {
    std::string m = err.what();
    EXPECT_NE(m.find("The concatenation of tokens in gold file and in system file differ!\n"
                     "First 20 differing characters in gold file: 'at.' and system file: 'it.'"),
              std::string::npos) << m;
    EXPECT_NE(m.find("character 7,"), std::string::npos) << m;
  }
  EXPECT_THROW(evaluate_ud(kGoldCat, {tree("The:2:det cat:0:root")}), Error);
}

TEST(EvalUd, InvalidTreesThrowAsTheScriptDoes) {
  EXPECT_THROW(evaluate_ud(kGoldCat, {tree("The:2:det cat:0:root sat:0:root .:3:punct")}), Error);
  EXPECT_THROW(evaluate_ud(kGoldCat, {tree("The:2:det cat:3:nsubj sat:2:root .:3:punct")}), Error);
  EXPECT_THROW(evaluate_ud(kGoldCat, {tree("The:2:det cat:3:nsubj sat:-1:root .:3:punct")}), Error);
  EXPECT_THROW(evaluate_ud(kGoldCat, {tree("The:2:det cat:3:nsubj sat:0:root .:9:punct")}), Error);
  EXPECT_THROW(evaluate_ud({tree("do:2:aux go:0:root")}, {with_mwt(tree("do:2:aux go:0:root"), 2, 3, "x")}),
               Error);
}

std::string run_cli(const std::string& args) { return test::run_dyad(args).out; }

TEST(EvalUd, CliReadsConlluAndPrintsTable) {
  // Gold: "I don't know." with a multiword token; system: "do" + "n't" as plain
  // tokens and "know." glued. Only the token "I" matches; words I, do, n't align
  // (3 of 4 system, 5 gold) but all hang on the unaligned "know.": UAS 0.
  const std::string dir = std::filesystem::temp_directory_path().string() + "/" + std::to_string(::getpid());
  const std::string gold = dir + "_dyad_eval_gold.conllu", system = dir + "_dyad_eval_system.conllu";
  std::ofstream(gold) << "# text = I don't know.\n"
                         "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
                         "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
                         "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                         "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
                         "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
  std::ofstream(system) << "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
                           "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\tSpaceAfter=No\n"
                           "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                           "4\tknow.\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\n";
  std::string out = run_cli("eval-ud " + gold + " " + system);
  EXPECT_NE(out.find("Tokens     |     25.00 |     25.00 |     25.00 |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Words      |     75.00 |     60.00 |     66.67 |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("UAS        |      0.00 |      0.00 |      0.00 |      0.00\n"), std::string::npos) << out;
  std::ofstream(system) << "1\tI\t_\t_\t_\t_\t0\troot\t_\t_\n\n";
  EXPECT_NE(run_cli("eval-ud " + gold + " " + system).find("differ"), std::string::npos);
  std::filesystem::remove(gold);
  std::filesystem::remove(system);
}

TEST(EvalUd, EwtDevAgainstItself) {
  const std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  std::vector<Sentence> dev = read_conllu_file(path);
  UdEvaluation e = evaluate_ud(dev, dev);
  for (const UdScore* s : {&e.tokens, &e.sentences, &e.words, &e.upos, &e.xpos, &e.ufeats, &e.alltags,
                           &e.lemmas, &e.uas, &e.las, &e.clas, &e.mlas, &e.blex}) {
    expect_prf(*s, 1, 1, 1);
  }
  EXPECT_EQ(e.sentences.gold_total, dev.size());
}

}  // namespace
}  // namespace dyad
