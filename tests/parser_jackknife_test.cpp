// Jackknifed training tags for the parser (jackknife_tags and
// `dyad train parser --jackknife K`): every fold must be tagged by a tagger
// that never saw it, and the trees must be kept.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.h"
#include "dyad/conllu.h"
#include "dyad/error.h"
#include "dyad/parser.h"

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
  const test::CommandResult r =
      test::run_dyad("train parser --train " + train + " --jackknife 2 --jackknife-epochs 2 --epochs 2 -o " + model);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("jackknife: fold 2/2 tagged"), std::string::npos) << r.out;
  Sentence s = corpus().back();
  for (Word& w : s.words) w.head = -1;
  Parser::load(model).parse(s);
  EXPECT_EQ(s.words[2].head, 0);  // the verb is the root
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad
