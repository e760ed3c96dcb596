// Batch scoring shared by the parser's and the tagger's perceptron tables:
// how far ahead their lookups prefetch, and the sums of their "dense" rows
// (the few frequent features that have a weight for a sizeable share of the
// classes) as int16 rows into int32 scores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dyad::detail {

/// A batch lookup prefetches the slot of the key this many keys ahead of the
/// one it resolves: a few misses overlap while earlier slots are read. All
/// at once, they filled the CPU's miss queue and the prefetches stalled;
/// 12 measured best of 4-64 (parser and tagger, 2026-12-01).
inline constexpr std::size_t kLookAhead = 12;

/// scores[0, n) += the sum of rows[0, count)[0, n). Each row is padded to
/// `stride` classes, a multiple of 8; lanes from n to stride are never added.
/// bounds[r] >= |rows[r][c]| for every c < n (dense_row_bound): rows are
/// summed as int16 while the sum of their bounds stays <= 32,767, which no
/// lane can then overflow, and widened to int32 once per such run. Integer
/// sums: the result does not depend on the order of the rows.
void add_dense_rows(const std::int16_t* const* rows, const std::uint16_t* bounds, std::size_t count, int n,
                    int stride, std::int32_t* scores);

/// max |row[c]| over c < n: a row's bound for add_dense_rows.
std::uint16_t dense_row_bound(const std::int16_t* row, int n);

/// The bounds of `count` rows laid out `stride` apart (a table's dense array).
std::vector<std::uint16_t> dense_row_bounds(const std::int16_t* rows, std::size_t count, std::size_t stride, int n);

}  // namespace dyad::detail
