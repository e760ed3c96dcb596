#include "dyad/tagger.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.h"
#include "dyad/conllu.h"
#include "dyad/error.h"

namespace dyad {
namespace {

// Our own toy sentences: "form/UPOS/XPOS/lemma/feats" ("-" = no feats).
const char* kTinyCorpus[] = {
    "The/DET/DT/the/Definite=Def|PronType=Art rebels/NOUN/NNS/rebel/Number=Plur "
    "attacked/VERB/VBD/attack/Mood=Ind|Tense=Past|VerbForm=Fin the/DET/DT/the/Definite=Def|PronType=Art "
    "village/NOUN/NN/village/Number=Sing ./PUNCT/././-",
    "Soldiers/NOUN/NNS/soldier/Number=Plur protected/VERB/VBD/protect/Mood=Ind|Tense=Past|VerbForm=Fin "
    "the/DET/DT/the/Definite=Def|PronType=Art town/NOUN/NN/town/Number=Sing ./PUNCT/././-",
    "The/DET/DT/the/Definite=Def|PronType=Art minister/NOUN/NN/minister/Number=Sing "
    "visited/VERB/VBD/visit/Mood=Ind|Tense=Past|VerbForm=Fin Paris/PROPN/NNP/Paris/Number=Sing ./PUNCT/././-",
    "Police/NOUN/NNS/police/Number=Plur arrested/VERB/VBD/arrest/Mood=Ind|Tense=Past|VerbForm=Fin "
    "two/NUM/CD/two/NumForm=Word|NumType=Card men/NOUN/NNS/man/Number=Plur in/ADP/IN/in/- "
    "Cairo/PROPN/NNP/Cairo/Number=Sing ./PUNCT/././-",
    "She/PRON/PRP/she/Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs "
    "was/AUX/VBD/be/Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin "
    "happy/ADJ/JJ/happy/Degree=Pos ./PUNCT/././-",
    "They/PRON/PRP/they/Case=Nom|Number=Plur|Person=3|PronType=Prs "
    "went/VERB/VBD/go/Mood=Ind|Tense=Past|VerbForm=Fin to/ADP/IN/to/- "
    "the/DET/DT/the/Definite=Def|PronType=Art market/NOUN/NN/market/Number=Sing ./PUNCT/././-",
    "Leaders/NOUN/NNS/leader/Number=Plur met/VERB/VBD/meet/Mood=Ind|Tense=Past|VerbForm=Fin "
    "in/ADP/IN/in/- Geneva/PROPN/NNP/Geneva/Number=Sing on/ADP/IN/on/- "
    "Monday/PROPN/NNP/Monday/Number=Sing ./PUNCT/././-",
    "The/DET/DT/the/Definite=Def|PronType=Art army/NOUN/NN/army/Number=Sing "
    "will/AUX/MD/will/VerbForm=Fin attack/VERB/VB/attack/VerbForm=Inf "
    "the/DET/DT/the/Definite=Def|PronType=Art rebels/NOUN/NNS/rebel/Number=Plur ./PUNCT/././-",
    "Protesters/NOUN/NNS/protester/Number=Plur gathered/VERB/VBD/gather/Mood=Ind|Tense=Past|VerbForm=Fin "
    "in/ADP/IN/in/- the/DET/DT/the/Definite=Def|PronType=Art square/NOUN/NN/square/Number=Sing ./PUNCT/././-",
    "He/PRON/PRP/he/Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs "
    "is/AUX/VBZ/be/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin "
    "a/DET/D./PUNCT/././-efinite=Ind|PronType=Art leader/NOUN/NN/leader/Number=Sing ./PUNCT/././-",
    "Children/NOUN/NNS/child/Number=Plur played/VERB/VBD/play/Mood=Ind|Tense=Past|VerbForm=Fin "
    "near/ADP/IN/near/- the/DET/DT/the/Definite=Def|PronType=Art river/NOUN/NN/river/Number=Sing ./PUNCT/././-",
    "The/DET/DT/the/Definite=Def|PronType=Art government/NOUN/NN/government/Number=Sing "
    "condemned/VERB/VBD/condemn/Mood=Ind|Tense=Past|VerbForm=Fin the/DET/DT/the/Definite=Def|PronType=Art "
    "attack/NOUN/NN/attack/Number=Sing ./PUNCT/././-",
};

Sentence parse_tiny(const std::string& line) {
  Sentence s;
  std::istringstream in(line);
  std::string tok;
  while (in >> tok) {
    Word w;
    std::size_t a = tok.find('/', 1), b = tok.find('/', a + 1), c = tok.find('/', b + 1),
                d = tok.find('/', c + 1);
    w.form = tok.substr(0, a);
    w.upos = tok.substr(a + 1, b - a - 1);
    w.xpos = tok.substr(b + 1, c - b - 1);
    w.lemma = tok.substr(c + 1, d - c - 1);
    w.feats = tok.substr(d + 1);
    if (w.feats == "-") w.feats.clear();
    s.words.push_back(w);
  }
  return s;
}

Sentence forms_only(const Sentence& gold) {
  Sentence s;
  for (const Word& g : gold.words) {
    Word w;
    w.form = g.form;
    s.words.push_back(w);
  }
  return s;
}

Sentence from_forms(std::initializer_list<const char*> forms) {
  Sentence s;
  for (const char* f : forms) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  return s;
}

std::vector<Sentence> tiny_corpus() {
  std::vector<Sentence> out;
  for (const char* line : kTinyCorpus) out.push_back(parse_tiny(line));
  return out;
}

const Tagger& tiny_tagger() {
  static const Tagger t = [] {
    TaggerTrainOptions o;
    o.epochs = 10;
    o.verbose = false;
    o.folds = 3;
    return Tagger::train(tiny_corpus(), {}, o);
  }();
  return t;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_tagger_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Both taggers give every probe the same tags, features and lemmas.
void expect_same_tags(const Tagger& x, const Tagger& y, const std::vector<Sentence>& probes) {
  for (const Sentence& p : probes) {
    Sentence a = forms_only(p), b = forms_only(p);
    x.tag(a);
    y.tag(b);
    for (std::size_t i = 0; i < a.words.size(); ++i) {
      EXPECT_EQ(a.words[i].upos, b.words[i].upos) << a.words[i].form;
      EXPECT_EQ(a.words[i].xpos, b.words[i].xpos) << a.words[i].form;
      EXPECT_EQ(a.words[i].feats, b.words[i].feats) << a.words[i].form;
      EXPECT_EQ(a.words[i].lemma, b.words[i].lemma) << a.words[i].form;
    }
  }
}

Sentence unknown_words_probe() {
  return from_forms({"Rebels", "visited", "the", "unknown", "glorbs", "in", "Zorbania", "."});
}

TEST(TaggerTest, LearnsTinyCorpus) {
  for (const Sentence& gold : tiny_corpus()) {
    Sentence s = forms_only(gold);
    tiny_tagger().tag(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(s.words[i].upos, gold.words[i].upos) << gold.words[i].form;
      EXPECT_EQ(s.words[i].xpos, gold.words[i].xpos) << gold.words[i].form;
      EXPECT_EQ(s.words[i].lemma, gold.words[i].lemma) << gold.words[i].form;
      EXPECT_EQ(s.words[i].feats, gold.words[i].feats) << gold.words[i].form;
    }
  }
}

TEST(TaggerTest, TagsUnseenSentenceOfSeenWords) {
  Sentence s = from_forms({"Leaders", "visited", "the", "village", "in", "Cairo", "."});
  tiny_tagger().tag(s);
  const char* upos[] = {"NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"};
  const char* lemma[] = {"leader", "visit", "the", "village", "in", "Cairo", "."};
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_EQ(s.words[i].upos, upos[i]) << s.words[i].form;
    EXPECT_EQ(s.words[i].lemma, lemma[i]) << s.words[i].form << " " << s.words[i].xpos;
  }
}

TEST(TaggerTest, EmptySentenceIsFine) {
  Sentence s;
  tiny_tagger().tag(s);
  EXPECT_TRUE(s.words.empty());
}

TEST(TaggerTest, SaveLoadRoundTripGivesIdenticalTags) {
  std::string path = temp_path("roundtrip.dyadm");
  tiny_tagger().save(path, "tiny test corpus");
  Tagger loaded = Tagger::load(path);
  std::vector<Sentence> probes = tiny_corpus();
  probes.push_back(unknown_words_probe());
  expect_same_tags(tiny_tagger(), loaded, probes);
  std::filesystem::remove(path);
}

TEST(TaggerTest, EnsembleLearnsTinyCorpusAndSurvivesSaveLoad) {
  TaggerTrainOptions o;
  o.epochs = 10;
  o.verbose = false;
  o.ensemble = 2;
  const Tagger ensemble = Tagger::train(tiny_corpus(), {}, o);
  const std::string path = temp_path("ensemble.dyadm");
  ensemble.save(path, "tiny ensemble");
  const Tagger loaded = Tagger::load(path);
  std::filesystem::remove(path);
  for (const Sentence& gold : tiny_corpus()) {
    Sentence s = forms_only(gold);
    ensemble.tag(s);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(s.words[i].upos, gold.words[i].upos) << gold.words[i].form;
      EXPECT_EQ(s.words[i].xpos, gold.words[i].xpos) << gold.words[i].form;
      EXPECT_EQ(s.words[i].feats, gold.words[i].feats) << gold.words[i].form;
    }
  }
  expect_same_tags(ensemble, loaded, {tiny_corpus().front(), unknown_words_probe()});
  o.ensemble = 0;
  EXPECT_THROW(Tagger::train(tiny_corpus(), {}, o), Error);
}

TEST(TaggerTest, AverageOfOneTagsLikeItsMemberAndMismatchesAreRejected) {
  const Tagger same = Tagger::average({&tiny_tagger()});
  expect_same_tags(tiny_tagger(), same, {unknown_words_probe()});
  // A tagger trained on other data has other labels: averaging must refuse.
  std::vector<Sentence> part = tiny_corpus();
  part.resize(2);
  TaggerTrainOptions o;
  o.epochs = 2;
  o.verbose = false;
  const Tagger other = Tagger::train(part, {}, o);
  EXPECT_THROW(Tagger::average({&tiny_tagger(), &other}), Error);
  EXPECT_THROW(Tagger::average({}), Error);
}

// `dyad train tagger --one-pass` trains the first (left-to-right) pass only:
// the file holds one weight table instead of two, so it is smaller than the
// two-pass tagger of the same data; its description says how it was made,
// and it tags. Options of another model kind are refused, not ignored.
TEST(TaggerTest, CliOnePassTrainsOneTable) {
  const std::string train = temp_path("cli_train.conllu"), one = temp_path("one.dyadm"), two = temp_path("two.dyadm");
  {
    std::ofstream out(train);
    for (const Sentence& s : tiny_corpus()) write_conllu(out, s);
  }
  const test::CommandResult a = test::run_dyad("train tagger --train " + train + " --one-pass --epochs 2 -o " + one);
  ASSERT_EQ(a.status, 0) << a.out;
  const test::CommandResult b = test::run_dyad("train tagger --train " + train + " --epochs 2 -o " + two);
  ASSERT_EQ(b.status, 0) << b.out;
  EXPECT_LT(std::filesystem::file_size(one), std::filesystem::file_size(two));
  EXPECT_NE(test::run_dyad("model info " + one).out.find("--one-pass"), std::string::npos);
  EXPECT_EQ(test::run_dyad("model info " + two).out.find("--one-pass"), std::string::npos);
  Sentence s = tiny_corpus().front();
  for (Word& w : s.words) w.upos.clear(), w.xpos.clear();
  Tagger::load(one).tag(s);
  EXPECT_EQ(s.words[0].upos, tiny_corpus().front().words[0].upos);
  for (const char* misplaced : {"train parser --one-pass", "train tagger --jackknife 2", "train splitter --ensemble 2"}) {
    const test::CommandResult r = test::run_dyad(std::string(misplaced) + " --train " + train + " -o " + temp_path("x.dyadm"));
    EXPECT_NE(r.status, 0) << misplaced;
    EXPECT_NE(r.out.find("only"), std::string::npos) << misplaced << ": " << r.out;
  }
  for (const std::string& p : {train, one, two}) std::filesystem::remove(p);
}

TEST(TaggerTest, RejectsTruncatedAndCorruptedModels) {
  std::string path = temp_path("damaged.dyadm");
  tiny_tagger().save(path, "tiny test corpus");
  std::string bytes = slurp(path);
  ASSERT_GT(bytes.size(), 100u);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 17);
  EXPECT_THROW(Tagger::load(path), Error);
  std::string corrupt = bytes;
  corrupt[corrupt.size() - 40] ^= 0x5a;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << corrupt;
  EXPECT_THROW(Tagger::load(path), Error);
  EXPECT_THROW(Tagger::load(temp_path("does_not_exist.dyadm")), Error);
  std::filesystem::remove(path);
}

// The lemmatizer cases need the real model (trained on EWT).
const Tagger* real_tagger() {
  static const std::unique_ptr<Tagger> t = []() -> std::unique_ptr<Tagger> {
    std::string path = std::string(DYAD_SOURCE_DIR) + "/data/models/tagger.dyadm";
    if (!std::filesystem::exists(path)) return nullptr;
    return std::make_unique<Tagger>(Tagger::load(path));
  }();
  return t.get();
}

struct LemmaCase {
  std::vector<const char*> forms;
  std::size_t index;
  const char* lemma;
};

TEST(TaggerTest, LemmatizerCases) {
  const Tagger* t = real_tagger();
  if (!t) GTEST_SKIP() << "data/models/tagger.dyadm not trained yet";
  const LemmaCase cases[] = {
      // Irregular verbs.
      {{"The", "ministers", "were", "in", "Rome", "."}, 2, "be"},
      {{"She", "went", "home", "yesterday", "."}, 1, "go"},
      {{"They", "have", "taken", "the", "city", "."}, 2, "take"},
      // Plurals, regular and irregular.
      {{"The", "children", "are", "safe", "."}, 1, "child"},
      {{"Several", "cities", "were", "shelled", "."}, 1, "city"},
      {{"The", "women", "marched", "."}, 1, "woman"},
      // Comparatives and superlatives.
      {{"This", "plan", "is", "better", "than", "that", "one", "."}, 3, "good"},
      {{"It", "was", "the", "largest", "protest", "in", "years", "."}, 3, "large"},
      // Proper nouns keep their case; sentence-initial words do not.
      {{"Obama", "visited", "Berlin", "."}, 2, "Berlin"},
      {{"Soldiers", "stopped", "the", "convoy", "."}, 0, "soldier"},
      // Unseen words through suffix rules (doubled consonant, -ies, -ied).
      {{"Soldiers", "stopped", "the", "convoy", "."}, 1, "stop"},
      {{"The", "army", "glorbified", "the", "region", "."}, 2, "glorbify"},
      {{"Many", "glorbities", "were", "seen", "."}, 1, "glorbity"},
      {{"Rebels", "are", "frobnicating", "the", "city", "."}, 2, "frobnicate"},
  };
  for (const LemmaCase& c : cases) {
    Sentence s;
    for (const char* f : c.forms) {
      Word w;
      w.form = f;
      s.words.push_back(w);
    }
    t->tag(s);
    EXPECT_EQ(s.words[c.index].lemma, c.lemma)
        << s.words[c.index].form << " tagged " << s.words[c.index].xpos;
  }
}

TEST(TaggerTest, CommittedModelScoresOnEwtDev) {
  const Tagger* t = real_tagger();
  if (!t) GTEST_SKIP() << "data/models/tagger.dyadm not trained yet";
  std::string dev = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << dev << " absent";
  std::vector<Sentence> gold = read_conllu_file(dev);
  gold.resize(std::min<std::size_t>(gold.size(), 300));
  std::size_t n = 0, correct = 0;
  for (const Sentence& g : gold) {
    Sentence s = forms_only(g);
    t->tag(s);
    for (std::size_t i = 0; i < s.words.size(); ++i, ++n) correct += s.words[i].upos == g.words[i].upos;
  }
  ASSERT_GT(n, 1000u);
  EXPECT_GE(100.0 * correct / n, 95.0);
}

}  // namespace
}  // namespace dyad
