// Sums of int16 weight rows into int32 scores, shared by the parser's and the
// tagger's perceptron tables (their "dense" rows: the few frequent features
// that have a weight for a sizeable share of the classes).
#pragma once

#include <cstddef>
#include <cstdint>

namespace dyad::detail {

/// scores[0, n) += the sum of rows[0, count)[0, n). Each row is padded with
/// zeros to `stride` classes, a multiple of 8. Integer sums: the result does
/// not depend on the order of the rows.
void add_dense_rows(const std::int16_t* const* rows, std::size_t count, int n, int stride, std::int32_t* scores);

}  // namespace dyad::detail
