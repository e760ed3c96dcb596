// Beam search over tag sequences, shared by tagging and (early-update) training.
//
// Design: word-only scores are precomputed per position; each beam item only
// adds its tag-history features. History is kept as back-pointers, and the
// two left tags that tag features read are written into a scratch array
// before scoring an item, so decoding allocates nothing once scratch is warm.
// A width of 1 is plain greedy decoding.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "nlp/tagger_features.h"

namespace dyad::detail {

struct BeamScratch {
  struct Cand {
    float score;
    int parent;
    int label;
    bool gold;
  };
  std::vector<int> parent, label;  // [position * width + item]
  std::vector<float> item_score, next_score;
  std::vector<char> item_gold, next_gold;
  std::vector<Cand> cands;
  std::vector<int> left;  // scratch tag history for tag features
  std::vector<float> scores;
};

/// Writes into `out` the best sequence. When `gold` is given and the gold
/// prefix falls off the beam at position p, stops there: `out[0..p]` is the
/// best prefix and the return value is p; otherwise returns n.
/// `tag_score(i, left, scores)` adds tag-feature scores for position i.
template <typename TagScore>
std::size_t beam_decode(std::size_t n, int nl, int width, const float* static_scores,
                        const std::vector<TokenInfo>& toks, std::uint32_t constrain_min,
                        const int* gold, TagScore&& tag_score, BeamScratch& bs, int* out) {
  const std::size_t w = static_cast<std::size_t>(width);
  bs.parent.resize(n * w);
  bs.label.resize(n * w);
  bs.left.assign(n + 2, 0);
  bs.scores.resize(nl);
  bs.item_score.assign(1, 0.0f);
  bs.item_gold.assign(1, 1);
  std::size_t items = 1;
  auto by_score = [](const BeamScratch::Cand& a, const BeamScratch::Cand& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.parent != b.parent) return a.parent < b.parent;
    return a.label < b.label;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const TokenInfo& t = toks[i];
    const bool constrained = constrain_min && t.dict && t.dict->count >= constrain_min;
    bs.cands.clear();
    for (std::size_t b = 0; b < items; ++b) {
      // Recover the two previous tags of item b from the back-pointers.
      if (i >= 1) {
        int p = static_cast<int>(b);
        bs.left[i - 1] = bs.label[(i - 1) * w + p];
        if (i >= 2) bs.left[i - 2] = bs.label[(i - 2) * w + bs.parent[(i - 1) * w + p]];
      }
      std::copy_n(static_scores + i * nl, nl, bs.scores.begin());
      tag_score(i, bs.left.data(), bs.scores.data());
      for (int l = 0; l < nl; ++l) {
        if (constrained && !t.dict->allows(l)) continue;
        bool g = gold && bs.item_gold[b] && gold[i] == l;
        bs.cands.push_back({bs.item_score[b] + bs.scores[l], static_cast<int>(b), l, g});
      }
    }
    std::size_t keep = std::min(w, bs.cands.size());
    std::partial_sort(bs.cands.begin(), bs.cands.begin() + keep, bs.cands.end(), by_score);
    bs.next_score.resize(keep);
    bs.next_gold.resize(keep);
    bool gold_alive = false;
    for (std::size_t k = 0; k < keep; ++k) {
      bs.parent[i * w + k] = bs.cands[k].parent;
      bs.label[i * w + k] = bs.cands[k].label;
      bs.next_score[k] = bs.cands[k].score;
      bs.next_gold[k] = bs.cands[k].gold;
      gold_alive |= bs.cands[k].gold;
    }
    std::swap(bs.item_score, bs.next_score);
    std::swap(bs.item_gold, bs.next_gold);
    items = keep;
    if (gold && !gold_alive) {
      // Early update point: return the best prefix ending at i.
      int p = 0;
      for (std::size_t j = i + 1; j-- > 0;) {
        out[j] = bs.label[j * w + p];
        p = bs.parent[j * w + p];
      }
      return i;
    }
  }
  int p = 0;  // items are sorted: item 0 is the best
  for (std::size_t j = n; j-- > 0;) {
    out[j] = bs.label[j * w + p];
    p = bs.parent[j * w + p];
  }
  return n;
}

}  // namespace dyad::detail
