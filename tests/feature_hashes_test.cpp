// The committed models are indexed by feature hashes: a change to how the
// tagger's or the parser's features are hashed, ordered or appended silently
// turns most weight lookups into misses. These tests pin the features of a
// fixed sentence (counts and a fingerprint of every hash, as the code that
// trained the models computes them; the values were taken from the code of
// commit 702330d, whose parses of EWT are those of the committed models) so
// such a change fails here first.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/hash.h"
#include "nlp/parser_features.h"
#include "nlp/tagger_features.h"
#include "nlp/transition.h"

namespace dyad::detail {
namespace {

Sentence fixed_sentence() {
  Sentence s;
  const char* words[][4] = {{"Azerbaijan", "PROPN", "NNP", "Azerbaijan"}, {"expelled", "VERB", "VBD", "expel"},
                            {"two", "NUM", "CD", "two"},                  {"French", "ADJ", "JJ", "French"},
                            {"diplomats", "NOUN", "NNS", "diplomat"},     {"in", "ADP", "IN", "in"},
                            {"2023", "NUM", "CD", "2023"},                {".", "PUNCT", ".", "."}};
  for (const auto& w : words) {
    Word word;
    word.form = w[0];
    word.upos = w[1];
    word.xpos = w[2];
    word.lemma = w[3];
    s.words.push_back(word);
  }
  return s;
}

// Order-sensitive: a reordered list changes it too.
std::uint64_t fingerprint(const std::vector<std::uint64_t>& ids) {
  std::uint64_t h = 0;
  for (std::uint64_t id : ids) h = mix64(h ^ id);
  return h;
}

TEST(FeatureHashes, TaggerFeaturesOfAFixedSentence) {
  const Sentence s = fixed_sentence();
  std::vector<TokenInfo> tokens;
  prepare_tokens(s, TagDict(), tokens);
  const int left[8] = {3, 15, 8, 0, 7, 1, 8, 12}, right[8] = {11, 15, 8, 0, 7, 1, 8, 12};
  std::vector<std::uint64_t> words, tags_left, tags_both;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t before = words.size();
    words.push_back(i);  // features are appended, not assigned
    static_features(tokens, i, words);
    EXPECT_EQ(words.size() - before, 1u + 34u) << "word " << i;
    tag_features(tokens, i, left, nullptr, tags_left);
    tag_features(tokens, i, left, right, tags_both);
  }
  EXPECT_EQ(tags_left.size(), 8u * 7u);
  EXPECT_EQ(tags_both.size(), 8u * 19u);
  EXPECT_EQ(fingerprint(words), 16408829155071367798ull);
  EXPECT_EQ(fingerprint(tags_left), 13180870688024119200ull);
  EXPECT_EQ(fingerprint(tags_both), 14142675436495074113ull);
}

TEST(FeatureHashes, ParserFeaturesAlongAFixedDerivation) {
  const Sentence s = fixed_sentence();
  TokenHashes tokens;
  tokens.build(s);
  ArcHybridState st;
  st.reset(static_cast<int>(s.words.size()));
  std::vector<std::uint64_t> all, step;
  // SHIFT until the buffer holds ROOT only, then RIGHT arcs with label 1 and
  // the last word onto ROOT with label 0.
  while (!st.terminal()) {
    extract_features(st, tokens, step);
    all.insert(all.end(), step.begin(), step.end());
    if (st.can_shift()) st.apply(kShift);
    else if (st.can_right()) st.apply(right_class(1));
    else st.apply(left_class(0));
  }
  EXPECT_EQ(all.size(), 1824u);
  EXPECT_EQ(fingerprint(all), 4085409823750336144ull);
}

}  // namespace
}  // namespace dyad::detail
