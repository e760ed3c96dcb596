// Batched scoring of the perceptron tables: the parser's CompactWeights::score
// and the tagger's SparseWeights::add_all look up many features at once (slots
// fetched a few features ahead, dense rows summed in registers). Whatever the
// batching, a batch must score exactly as its features one at a time.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "nlp/dense_rows.h"
#include "nlp/parser_weights.h"
#include "nlp/perceptron.h"
#include "parser_table.h"

namespace dyad::detail {
namespace {

// Dense rows are summed in 16-bit runs (widths up to 192, batches up to 512
// rows) or in 32 bits (wider, longer); whatever the weights, the sums must be
// the plain loop's. Rows of large weights make runs of one or two rows, where
// 16-bit sums over a longer run would wrap.
TEST(DenseRows, SumsEqualPlainLoops) {
  std::mt19937 rng(11);
  for (int n : {1, 7, 8, 9, 17, 50, 100, 104, 129, 185, 192, 193, 250}) {
    const int stride = (n + 7) / 8 * 8;
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{13}, std::size_t{70},
                              std::size_t{511}, std::size_t{600}}) {
      for (int limit : {300, 4000, 32767}) {
        std::uniform_int_distribution<int> weight(-limit, limit);
        // Padding lanes are not zero, to show they are never added.
        std::vector<std::int16_t> data(count * stride, 32767);
        std::vector<const std::int16_t*> rows;
        std::vector<std::uint16_t> bounds;
        for (std::size_t r = 0; r < count; ++r) {
          std::int16_t* row = data.data() + r * stride;
          for (int c = 0; c < n; ++c) row[c] = static_cast<std::int16_t>(weight(rng));
          if (r % 5 == 0) row[r % n] = r % 10 == 0 ? -32768 : 32767;  // the extremes
          rows.push_back(row);
          bounds.push_back(dense_row_bound(row, n));
        }
        std::vector<std::int32_t> got(n + 1), want(n + 1);
        for (int c = 0; c <= n; ++c) got[c] = want[c] = 1000 - c * 7;
        for (std::size_t r = 0; r < count; ++r)
          for (int c = 0; c < n; ++c) want[c] += rows[r][c];
        add_dense_rows(rows.data(), bounds.data(), rows.size(), n, stride, got.data());
        EXPECT_EQ(got, want) << "n=" << n << " count=" << count << " limit=" << limit;
      }
    }
  }
}

TEST(DenseRows, RowBoundIsTheLargestMagnitudeBelowN) {
  const std::int16_t row[16] = {3, -9, 4, 0, 0, 0, 0, 0, -32768, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(dense_row_bound(row, 8), 9);
  EXPECT_EQ(dense_row_bound(row, 9), 32768);  // |-32768| fits the uint16 bound
  EXPECT_EQ(dense_row_bound(row, 0), 0);
}

TEST(ParserWeights, ABatchScoresAsItsFeaturesOneByOne) {
  std::vector<std::uint64_t> keys;
  const CompactWeights w = mixed_parser_table(keys);
  ASSERT_GT(w.num_dense_rows(), 10u);
  // Known keys (some twice) and unknown ones, more than the look-ahead.
  std::vector<std::uint64_t> batch;
  for (std::size_t i = 0; i < keys.size(); i += 2) batch.push_back(keys[i]);
  for (std::uint64_t k = 0; k < 20; ++k) batch.push_back(mix64(k + 12345));
  batch.insert(batch.end(), keys.begin(), keys.begin() + 40);
  const int n = w.num_classes();
  std::vector<std::int32_t> together(n, 0), one_by_one(n, 0);
  w.score(batch, together.data());
  for (std::uint64_t key : batch) w.score({key}, one_by_one.data());
  EXPECT_EQ(together, one_by_one);
  EXPECT_NE(together, std::vector<std::int32_t>(n, 0));
  // Beyond one batch's 512 features nothing is dropped.
  std::vector<std::uint64_t> many;
  while (many.size() < 1300) many.insert(many.end(), keys.begin(), keys.end());
  std::vector<std::int32_t> long_batch(n, 0), each(n, 0);
  w.score(many, long_batch.data());
  for (std::uint64_t key : many) w.score({key}, each.data());
  EXPECT_EQ(long_batch, each);
}

// A tagger-style table of 200 random keys; key f has weights for 1 + f %
// classes classes, so short (sparse) and long (dense) rows both occur.
SparseWeights tagger_table(int classes, std::uint64_t seed, std::vector<std::uint64_t>& keys) {
  PerceptronTrainer t(classes);
  std::mt19937_64 rng(seed);
  for (int f = 0; f < 200; ++f) {
    const std::uint64_t key = rng() | 1;
    keys.push_back(key);
    for (int c = 0; c < 1 + f % classes; ++c) t.update(&key, 1, (c * 7 + f) % classes, (c * 11 + 1) % classes);
    t.tick();
  }
  return t.finalize(0.0f);
}

TEST(PerceptronWeights, AddAllScoresAsAddToForEachKey) {
  for (int classes : {5, 50, 300}) {  // 300: above the integer path's class limit
    std::vector<std::uint64_t> keys;
    const SparseWeights w = tagger_table(classes, 3, keys);
    std::vector<std::uint64_t> batch(keys.begin(), keys.end());
    for (std::uint64_t k = 0; k < 30; ++k) batch.push_back(mix64(k + 999));
    std::vector<float> together(classes, 1.5f), one_by_one(classes, 1.5f);
    w.add_all(batch.data(), batch.size(), together.data());
    for (std::uint64_t key : batch) w.add_to(key, one_by_one.data());
    double largest = 0;
    for (float s : one_by_one) largest = std::max(largest, static_cast<double>(std::fabs(s)));
    ASSERT_GT(largest, 0.0);
    // The batch sums exact integers and scales once; one by one rounds each add.
    for (int c = 0; c < classes; ++c) EXPECT_NEAR(together[c], one_by_one[c], 1e-5 * largest) << classes << " " << c;
  }
}

// The tagger scores all words of a sentence in one add_groups call; each word
// must get exactly what add_all gives it alone (empty groups included).
TEST(PerceptronWeights, AddGroupsScoresEachGroupAsAddAll) {
  constexpr int kClasses = 40;
  std::vector<std::uint64_t> keys;
  const SparseWeights w = tagger_table(kClasses, 5, keys);
  std::vector<std::size_t> ends;
  for (std::size_t size : {5u, 0u, 31u, 1u, 64u, 70u, 0u, 13u}) ends.push_back((ends.empty() ? 0 : ends.back()) + size);
  ASSERT_LE(ends.back(), keys.size());
  std::vector<std::vector<float>> grouped(ends.size(), std::vector<float>(kClasses, 0.25f)), alone = grouped;
  std::vector<float*> outs;
  for (auto& g : grouped) outs.push_back(g.data());
  w.add_groups(keys.data(), ends.data(), ends.size(), outs.data());
  for (std::size_t g = 0, first = 0; g < ends.size(); first = ends[g++])
    w.add_all(keys.data() + first, ends[g] - first, alone[g].data());
  EXPECT_EQ(grouped, alone);
  EXPECT_NE(grouped[2], std::vector<float>(kClasses, 0.25f));
}

}  // namespace
}  // namespace dyad::detail
