// Statistical sentence-boundary model: train, save, load, use.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dyad/error.h"
#include "dyad/text.h"

namespace dyad {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::vector<std::string> texts(const Tokenizer& t, std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : t.segment(text)) out.push_back(s.text);
  return out;
}

Sentence gold(const std::string& text, bool new_paragraph) {
  Sentence s;
  s.text = text;
  s.new_paragraph = new_paragraph;
  return s;
}

// Web text often ends a sentence without punctuation; rules cannot see that,
// a model trained on such data can.
TEST(TextSentenceModel, LearnsUnpunctuatedBoundariesFromGold) {
  std::vector<Sentence> train;
  const char* const kFirst[] = {"call me tomorrow",  "see the attached file", "the room was clean",
                                "we loved the pool", "ask for the manager",   "check the schedule"};
  const char* const kSecond[] = {"Thanks", "Cheers", "Enjoy", "Thanks again", "Regards"};
  for (int k = 0; k < 60; ++k) {
    train.push_back(gold(kFirst[k % 6], true));
    train.push_back(gold(kSecond[k % 5], false));
    train.push_back(gold("It was fine, and we will come back next year.", false));
  }
  std::string path = temp_path("splitter.dyadm");
  train_sentence_splitter(train, path, "test model", 5, 7);

  Tokenizer rules;
  Tokenizer model = Tokenizer::load(path);
  EXPECT_FALSE(rules.has_model());
  EXPECT_TRUE(model.has_model());
  std::string text = "check the pool Thanks";
  EXPECT_EQ(texts(rules, text), (std::vector<std::string>{"check the pool Thanks"}));
  EXPECT_EQ(texts(model, text), (std::vector<std::string>{"check the pool", "Thanks"}));
  // Punctuated boundaries and paragraphs still work with the model.
  EXPECT_EQ(texts(model, "It was fine. It was fine.\n\ncall me"),
            (std::vector<std::string>{"It was fine.", "It was fine.", "call me"}));
  std::filesystem::remove(path);
}

TEST(TextSentenceModel, MissingFileNamesThePath) {
  try {
    Tokenizer::load("/nonexistent/dir/splitter.dyadm");
    FAIL() << "expected dyad::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/splitter.dyadm"), std::string::npos)
        << e.what();
  }
}

TEST(TextSentenceModel, ShippedModelKeepsNewsConventions) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/data/models/splitter.dyadm";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  Tokenizer t = Tokenizer::load(path);
  EXPECT_EQ(texts(t,
                  "Sen. Ann Lee met Gen. Ortiz in the U.S. capital on Jan. 5. Talks failed. "
                  "\"We tried,\" she said."),
            (std::vector<std::string>{"Sen. Ann Lee met Gen. Ortiz in the U.S. capital on Jan. 5.",
                                      "Talks failed.", "\"We tried,\" she said."}));
  // Line-based boundaries (lists, signatures) survive the model.
  EXPECT_EQ(texts(t, "Best regards\nAnna Berg"),
            (std::vector<std::string>{"Best regards", "Anna Berg"}));
}

}  // namespace
}  // namespace dyad
