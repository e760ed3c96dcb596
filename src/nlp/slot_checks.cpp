// See slot_checks.h.
#include "nlp/slot_checks.h"

#include <algorithm>

#include "common/vector_clones.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace dyad::detail {

#if defined(__x86_64__) && defined(__GNUC__)
namespace {

// -1 in each lane whose begin (a sparse row's header index, else 0) is not a
// row header: the lanes of RowIndex::is_row(), its bitmap read by a gather.
[[gnu::target("avx2")]] inline __m256i not_row_headers(__m256i begin, const RowIndex& rows) {
  const __m256i limit = _mm256_set1_epi32(static_cast<int>(std::min<std::uint32_t>(rows.limit(), 0x7fffffffu)));
  const __m256i in_range = _mm256_cmpgt_epi32(limit, begin);  // begins here are below 2^31
  const __m256i index = _mm256_and_si256(begin, in_range);     // out of range: bit 0, never set
  const __m256i words = _mm256_i32gather_epi32(reinterpret_cast<const int*>(rows.bits()),
                                               _mm256_srli_epi32(index, 5), 4);
  const __m256i bit = _mm256_and_si256(_mm256_srlv_epi32(words, _mm256_and_si256(index, _mm256_set1_epi32(31))),
                                       _mm256_set1_epi32(1));
  return _mm256_cmpeq_epi32(_mm256_and_si256(bit, in_range), _mm256_setzero_si256());
}

[[gnu::target("avx2")]] inline void finish(__m256i used, __m256i bad, SlotTally& tally) {
  alignas(32) std::uint32_t lanes[8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), used);
  for (std::uint32_t u : lanes) tally.used += u;
  tally.bad = tally.bad || !_mm256_testz_si256(bad, bad);
}

[[gnu::target("avx2")]] std::size_t inline_slots(const void* slots, std::size_t n, std::uint32_t classes,
                                                 std::uint32_t dense_rows, const RowIndex& rows, SlotTally& tally) {
  const __m256i zero = _mm256_setzero_si256(), ones = _mm256_set1_epi32(-1);
  const __m256i last_class = _mm256_set1_epi32(static_cast<int>(classes) - 1);
  const __m256i last_dense = _mm256_set1_epi32(static_cast<int>(std::min<std::uint32_t>(dense_rows, 0x40000000u)) - 1);
  const __m256i class_mask = _mm256_set1_epi32(0xffff);
  __m256i used = zero, bad = zero;
  const std::size_t groups = n / 8;
  const __m256i* p = static_cast<const __m256i*>(slots);
  for (std::size_t g = 0; g < groups; ++g, p += 4) {
    // Two slots per vector; 32-bit unpacks gather the begins and the inline
    // cells of eight slots (in a shuffled slot order, which no check minds).
    const __m256i a = _mm256_loadu_si256(p), b = _mm256_loadu_si256(p + 1);
    const __m256i c = _mm256_loadu_si256(p + 2), d = _mm256_loadu_si256(p + 3);
    const __m256i lo_ab = _mm256_unpacklo_epi32(a, b), hi_ab = _mm256_unpackhi_epi32(a, b);
    const __m256i lo_cd = _mm256_unpacklo_epi32(c, d), hi_cd = _mm256_unpackhi_epi32(c, d);
    const __m256i begin = _mm256_unpackhi_epi64(lo_ab, lo_cd);
    const __m256i cell0 = _mm256_unpacklo_epi64(hi_ab, hi_cd), cell1 = _mm256_unpackhi_epi64(hi_ab, hi_cd);
    const __m256i nonzero = _mm256_xor_si256(_mm256_cmpeq_epi32(begin, zero), ones);
    const __m256i inline_row = _mm256_srai_epi32(begin, 31);
    const __m256i dense_row = _mm256_andnot_si256(inline_row, _mm256_srai_epi32(_mm256_slli_epi32(begin, 1), 31));
    const __m256i sparse_row = _mm256_andnot_si256(_mm256_or_si256(inline_row, dense_row), nonzero);
    const __m256i count = _mm256_and_si256(begin, _mm256_set1_epi32(0x7fffffff));
    const __m256i class0_bad = _mm256_cmpgt_epi32(_mm256_and_si256(cell0, class_mask), last_class);
    const __m256i class1_bad = _mm256_cmpgt_epi32(_mm256_and_si256(cell1, class_mask), last_class);
    const __m256i inline_bad = _mm256_or_si256(
        _mm256_cmpgt_epi32(count, _mm256_set1_epi32(2)),
        _mm256_or_si256(_mm256_and_si256(_mm256_cmpgt_epi32(count, zero), class0_bad),
                        _mm256_and_si256(_mm256_cmpgt_epi32(count, _mm256_set1_epi32(1)), class1_bad)));
    const __m256i dense_bad =
        _mm256_cmpgt_epi32(_mm256_and_si256(begin, _mm256_set1_epi32(0x3fffffff)), last_dense);
    const __m256i sparse_bad = not_row_headers(_mm256_and_si256(begin, sparse_row), rows);
    used = _mm256_sub_epi32(used, nonzero);
    bad = _mm256_or_si256(bad, _mm256_or_si256(_mm256_and_si256(inline_row, inline_bad),
                                               _mm256_or_si256(_mm256_and_si256(dense_row, dense_bad),
                                                               _mm256_and_si256(sparse_row, sparse_bad))));
  }
  finish(used, bad, tally);
  return groups * 8;
}

[[gnu::target("avx2")]] std::size_t plain_slots(const void* slots, std::size_t n, std::uint32_t dense_rows,
                                                const RowIndex& rows, SlotTally& tally) {
  const __m256i zero = _mm256_setzero_si256(), ones = _mm256_set1_epi32(-1);
  const __m256i last_dense = _mm256_set1_epi32(static_cast<int>(std::min<std::uint32_t>(dense_rows, 0x80000000u) - 1));
  __m256i used = zero, bad = zero;
  const std::size_t groups = n / 8;
  const float* p = static_cast<const float*>(slots);
  for (std::size_t g = 0; g < groups; ++g, p += 16) {
    // Four slots per vector; the odd words are the begins.
    const __m256 a = _mm256_loadu_ps(p), b = _mm256_loadu_ps(p + 8);
    const __m256i begin = _mm256_castps_si256(_mm256_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1)));
    const __m256i nonzero = _mm256_xor_si256(_mm256_cmpeq_epi32(begin, zero), ones);
    const __m256i dense_row = _mm256_srai_epi32(begin, 31);
    const __m256i sparse_row = _mm256_andnot_si256(dense_row, nonzero);
    const __m256i dense_bad =
        _mm256_cmpgt_epi32(_mm256_and_si256(begin, _mm256_set1_epi32(0x7fffffff)), last_dense);
    const __m256i sparse_bad = not_row_headers(_mm256_and_si256(begin, sparse_row), rows);
    used = _mm256_sub_epi32(used, nonzero);
    bad = _mm256_or_si256(bad, _mm256_or_si256(_mm256_and_si256(dense_row, dense_bad),
                                               _mm256_and_si256(sparse_row, sparse_bad)));
  }
  finish(used, bad, tally);
  return groups * 8;
}

}  // namespace
#endif

std::size_t tally_inline_slots_avx2(const void* slots, std::size_t n, std::uint32_t classes,
                                    std::uint32_t dense_rows, const RowIndex& rows, SlotTally& tally) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (cpu_has_avx2() && classes > 0 && classes <= 65536) return inline_slots(slots, n, classes, dense_rows, rows, tally);
#endif
  (void)slots, (void)n, (void)classes, (void)dense_rows, (void)rows, (void)tally;
  return 0;
}

std::size_t tally_plain_slots_avx2(const void* slots, std::size_t n, std::uint32_t dense_rows, const RowIndex& rows,
                                   SlotTally& tally) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (cpu_has_avx2()) return plain_slots(slots, n, dense_rows, rows, tally);
#endif
  (void)slots, (void)n, (void)dense_rows, (void)rows, (void)tally;
  return 0;
}

}  // namespace dyad::detail
