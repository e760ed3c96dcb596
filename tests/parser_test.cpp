#include "dyad/parser.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <filesystem>
#include <fstream>
#include <random>

#include "dyad/conllu.h"
#include "dyad/error.h"
#include "nlp/parser_weights.h"
#include "nlp/projectivize.h"
#include "nlp/transition.h"

namespace dyad {
namespace {

// One annotated word: form, upos, xpos, head, deprel.
struct W {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
};

Sentence make(std::initializer_list<W> words) {
  Sentence s;
  for (const W& w : words) {
    Word x;
    x.form = w.form;
    x.lemma = w.form;
    x.upos = w.upos;
    x.xpos = w.xpos;
    x.head = w.head;
    x.deprel = w.deprel;
    s.words.push_back(x);
  }
  return s;
}

// "the N V-ed the N" and "the N V-ed the N in the N" in many variations.
std::vector<Sentence> toy_corpus() {
  std::vector<Sentence> out;
  const char* nouns[] = {"dog", "cat", "man", "woman", "bird", "child"};
  const char* verbs[] = {"chased", "saw", "liked", "found"};
  for (int i = 0; i < 12; ++i) {
    const char* subj = nouns[i % 6];
    const char* obj = nouns[(i + 2) % 6];
    const char* verb = verbs[i % 4];
    out.push_back(make({{"the", "DET", "DT", 2, "det"},
                        {subj, "NOUN", "NN", 3, "nsubj"},
                        {verb, "VERB", "VBD", 0, "root"},
                        {"the", "DET", "DT", 5, "det"},
                        {obj, "NOUN", "NN", 3, "obj"},
                        {".", "PUNCT", ".", 3, "punct"}}));
    out.push_back(make({{"the", "DET", "DT", 2, "det"},
                        {subj, "NOUN", "NN", 3, "nsubj"},
                        {verb, "VERB", "VBD", 0, "root"},
                        {"the", "DET", "DT", 5, "det"},
                        {obj, "NOUN", "NN", 3, "obj"},
                        {"in", "ADP", "IN", 8, "case"},
                        {"the", "DET", "DT", 8, "det"},
                        {"park", "NOUN", "NN", 3, "obl"},
                        {".", "PUNCT", ".", 3, "punct"}}));
  }
  return out;
}

ParserTrainOptions quiet(int epochs = 10) {
  ParserTrainOptions o;
  o.epochs = epochs;
  o.verbose = false;
  return o;
}

void expect_same_tree(const Sentence& gold, const Sentence& got) {
  ASSERT_EQ(gold.words.size(), got.words.size());
  for (std::size_t i = 0; i < gold.words.size(); ++i) {
    EXPECT_EQ(got.words[i].head, gold.words[i].head) << "word " << i + 1 << " " << gold.words[i].form;
    EXPECT_EQ(got.words[i].deprel, gold.words[i].deprel) << "word " << i + 1 << " " << gold.words[i].form;
  }
}

Sentence stripped(Sentence s) {
  for (Word& w : s.words) {
    w.head = -1;
    w.deprel.clear();
  }
  return s;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_parser_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

const Parser& toy_parser() {
  static const Parser parser = Parser::train(toy_corpus(), {}, quiet());
  return parser;
}

TEST(Parser, LearnsToyCorpusAndGeneralizes) {
  for (const Sentence& gold : toy_corpus()) {
    Sentence s = stripped(gold);
    toy_parser().parse(s);
    expect_same_tree(gold, s);
  }
  // Unseen words, same shape.
  Sentence gold = make({{"the", "DET", "DT", 2, "det"},
                        {"cow", "NOUN", "NN", 3, "nsubj"},
                        {"ate", "VERB", "VBD", 0, "root"},
                        {"the", "DET", "DT", 5, "det"},
                        {"grass", "NOUN", "NN", 3, "obj"},
                        {"in", "ADP", "IN", 8, "case"},
                        {"the", "DET", "DT", 8, "det"},
                        {"field", "NOUN", "NN", 3, "obl"},
                        {".", "PUNCT", ".", 3, "punct"}});
  Sentence s = stripped(gold);
  toy_parser().parse(s);
  expect_same_tree(gold, s);
}

// "A hearing is scheduled on the issue today": nmod(hearing, issue) crosses the verb.
Sentence nonprojective() {
  return make({{"A", "DET", "DT", 2, "det"},
               {"hearing", "NOUN", "NN", 4, "nsubj:pass"},
               {"is", "AUX", "VBZ", 4, "aux:pass"},
               {"scheduled", "VERB", "VBN", 0, "root"},
               {"on", "ADP", "IN", 7, "case"},
               {"the", "DET", "DT", 7, "det"},
               {"issue", "NOUN", "NN", 2, "nmod"},
               {"today", "NOUN", "NN", 4, "obl:tmod"}});
}

TEST(Parser, ProjectivizeRoundTrip) {
  Sentence s = nonprojective();
  std::vector<int> heads;
  std::vector<std::string> labels;
  for (const Word& w : s.words) {
    heads.push_back(w.head);
    labels.push_back(w.deprel);
  }
  EXPECT_FALSE(detail::is_projective_arc(heads, 6));
  std::vector<int> h = heads;
  std::vector<std::string> l = labels;
  EXPECT_EQ(detail::projectivize(h, l), 1);
  for (int d = 0; d < 8; ++d) EXPECT_TRUE(detail::is_projective_arc(h, d)) << d;
  EXPECT_EQ(h[6], 4);
  EXPECT_EQ(l[6], "nmod|nsubj:pass");
  detail::deprojectivize(h, l);
  EXPECT_EQ(h, heads);
  EXPECT_EQ(l, labels);
}

// Following zero-cost transitions must rebuild any projective tree exactly,
// and every state must offer at least one zero-cost transition.
TEST(Parser, DynamicOracleReachesGoldTree) {
  std::vector<Sentence> corpus = toy_corpus();
  // A deeper tree with left and right dependents at several levels (projective).
  corpus.push_back(make({{"yesterday", "NOUN", "NN", 4, "obl:tmod"},
                         {"the", "DET", "DT", 3, "det"},
                         {"old", "ADJ", "JJ", 4, "nsubj"},
                         {"said", "VERB", "VBD", 0, "root"},
                         {"that", "SCONJ", "IN", 7, "mark"},
                         {"it", "PRON", "PRP", 7, "nsubj"},
                         {"rained", "VERB", "VBD", 4, "ccomp"},
                         {"hard", "ADV", "RB", 7, "advmod"},
                         {".", "PUNCT", ".", 4, "punct"}}));
  const int num_labels = 12, root = 0;
  for (const Sentence& s : corpus) {
    const int n = static_cast<int>(s.words.size());
    std::vector<int> gold_head(static_cast<std::size_t>(n) + 2, 0), gold_label(gold_head.size(), -1);
    for (int w = 1; w <= n; ++w) {
      const Word& word = s.words[static_cast<std::size_t>(w - 1)];
      gold_head[static_cast<std::size_t>(w)] = word.head == 0 ? n + 1 : word.head;
      gold_label[static_cast<std::size_t>(w)] = word.head == 0 ? root : 1 + w % 5;
    }
    detail::ArcHybridState st;
    st.reset(n);
    std::vector<std::uint8_t> valid;
    std::vector<int> cost;
    while (!st.terminal()) {
      detail::valid_classes(st, num_labels, root, valid);
      detail::oracle_costs(st, gold_head, gold_label, valid, cost);
      int best = -1;
      for (int c = 0; c < static_cast<int>(valid.size()); ++c)
        if (valid[static_cast<std::size_t>(c)] && cost[static_cast<std::size_t>(c)] == 0) best = c;
      ASSERT_GE(best, 0) << "no zero-cost transition";
      st.apply(best);
    }
    for (int w = 1; w <= n; ++w) {
      EXPECT_EQ(st.head[static_cast<std::size_t>(w)], gold_head[static_cast<std::size_t>(w)]);
      EXPECT_EQ(st.label[static_cast<std::size_t>(w)], gold_label[static_cast<std::size_t>(w)]);
    }
  }
}

TEST(Parser, LearnsNonProjectiveTreeThroughLifting) {
  std::vector<Sentence> corpus = toy_corpus();
  for (int i = 0; i < 6; ++i) corpus.push_back(nonprojective());
  Parser parser = Parser::train(corpus, {}, quiet());
  Sentence s = stripped(nonprojective());
  parser.parse(s);
  expect_same_tree(nonprojective(), s);
}

TEST(Parser, SaveLoadGivesIdenticalParses) {
  const std::string path = temp_path("roundtrip.dyadm");
  toy_parser().save(path, "toy");
  Parser loaded = Parser::load(path);
  std::mt19937 rng(7);
  for (const Sentence& gold : toy_corpus()) {
    Sentence a = stripped(gold), b = stripped(gold);
    std::swap(a.words[1].form, a.words[4].form);  // off the training data
    b.words = a.words;
    toy_parser().parse(a);
    loaded.parse(b);
    for (std::size_t i = 0; i < a.words.size(); ++i) {
      EXPECT_EQ(a.words[i].head, b.words[i].head);
      EXPECT_EQ(a.words[i].deprel, b.words[i].deprel);
    }
  }
  std::filesystem::remove(path);
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const std::string& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(Parser, RejectsTruncatedAndCorruptedModels) {
  const std::string path = temp_path("bad.dyadm");
  toy_parser().save(path, "toy");
  const std::string good = slurp(path);
  spit(path, good.substr(0, good.size() / 2));
  EXPECT_THROW(Parser::load(path), Error);
  std::string corrupt = good;
  corrupt[corrupt.size() - 5] ^= 0x5a;
  spit(path, corrupt);
  EXPECT_THROW(Parser::load(path), Error);
  spit(path, good + "x");
  EXPECT_THROW(Parser::load(path), Error);
  EXPECT_THROW(Parser::load(temp_path("missing.dyadm")), Error);
  std::filesystem::remove(path);
}

void expect_tree(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const Word& w = s.words[static_cast<std::size_t>(i)];
    ASSERT_GE(w.head, 0);
    ASSERT_LE(w.head, n);
    ASSERT_NE(w.head, i + 1);
    EXPECT_FALSE(w.deprel.empty());
    EXPECT_EQ(w.head == 0, w.deprel == "root");
    roots += w.head == 0;
    int k = i + 1, steps = 0;  // walking up must reach the root
    while (k != 0 && steps <= n) {
      k = s.words[static_cast<std::size_t>(k - 1)].head;
      ++steps;
    }
    ASSERT_EQ(k, 0) << "cycle through word " << i + 1;
  }
  EXPECT_EQ(roots, 1);
}

TEST(Parser, EnsembleOfThreeLearnsToyCorpus) {
  ParserTrainOptions o = quiet();
  o.ensemble = 3;
  const Parser parser = Parser::train(toy_corpus(), {}, o);
  for (const Sentence& gold : toy_corpus()) {
    Sentence s = stripped(gold);
    parser.parse(s);
    expect_same_tree(gold, s);
  }
  o.ensemble = 0;
  EXPECT_THROW(Parser::train(toy_corpus(), {}, o), Error);
}

// Averaged weights must score like the mean of the members' real-valued
// weights (each member quantized on its own scale), which is what makes the
// average an ensemble.
TEST(ParserWeights, AverageScoresLikeTheMeanOfItsMembers) {
  constexpr int kClasses = 5;
  std::mt19937_64 rng(3);
  std::vector<std::uint64_t> keys;
  for (int i = 0; i < 40; ++i) keys.push_back(rng() | 1);
  std::map<std::pair<std::uint64_t, int>, double> mean;  // (key, class) -> mean weight
  auto random_model = [&](double magnitude) {
    detail::TrainWeights w(kClasses);
    std::uint64_t now = 0;
    for (int step = 0; step < 300; ++step) {
      std::vector<std::uint64_t> f = {keys[rng() % keys.size()], keys[rng() % keys.size()]};
      w.update(f, static_cast<int>(rng() % kClasses), (rng() % 2 ? 1.0f : -1.0f) * magnitude, ++now);
    }
    w.for_each_averaged(now, [&](std::uint64_t k, int c, double v) { mean[{k, c}] += v / 2; });
    return detail::CompactWeights::from_training(w, now, kClasses, 0.0);
  };
  const detail::CompactWeights a = random_model(1.0);
  const detail::CompactWeights b = random_model(7.0);  // another scale: dequantizing must undo it
  const detail::CompactWeights avg = detail::CompactWeights::average({&a, &b});
  double max_abs = 0;
  for (const auto& [kc, v] : mean) max_abs = std::max(max_abs, std::fabs(v));
  const double scale = 32767.0 / max_abs;
  for (int t = 0; t < 200; ++t) {
    std::vector<std::uint64_t> f = {keys[rng() % keys.size()], keys[rng() % keys.size()],
                                    keys[rng() % keys.size()]};
    std::int32_t got[kClasses] = {};
    avg.score(f, got);
    for (int c = 0; c < kClasses; ++c) {
      double want = 0;
      for (std::uint64_t k : f)
        if (auto it = mean.find({k, c}); it != mean.end()) want += it->second * scale;
      EXPECT_NEAR(got[c], want, 6.0) << "trial " << t << " class " << c;
    }
  }
  // A model averaged alone scores as itself.
  const detail::CompactWeights same = detail::CompactWeights::average({&a});
  std::int32_t sa[kClasses] = {}, s1[kClasses] = {};
  a.score(keys, sa);
  same.score(keys, s1);
  for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(s1[c], sa[c], 1 + std::abs(sa[c]) * 1e-4);
  // Members with different class counts cannot be averaged.
  detail::TrainWeights other(kClasses + 1);
  other.update({keys[0]}, 0, 1.0f, 1);
  const detail::CompactWeights c = detail::CompactWeights::from_training(other, 1, kClasses + 1, 0.0);
  EXPECT_THROW(detail::CompactWeights::average({&a, &c}), Error);
}

// Even a model trained to hang words on a comma must not: a punctuation mark
// on the stack never takes the word above it as a dependent.
TEST(Parser, PunctuationOnTheStackHeadsNothing) {
  std::vector<Sentence> corpus;
  const char* adverbs[] = {"loudly", "quietly", "again", "twice"};
  for (const char* adv : adverbs)
    for (int k = 0; k < 3; ++k)
      corpus.push_back(make({{"the", "DET", "DT", 2, "det"},
                             {"dog", "NOUN", "NN", 3, "nsubj"},
                             {"barked", "VERB", "VBD", 0, "root"},
                             {",", "PUNCT", ",", 3, "punct"},
                             {adv, "ADV", "RB", 4, "advmod"},  // wrong on purpose
                             {".", "PUNCT", ".", 3, "punct"}}));
  const Parser parser = Parser::train(corpus, {}, quiet());
  for (const Sentence& gold : corpus) {
    Sentence s = stripped(gold);
    parser.parse(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const int h = s.words[i].head;
      ASSERT_GE(h, 0);
      if (h > 0 && static_cast<std::size_t>(h) < i + 1) {
        EXPECT_NE(s.words[static_cast<std::size_t>(h - 1)].upos, "PUNCT")
            << s.words[i].form << " hangs on " << s.words[static_cast<std::size_t>(h - 1)].form;
      }
    }
  }
}

TEST(Parser, EveryParseIsATreeOnRandomInput) {
  const char* forms[] = {"the", "dog", "ran", ",", "and", "park", "xyzzy", "12", "in", "."};
  const char* tags[][2] = {{"DET", "DT"}, {"NOUN", "NN"}, {"VERB", "VBD"}, {"PUNCT", ","},
                           {"CCONJ", "CC"}, {"ADP", "IN"}, {"X", "FW"}, {"NUM", "CD"}};
  std::mt19937 rng(42);
  for (int trial = 0; trial < 300; ++trial) {
    Sentence s;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      Word w;
      w.form = forms[rng() % 10];
      const auto& t = tags[rng() % 8];
      w.upos = t[0];
      w.xpos = t[1];
      s.words.push_back(w);
    }
    toy_parser().parse(s);
    expect_tree(s);
  }
}

TEST(Parser, CommittedModelOnEwtDev) {
  const std::string dev = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  const std::string model = std::string(DYAD_SOURCE_DIR) + "/data/models/parser.dyadm";
  if (!std::filesystem::exists(dev) || !std::filesystem::exists(model))
    GTEST_SKIP() << "needs " << dev << " and " << model;
  Parser parser = Parser::load(model);
  std::vector<Sentence> gold = read_conllu_file(dev);
  gold.resize(std::min<std::size_t>(gold.size(), 300));
  std::size_t words = 0, las = 0;
  auto universal = [](const std::string& d) { return d.substr(0, d.find(':')); };
  for (const Sentence& g : gold) {
    Sentence s = stripped(g);
    parser.parse(s);
    expect_tree(s);
    for (std::size_t i = 0; i < g.words.size(); ++i, ++words)
      las += s.words[i].head == g.words[i].head && universal(s.words[i].deprel) == universal(g.words[i].deprel);
  }
  EXPECT_GE(100.0 * las / words, 75.0);
}

}  // namespace
}  // namespace dyad
