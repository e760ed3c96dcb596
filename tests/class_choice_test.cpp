// The parser's transition choice: the vector path must pick exactly the class
// the plain scan picks (ties included), for every kind of configuration.
#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <random>
#include <vector>

#include "nlp/class_choice.h"

namespace dyad::detail {
namespace {

TEST(ClassChoice, AgreesWithTheScanOnRandomScoresAndTies) {
  std::mt19937 rng(5);
  for (int labels : {1, 2, 3, 4, 7, 46, 92, 200, 255, 300}) {  // 300: beyond the vector path's 512 classes
    const int classes = 1 + 2 * labels;
    std::vector<std::int32_t> scores((classes + 7) / 8 * 8);
    for (int trial = 0; trial < 400; ++trial) {
      // Few distinct values make ties common; padding lanes score highest.
      const int spread = trial % 3 == 0 ? 3 : trial % 3 == 1 ? 50 : 1 << 30;
      std::uniform_int_distribution<int> value(-spread, spread);
      for (int c = 0; c < classes; ++c) scores[c] = value(rng);
      for (std::size_t c = classes; c < scores.size(); ++c) scores[c] = INT_MAX;
      if (trial % 7 == 0) scores[rng() % classes] = INT_MIN;
      ClassChoice choice;
      choice.num_labels = labels;
      choice.root_label = static_cast<int>(rng() % labels);
      choice.shift = rng() % 2;
      choice.left_root = rng() % 4 == 0;
      choice.left = !choice.left_root && rng() % 3 != 0;
      choice.right = rng() % 3 != 0;
      EXPECT_EQ(first_best_class(choice, scores.data()), first_best_class_scan(choice, scores.data()))
          << "labels=" << labels << " trial=" << trial;
    }
  }
}

TEST(ClassChoice, OrderAndEdgeCases) {
  // Four labels, root label 2: classes 0 SHIFT, LEFT 1 3 5 7, RIGHT 2 4 6 8.
  std::vector<std::int32_t> scores(16, 0);
  ClassChoice choice;
  choice.num_labels = 4;
  choice.root_label = 2;
  EXPECT_EQ(first_best_class(choice, scores.data()), -1);  // nothing allowed
  choice.shift = choice.left = choice.right = true;
  EXPECT_EQ(first_best_class(choice, scores.data()), 0);  // all tie: SHIFT first
  choice.shift = false;
  EXPECT_EQ(first_best_class(choice, scores.data()), 1);  // then LEFT by label
  scores[8] = 9;                                          // RIGHT, label 3
  scores[6] = 10;                                         // RIGHT with the root label: never
  scores[5] = 10;                                         // LEFT with the root label: only onto ROOT
  EXPECT_EQ(first_best_class(choice, scores.data()), 8);
  choice.left = false;
  choice.left_root = true;
  EXPECT_EQ(first_best_class(choice, scores.data()), 5);
  for (std::int32_t& s : scores) s = INT_MIN;  // the scan never takes INT_MIN
  EXPECT_EQ(first_best_class(choice, scores.data()), -1);
}

}  // namespace
}  // namespace dyad::detail
