// See dense_rows.h.
#include "nlp/dense_rows.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "common/vector_clones.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace dyad::detail {
namespace {

// Without AVX2: one plain (auto-vectorized) pass per row.
void add_dense_rows_scalar(const std::int16_t* const* rows, std::size_t count, int n, std::int32_t* scores) {
  for (std::size_t r = 0; r < count; ++r)
    for (int c = 0; c < n; ++c) scores[c] += rows[r][c];
}

#if defined(__x86_64__) && defined(__GNUC__)
// With AVX2 the sums of up to 64 classes at a time stay in registers and are
// added to scores once, so a row costs its loads and adds only, not a load and
// a store of the scores too.
template <int kVectors>
[[gnu::target("avx2"), gnu::always_inline]] inline void add_dense_block_avx2(
    const std::int16_t* const* rows, std::size_t count, int offset, int n, std::int32_t* scores) {
  __m256i acc[kVectors];
#pragma GCC unroll 8
  for (int v = 0; v < kVectors; ++v) acc[v] = _mm256_setzero_si256();
  for (std::size_t r = 0; r < count; ++r) {
    const std::int16_t* row = rows[r] + offset;
#pragma GCC unroll 8
    for (int v = 0; v < kVectors; ++v) {
      const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8 * v));
      acc[v] = _mm256_add_epi32(acc[v], _mm256_cvtepi16_epi32(w));
    }
  }
  alignas(32) std::int32_t sums[8 * kVectors];
#pragma GCC unroll 8
  for (int v = 0; v < kVectors; ++v) _mm256_store_si256(reinterpret_cast<__m256i*>(sums + 8 * v), acc[v]);
  const int end = std::min(n - offset, 8 * kVectors);
  for (int c = 0; c < end; ++c) scores[offset + c] += sums[c];
}

[[gnu::target("avx2")]] void add_dense_rows_avx2(const std::int16_t* const* rows, std::size_t count, int n,
                                                 int stride, std::int32_t* scores) {
  for (int offset = 0; offset < stride; offset += 64) {
    switch (std::min(64, stride - offset) / 8) {
      case 8: add_dense_block_avx2<8>(rows, count, offset, n, scores); break;
      case 7: add_dense_block_avx2<7>(rows, count, offset, n, scores); break;
      case 6: add_dense_block_avx2<6>(rows, count, offset, n, scores); break;
      case 5: add_dense_block_avx2<5>(rows, count, offset, n, scores); break;
      case 4: add_dense_block_avx2<4>(rows, count, offset, n, scores); break;
      case 3: add_dense_block_avx2<3>(rows, count, offset, n, scores); break;
      case 2: add_dense_block_avx2<2>(rows, count, offset, n, scores); break;
      default: add_dense_block_avx2<1>(rows, count, offset, n, scores); break;
    }
  }
}

// The bounded sums. A run of rows whose bounds add up to at most 32,767 is
// summed with 16-bit adds (one instruction per 16 classes per row instead of
// four) in registers, up to 192 classes (12 vectors of 16 lanes, and a
// 128-bit half vector when the width is an odd multiple of 8), then widened
// to int32: into `wide` while more runs follow, into the scores (with
// `wide`) after the last.
constexpr int kMaxVectors16 = 12;
constexpr int kMaxBoundedStride = 16 * kMaxVectors16;
constexpr int kInt16Budget = 32767;

template <bool kAdd>
[[gnu::target("avx2"), gnu::always_inline]] inline void widen_eight(std::int32_t* to, __m128i eight) {
  __m256i* p = reinterpret_cast<__m256i*>(to);
  const __m256i wide = _mm256_cvtepi16_epi32(eight);
  _mm256_store_si256(p, kAdd ? _mm256_add_epi32(_mm256_load_si256(p), wide) : wide);
}

// Lanes [8k, 8k + 8) of the accumulators.
template <int kVec, int kChunk>
[[gnu::target("avx2"), gnu::always_inline]] inline __m128i eight_lanes(const __m256i* acc, __m128i half) {
  if constexpr (kChunk / 2 == kVec) {
    return half;
  } else if constexpr (kChunk % 2 == 0) {
    return _mm256_castsi256_si128(acc[kChunk / 2]);
  } else {
    return _mm256_extracti128_si256(acc[kChunk / 2], 1);
  }
}

template <int kVec, bool kHalf, bool kAdd, int... kChunk>
[[gnu::target("avx2"), gnu::always_inline]] inline void widen_into(const __m256i* acc, __m128i half,
                                                                   std::int32_t* wide,
                                                                   std::integer_sequence<int, kChunk...>) {
  (widen_eight<kAdd>(wide + 8 * kChunk, eight_lanes<kVec, kChunk>(acc, half)), ...);
}

// scores[c] += wide[c] (when `with_wide`) + lane c of `eight`, for the
// lanes c of chunk k below n: a whole chunk straight into the scores, the one
// n cuts through `wide`.
[[gnu::target("avx2"), gnu::always_inline]] inline void add_chunk(int k, __m128i eight, std::int32_t* wide,
                                                                  bool with_wide, int n, std::int32_t* scores) {
  __m256i sum = _mm256_cvtepi16_epi32(eight);
  __m256i* w = reinterpret_cast<__m256i*>(wide + 8 * k);
  if (with_wide) sum = _mm256_add_epi32(sum, _mm256_load_si256(w));
  if (8 * k + 8 <= n) {
    __m256i* to = reinterpret_cast<__m256i*>(scores + 8 * k);
    _mm256_storeu_si256(to, _mm256_add_epi32(_mm256_loadu_si256(to), sum));
  } else if (8 * k < n) {
    _mm256_store_si256(w, sum);
    for (int c = 8 * k; c < n; ++c) scores[c] += wide[c];
  }
}

template <int kVec, int... kChunk>
[[gnu::target("avx2"), gnu::always_inline]] inline void add_last_run(const __m256i* acc, __m128i half,
                                                                     std::int32_t* wide, bool with_wide, int n,
                                                                     std::int32_t* scores,
                                                                     std::integer_sequence<int, kChunk...>) {
  (add_chunk(kChunk, eight_lanes<kVec, kChunk>(acc, half), wide, with_wide, n, scores), ...);
}

template <int kVec, bool kHalf>
[[gnu::target("avx2")]] void add_bounded_block(const std::int16_t* const* rows, const std::size_t* run_ends,
                                               std::size_t runs, int n, std::int32_t* scores) {
  constexpr auto kChunks = std::make_integer_sequence<int, 2 * kVec + (kHalf ? 1 : 0)>();
  alignas(32) std::int32_t wide[16 * kVec + (kHalf ? 8 : 0)];
  for (std::size_t i = 0, r = 0; i < runs; ++i) {
    __m256i acc[kVec > 0 ? kVec : 1];
    __m128i half = _mm_setzero_si128();
#pragma GCC unroll 12
    for (int v = 0; v < kVec; ++v) acc[v] = _mm256_setzero_si256();
    for (; r < run_ends[i]; ++r) {
      const std::int16_t* row = rows[r];
      const __m256i* vectors = reinterpret_cast<const __m256i*>(row);
#pragma GCC unroll 12
      for (int v = 0; v < kVec; ++v) acc[v] = _mm256_add_epi16(acc[v], _mm256_loadu_si256(vectors + v));
      if constexpr (kHalf) half = _mm_add_epi16(half, _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 16 * kVec)));
      // Pins the sums to registers: without it GCC 12 copied them all to the
      // stack on every row (more instructions than the adds themselves).
#pragma GCC unroll 12
      for (int v = 0; v < kVec; ++v) asm("" : "+x"(acc[v]));
      if constexpr (kHalf) asm("" : "+x"(half));
    }
    if (i + 1 == runs) {
      add_last_run<kVec>(acc, half, wide, i > 0, n, scores, kChunks);
    } else if (i == 0) {
      widen_into<kVec, kHalf, false>(acc, half, wide, kChunks);
    } else {
      widen_into<kVec, kHalf, true>(acc, half, wide, kChunks);
    }
  }
}

using BoundedBlock = void (*)(const std::int16_t* const*, const std::size_t*, std::size_t, int, std::int32_t*);

// Entry 2 * vectors + half: every stride from 8 to 192 classes.
template <std::size_t... I>
constexpr std::array<BoundedBlock, sizeof...(I)> bounded_blocks(std::index_sequence<I...>) {
  return {&add_bounded_block<static_cast<int>(I / 2), I % 2 != 0 || I == 0>...};  // entry 0 (no lanes): unused
}
constexpr std::array<BoundedBlock, 2 * kMaxVectors16 + 1> kBoundedBlocks =
    bounded_blocks(std::make_index_sequence<2 * kMaxVectors16 + 1>());

// Strides up to 192 classes (the parser's 185, the tagger's) and batches of up
// to 512 rows; others take the unbounded path.
void add_bounded_rows_avx2(const std::int16_t* const* rows, const std::uint16_t* bounds, std::size_t count, int n,
                           int stride, std::int32_t* scores) {
  constexpr std::size_t kMaxRows = 512;
  if (count == 0) return;
  if (stride > kMaxBoundedStride || count > kMaxRows) return add_dense_rows_avx2(rows, count, n, stride, scores);
  std::size_t run_ends[kMaxRows];
  std::size_t runs = 0;
  for (std::size_t r = 1, budget = bounds[0]; r < count; budget += bounds[r++]) {
    if (budget + bounds[r] > kInt16Budget) {  // row r starts a run
      run_ends[runs++] = r;
      budget = 0;
    }
  }
  run_ends[runs++] = count;
  kBoundedBlocks[static_cast<std::size_t>(stride / 16 * 2 + stride % 16 / 8)](rows, run_ends, runs, n, scores);
}
#endif

}  // namespace

std::uint16_t dense_row_bound(const std::int16_t* row, int n) {
  int bound = 0;
  for (int c = 0; c < n; ++c) bound = std::max(bound, std::abs(static_cast<int>(row[c])));
  return static_cast<std::uint16_t>(bound);
}

std::vector<std::uint16_t> dense_row_bounds(const std::int16_t* rows, std::size_t count, std::size_t stride,
                                            int n) {
  std::vector<std::uint16_t> bounds(count);
  for (std::size_t r = 0; r < count; ++r) bounds[r] = dense_row_bound(rows + r * stride, n);
  return bounds;
}

void add_dense_rows(const std::int16_t* const* rows, const std::uint16_t* bounds, std::size_t count, int n,
                    int stride, std::int32_t* scores) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (cpu_has_avx2()) return add_bounded_rows_avx2(rows, bounds, count, n, stride, scores);
#endif
  (void)bounds;
  (void)stride;
  add_dense_rows_scalar(rows, count, n, scores);
}

}  // namespace dyad::detail
