// The parser reuses a feature group's scores while FeatureGroupValidity says
// the group still holds (parser_features.h). These tests walk random valid
// transition sequences and check that every group it calls valid extracts
// exactly the features it had when its scores were computed, so reusing the
// scores can never change a parse.
#include "nlp/parser_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "nlp/transition.h"

namespace dyad::detail {
namespace {

Sentence random_sentence(std::mt19937& rng, int n) {
  static const char* forms[] = {"the", "Dog", "saw", "a", "cat", "in", "2001", "U.S.", ",", "and", "ran", "."};
  static const char* tags[] = {"DT", "NNP", "VBD", "DT", "NN", "IN", "CD", "NNP", ",", "CC", "VBD", "."};
  Sentence s;
  for (int i = 0; i < n; ++i) {
    const std::size_t k = rng() % std::size(forms);
    Word w;
    w.form = forms[k];
    w.xpos = tags[k];
    w.upos = std::string("U") + tags[k];
    w.lemma = std::string(forms[k]) + "_";
    s.words.push_back(w);
  }
  return s;
}

// A random valid class: SHIFT, LEFT or RIGHT with a random label.
int random_class(std::mt19937& rng, const ArcHybridState& st, int num_labels, int root_label) {
  std::vector<std::uint8_t> valid;
  valid_classes(st, num_labels, root_label, valid);
  std::vector<int> options;
  for (int c = 0; c < static_cast<int>(valid.size()); ++c)
    if (valid[static_cast<std::size_t>(c)]) options.push_back(c);
  return options[rng() % options.size()];
}

TEST(ParserFeatureGroups, GroupsHoldTheSameFeaturesAsOneList) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    const Sentence sentence = random_sentence(rng, 1 + trial % 17);
    TokenHashes tokens;
    tokens.build(sentence);
    ArcHybridState st;
    st.reset(static_cast<int>(sentence.words.size()));
    std::vector<std::uint64_t> all;
    ParserFeatures grouped;
    while (!st.terminal()) {
      extract_features(st, tokens, all);
      extract_features(st, tokens, grouped);
      std::vector<std::uint64_t> joined;
      for (const FeatureList& g : grouped.group) joined.insert(joined.end(), g.begin(), g.end());
      std::sort(all.begin(), all.end());
      std::sort(joined.begin(), joined.end());
      ASSERT_EQ(all, joined);
      EXPECT_FALSE(grouped.group[kVolatile].empty());
      EXPECT_FALSE(grouped.group[kStack].empty());
      // Extracting only some groups hashes those alike and leaves the rest empty.
      const unsigned some = (1u << kVolatile) | (1u << kS0Right) | (trial % 2 ? 1u << kBuffer : 0u);
      ParserFeatures part;
      extract_features(st, tokens, part, some);
      for (int g = 0; g < kFeatureGroups; ++g) {
        if (some >> g & 1u) EXPECT_EQ(part.group[g], grouped.group[g]) << "group " << g;
        else EXPECT_TRUE(part.group[g].empty()) << "group " << g;
      }
      st.apply(random_class(rng, st, 6, 0));
    }
  }
}

TEST(ParserFeatureGroups, ValidGroupsKeepTheirFeatures) {
  std::mt19937 rng(11);
  std::map<int, int> reused;  // by group: configurations that reused it
  for (int trial = 0; trial < 300; ++trial) {
    const Sentence sentence = random_sentence(rng, 1 + trial % 25);
    const int n = static_cast<int>(sentence.words.size());
    TokenHashes tokens;
    tokens.build(sentence);
    ArcHybridState st;
    st.reset(n);
    FeatureGroupValidity validity;
    validity.reset(n);
    // What each group extracted when it was last marked valid (by depth for
    // the per-depth groups, as the parser keeps their scores).
    std::map<std::pair<int, std::size_t>, FeatureList> when_valid;
    ParserFeatures f;
    while (!st.terminal()) {
      extract_features(st, tokens, f);
      for (int g = kVolatile; g < kFeatureGroups; ++g) {
        const auto group = static_cast<ParserFeatureGroup>(g);
        const auto key = std::make_pair(g, kept_per_depth(group) ? st.stack.size() : 0);
        if (validity.valid(group, st)) {
          ASSERT_NE(group, kVolatile);
          ASSERT_EQ(when_valid[key], f.group[g]) << "group " << g << " went stale in trial " << trial;
          ++reused[g];
        } else {
          when_valid[key] = f.group[g];
          validity.set_valid(group, st);
        }
      }
      const int cls = random_class(rng, st, 6, 0);
      st.apply(cls);
      validity.after(cls, st);
    }
  }
  // The walk must exercise every reusable group, or it proves nothing.
  for (int g = kBuffer; g < kFeatureGroups; ++g) EXPECT_GT(reused[g], 100) << "group " << g;
  EXPECT_EQ(reused.count(kVolatile), 0u);
}

}  // namespace
}  // namespace dyad::detail
