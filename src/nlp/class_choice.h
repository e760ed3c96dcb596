// The parser's choice of transition: the best-scoring class among those the
// configuration allows, ties going to the first in a fixed order. Its own
// file because it runs once per transition over all ~185 classes: AVX2 where
// the CPU has it (chosen once at run time), a plain scan elsewhere, both
// giving the same class (tests/class_choice_test.cpp).
#pragma once

#include <cstdint>

namespace dyad::detail {

/// Which classes a configuration allows (class layout: transition.h; SHIFT
/// is class 0, LEFT with label l is 1 + 2l, RIGHT with label l is 2 + 2l).
struct ClassChoice {
  int num_labels = 0;
  int root_label = 0;
  bool shift = false;      ///< SHIFT
  bool left = false;       ///< LEFT with any label but the root label
  bool left_root = false;  ///< LEFT with the root label (onto ROOT only)
  bool right = false;      ///< RIGHT with any label but the root label
};

/// The allowed class with the highest score; ties go to the first in the
/// order SHIFT, LEFT by label, RIGHT by label. -1 when no class is allowed
/// (or all allowed score INT_MIN). `scores` has 1 + 2 * num_labels entries
/// and must be readable up to the next multiple of 8 (the padding is never
/// chosen).
int first_best_class(const ClassChoice& choice, const std::int32_t* scores);

/// The same by a plain scan in that order, for CPUs without AVX2 and as the
/// tests' reference.
int first_best_class_scan(const ClassChoice& choice, const std::int32_t* scores);

}  // namespace dyad::detail
