// A small parser weight table with every kind of row, for the tests of
// scoring (dense_rows_test.cpp) and of load-time checks
// (weight_validation_test.cpp).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "nlp/parser_weights.h"

namespace dyad::detail {

/// 300 features of 100 classes: inline rows (1-2 classes), overflow rows (3
/// to 15) and dense rows (>= num_classes / 6 = 16). Their keys go to `keys`.
inline CompactWeights mixed_parser_table(std::vector<std::uint64_t>& keys, std::uint64_t seed = 11) {
  constexpr int kClasses = 100;
  TrainWeights w(kClasses);
  std::mt19937_64 rng(seed);
  std::uint64_t now = 1;
  for (int f = 0; f < 300; ++f) {
    const std::uint64_t key = rng() | 1;
    keys.push_back(key);
    const int classes = f % 3 == 0 ? 1 + f % 2 : f % 3 == 1 ? 3 + f % 13 : 16 + f % 85;
    for (int c = 0; c < classes; ++c)
      w.update({key}, (c * 37 + f) % kClasses, static_cast<float>(static_cast<int>(rng() % 200) - 100), now++);
  }
  return CompactWeights::from_training(w, now, kClasses, 0.0);
}

}  // namespace dyad::detail
