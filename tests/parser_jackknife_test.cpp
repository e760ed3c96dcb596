// Jackknifed training tags for the parser (jackknife_tags and
// `dyad train parser --jackknife K`): every fold must be tagged by a tagger
// that never saw it, and the trees must be kept.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/conllu.h"
#include "dyad/error.h"
#include "dyad/parser.h"
#include "dyad/tagger.h"

namespace dyad {
namespace {

Word word(const char* form, const char* upos, const char* xpos, int head, const char* deprel) {
  Word w;
  w.form = form;
  w.lemma = form;
  w.upos = upos;
  w.xpos = xpos;
  w.head = head;
  w.deprel = deprel;
  return w;
}

// 20 sentences "the N V the N ."; the first half also opens with an
// interjection ("wow ,"), a label the second half never has.
std::vector<Sentence> corpus() {
  const char* nouns[] = {"dog", "cat", "farmer", "pilot", "judge"};
  const char* verbs[] = {"saw", "met", "paid", "helped"};
  std::vector<Sentence> out;
  for (int i = 0; i < 20; ++i) {
    Sentence s;
    const int o = i < 10 ? 2 : 0;  // offset of the core sentence
    if (i < 10) {
      s.words.push_back(word("wow", "INTJ", "UH", 3 + o, "discourse"));
      s.words.push_back(word(",", "PUNCT", ",", 3 + o, "punct"));
    }
    s.words.push_back(word("the", "DET", "DT", 2 + o, "det"));
    s.words.push_back(word(nouns[i % 5], "NOUN", "NN", 3 + o, "nsubj"));
    s.words.push_back(word(verbs[i % 4], "VERB", "VBD", 0, "root"));
    s.words.push_back(word("the", "DET", "DT", 5 + o, "det"));
    s.words.push_back(word(nouns[(i + 2) % 5], "NOUN", "NN", 3 + o, "obj"));
    s.words.push_back(word(".", "PUNCT", ".", 3 + o, "punct"));
    out.push_back(s);
  }
  return out;
}

TaggerTrainOptions quiet_tagger() {
  TaggerTrainOptions o;
  o.epochs = 3;
  o.two_pass = false;
  o.verbose = false;
  return o;
}

TEST(ParserJackknife, EachFoldIsTaggedByATaggerThatNeverSawIt) {
  const std::vector<Sentence> gold = corpus();
  const std::vector<Sentence> tagged = jackknife_tags(gold, {}, 2, quiet_tagger());
  ASSERT_EQ(tagged.size(), gold.size());
  std::size_t same = 0, words = 0;
  for (std::size_t s = 0; s < gold.size(); ++s) {
    ASSERT_EQ(tagged[s].words.size(), gold[s].words.size());
    for (std::size_t i = 0; i < gold[s].words.size(); ++i) {
      const Word& g = gold[s].words[i];
      const Word& t = tagged[s].words[i];
      EXPECT_EQ(t.form, g.form);
      EXPECT_EQ(t.head, g.head);
      EXPECT_EQ(t.deprel, g.deprel);
      EXPECT_FALSE(t.upos.empty());
      EXPECT_FALSE(t.lemma.empty());
      if (s >= 10) continue;
      // The first fold's tagger learned from the second half only, which has
      // no interjection: INTJ cannot come out of it.
      EXPECT_NE(t.upos, "INTJ") << "sentence " << s << " word " << i;
      ++words;
      same += t.upos == g.upos;
    }
  }
  // Apart from the first fold's "wow ," (labels its tagger never saw) the tags are right.
  EXPECT_GE(same + 20, words);
  // A tagger trained on everything does produce INTJ: the check above is real.
  const Tagger all = Tagger::train(gold, {}, quiet_tagger());
  Sentence probe = gold.front();
  all.tag(probe);
  EXPECT_EQ(probe.words.front().upos, "INTJ");
}

TEST(ParserJackknife, NeedsTwoFolds) {
  EXPECT_THROW(jackknife_tags(corpus(), {}, 1, quiet_tagger()), Error);
}

TEST(ParserJackknife, CliTrainsAParserOnJackknifedTags) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_jackknife_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string train = (dir / "train.conllu").string(), model = (dir / "parser.dyadm").string();
  {
    std::ofstream out(train);
    for (const Sentence& s : corpus()) write_conllu(out, s);
  }
  std::filesystem::remove(model);
  // Appended piece by piece: g++ 12 -O3 warns (-Wrestrict, falsely) on one long + chain.
  std::string cmd = DYAD_CLI_PATH;
  cmd.append(" train parser --train ").append(train);
  cmd.append(" --jackknife 2 --jackknife-epochs 2 --epochs 2 -o ").append(model).append(" 2>&1");
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string log;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) log += buf;
  ASSERT_EQ(pclose(pipe), 0) << log;
  EXPECT_NE(log.find("jackknife: fold 2/2 tagged"), std::string::npos) << log;
  Sentence s = corpus().back();
  for (Word& w : s.words) w.head = -1;
  Parser::load(model).parse(s);
  EXPECT_EQ(s.words[2].head, 0);  // the verb is the root
  std::filesystem::remove_all(dir);
}

std::string run_cli(const std::string& args) {
  std::string cmd = DYAD_CLI_PATH;
  cmd.append(" ").append(args).append(" 2>&1");
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "popen failed";
  std::string log;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) log += buf;
  const int rc = pclose(pipe);
  return rc == 0 ? log : "exit " + std::to_string(rc) + ": " + log;
}

// `dyad train tagger --one-pass` trains the first (left-to-right) pass only:
// the file holds one weight table instead of two, so it is smaller than the
// two-pass tagger of the same data, its description says how it was made,
// and it still tags. The flag is refused for the parser.
TEST(TaggerCli, OnePassTrainsOneTable) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_one_pass_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string train = (dir / "train.conllu").string();
  const std::string one = (dir / "one.dyadm").string(), two = (dir / "two.dyadm").string();
  {
    std::ofstream out(train);
    for (const Sentence& s : corpus()) write_conllu(out, s);
  }
  const std::string one_log = run_cli("train tagger --train " + train + " --one-pass --epochs 2 -o " + one);
  ASSERT_EQ(one_log.rfind("exit ", 0), std::string::npos) << one_log;
  const std::string two_log = run_cli("train tagger --train " + train + " --epochs 2 -o " + two);
  ASSERT_EQ(two_log.rfind("exit ", 0), std::string::npos) << two_log;
  EXPECT_LT(std::filesystem::file_size(one), std::filesystem::file_size(two));
  const std::string info = run_cli("model info " + one);
  EXPECT_NE(info.find("--one-pass"), std::string::npos) << info;
  EXPECT_EQ(run_cli("model info " + two).find("--one-pass"), std::string::npos);
  Sentence s = corpus().front();
  for (Word& w : s.words) w.upos.clear(), w.xpos.clear();
  Tagger::load(one).tag(s);
  EXPECT_EQ(s.words[0].upos, corpus().front().words[0].upos);
  const std::string parser_log = run_cli("train parser --train " + train + " --one-pass -o " + (dir / "p.dyadm").string());
  EXPECT_EQ(parser_log.rfind("exit ", 0), 0u) << parser_log;
  EXPECT_NE(parser_log.find("--one-pass"), std::string::npos) << parser_log;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad
