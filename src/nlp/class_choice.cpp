// See class_choice.h.
#include "nlp/class_choice.h"

#include <climits>

#include "common/vector_clones.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace dyad::detail {

int first_best_class_scan(const ClassChoice& choice, const std::int32_t* scores) {
  int best = -1;
  std::int32_t best_score = INT_MIN;
  auto consider = [&](int cls) {
    if (scores[cls] > best_score) {
      best_score = scores[cls];
      best = cls;
    }
  };
  if (choice.shift) consider(0);
  for (int l = 0; l < choice.num_labels; ++l)
    if (l == choice.root_label ? choice.left_root : choice.left) consider(1 + 2 * l);
  if (choice.right)
    for (int l = 0; l < choice.num_labels; ++l)
      if (l != choice.root_label) consider(2 + 2 * l);
  return best;
}

#if defined(__x86_64__) && defined(__GNUC__)
namespace {

// Classes of 8 at a time: bit j of allowed[v] stands for class 8v + j. LEFT
// classes are the odd lanes, RIGHT the even ones (and SHIFT lane 0 of the
// first vector). First the maximum over the allowed lanes, then the first
// lane holding it in the order SHIFT, LEFT, RIGHT: the scan's choice.
constexpr int kMaxVectors = 64;  // 512 classes; more take the scan
constexpr unsigned kOddLanes = 0xAAu, kEvenLanes = 0x55u;

// Bit j: lane j of row v equals `target`.
[[gnu::target("avx2")]] inline unsigned equal_lanes(const __m256i* rows, int v, __m256i target) {
  const __m256i eq = _mm256_cmpeq_epi32(_mm256_loadu_si256(rows + v), target);
  return static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(eq)));
}

[[gnu::target("avx2")]] int first_best_class_avx2(const ClassChoice& choice, const std::int32_t* scores) {
  const int classes = 1 + 2 * choice.num_labels;
  const int vectors = (classes + 7) / 8;
  unsigned allowed[kMaxVectors];
  const unsigned lanes = (choice.left ? kOddLanes : 0u) | (choice.right ? kEvenLanes : 0u);
  for (int v = 0; v < vectors; ++v) allowed[v] = lanes;
  auto set = [&](int cls, bool on) {
    if (on) allowed[cls / 8] |= 1u << (cls % 8);
    else allowed[cls / 8] &= ~(1u << (cls % 8));
  };
  set(0, choice.shift);
  set(1 + 2 * choice.root_label, choice.left_root);
  set(2 + 2 * choice.root_label, false);
  allowed[vectors - 1] &= (1u << (classes - 8 * (vectors - 1))) - 1;  // padding lanes
  const __m256i lane_bit = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
  const __m256i lowest = _mm256_set1_epi32(INT_MIN);
  const __m256i* rows = reinterpret_cast<const __m256i*>(scores);
  __m256i best = lowest;
  unsigned any = 0;
  for (int v = 0; v < vectors; ++v) {
    const __m256i bits = _mm256_set1_epi32(static_cast<int>(allowed[v]));
    const __m256i on = _mm256_cmpeq_epi32(_mm256_and_si256(bits, lane_bit), lane_bit);
    best = _mm256_max_epi32(best, _mm256_blendv_epi8(lowest, _mm256_loadu_si256(rows + v), on));
    any |= allowed[v];
  }
  __m128i m = _mm_max_epi32(_mm256_castsi256_si128(best), _mm256_extracti128_si256(best, 1));
  m = _mm_max_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2)));
  m = _mm_max_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1)));
  const std::int32_t top = _mm_cvtsi128_si32(m);
  if (!any || top == INT_MIN) return -1;  // the scan takes only scores above INT_MIN
  if ((allowed[0] & 1u) && scores[0] == top) return 0;
  const __m256i target = _mm256_set1_epi32(top);
  for (int v = 0; v < vectors; ++v)
    if (const unsigned h = equal_lanes(rows, v, target) & allowed[v] & kOddLanes) return 8 * v + __builtin_ctz(h);
  for (int v = 0; v < vectors; ++v) {
    const unsigned h = equal_lanes(rows, v, target) & allowed[v] & kEvenLanes & (v == 0 ? ~1u : ~0u);
    if (h) return 8 * v + __builtin_ctz(h);
  }
  return -1;  // not reached: `top` is an allowed lane's score
}

}  // namespace
#endif

int first_best_class(const ClassChoice& choice, const std::int32_t* scores) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (cpu_has_avx2() && choice.num_labels > 0 && 1 + 2 * choice.num_labels <= 8 * kMaxVectors)
    return first_best_class_avx2(choice, scores);
#endif
  return first_best_class_scan(choice, scores);
}

}  // namespace dyad::detail
