// See dense_rows.h.
#include "nlp/dense_rows.h"

#include <algorithm>

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
#endif

}  // namespace

void add_dense_rows(const std::int16_t* const* rows, std::size_t count, int n, int stride, std::int32_t* scores) {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");  // a CPU fact, set once
  if (avx2) return add_dense_rows_avx2(rows, count, n, stride, scores);
#endif
  (void)stride;
  add_dense_rows_scalar(rows, count, n, scores);
}

}  // namespace dyad::detail
