#include "nlp/perceptron.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

namespace dyad::detail {

void SparseWeights::build_index() {
  std::size_t cap = std::bit_ceil(std::max<std::size_t>(16, keys_.size() * 2));
  slots_.assign(cap, Slot{0, 0, 0});
  mask_ = cap - 1;
  for (std::uint32_t row = 0; row < keys_.size(); ++row) {
    std::size_t i = keys_[row] & mask_;
    while (slots_[i].end != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{keys_[row], row_begin_[row], row_begin_[row + 1]};
  }
  entries_.resize(cls_.size());
  for (std::size_t k = 0; k < cls_.size(); ++k) entries_[k] = Entry{cls_[k], w_[k]};
}

void SparseWeights::add_all(const std::uint64_t* keys, std::size_t n, float* scores) const {
  if (slots_.empty()) return;
  constexpr std::size_t kChunk = 64;
  for (std::size_t base = 0; base < n; base += kChunk) {
    const std::size_t m = std::min(kChunk, n - base);
    for (std::size_t k = 0; k < m; ++k) __builtin_prefetch(&slots_[keys[base + k] & mask_]);
    const Slot* found[kChunk];
    std::size_t nf = 0;
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint64_t key = keys[base + k];
      for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.end == 0) break;
        if (slot.key != key) continue;
        __builtin_prefetch(&entries_[slot.begin]);
        found[nf++] = &slot;
        break;
      }
    }
    for (std::size_t f = 0; f < nf; ++f)
      for (std::uint32_t k = found[f]->begin; k < found[f]->end; ++k)
        scores[entries_[k].cls] += entries_[k].w;
  }
}

SparseWeights SparseWeights::pruned(float threshold) const {
  SparseWeights s;
  s.num_classes_ = num_classes_;
  s.row_begin_.push_back(0);
  for (std::size_t row = 0; row < keys_.size(); ++row) {
    std::size_t before = s.cls_.size();
    for (std::uint32_t k = row_begin_[row]; k < row_begin_[row + 1]; ++k) {
      if (std::fabs(w_[k]) < threshold) continue;
      s.cls_.push_back(cls_[k]);
      s.w_.push_back(w_[k]);
    }
    if (s.cls_.size() == before) continue;
    s.keys_.push_back(keys_[row]);
    s.row_begin_.push_back(static_cast<std::uint32_t>(s.cls_.size()));
  }
  float max_abs = 0;
  for (float x : s.w_) max_abs = std::max(max_abs, std::fabs(x));
  s.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (float& x : s.w_) x = static_cast<float>(std::lround(x / s.scale_)) * s.scale_;
  s.build_index();
  return s;
}

void SparseWeights::write(BinaryWriter& w) const {
  w.u32(static_cast<std::uint32_t>(num_classes_));
  w.pod_vector(keys_);
  w.pod_vector(row_begin_);
  w.pod_vector(cls_);
  float scale = scale_;
  if (scale == 0) {
    float max_abs = 0;
    for (float x : w_) max_abs = std::max(max_abs, std::fabs(x));
    scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  }
  std::vector<std::int16_t> q(w_.size());
  for (std::size_t i = 0; i < w_.size(); ++i)
    q[i] = static_cast<std::int16_t>(std::lround(w_[i] / scale));
  w.f32(scale);
  w.pod_vector(q);
}

SparseWeights SparseWeights::read(BinaryReader& r) {
  SparseWeights s;
  s.num_classes_ = static_cast<int>(r.u32());
  s.keys_ = r.pod_vector<std::uint64_t>();
  s.row_begin_ = r.pod_vector<std::uint32_t>();
  s.cls_ = r.pod_vector<std::uint16_t>();
  float scale = r.f32();
  if (!(scale > 0) || !std::isfinite(scale)) r.fail("bad weight scale");
  std::vector<std::int16_t> q = r.pod_vector<std::int16_t>();
  s.w_.resize(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) s.w_[i] = static_cast<float>(q[i]) * scale;
  s.scale_ = scale;
  // Rows index straight into cls_/w_ at tag time, so validate every bound here.
  if (s.num_classes_ <= 0 || s.num_classes_ > 65535) r.fail("bad class count in weights");
  if (s.row_begin_.size() != s.keys_.size() + 1 || s.row_begin_.front() != 0 ||
      s.row_begin_.back() != s.cls_.size() || s.cls_.size() != s.w_.size())
    r.fail("inconsistent weight table sizes");
  for (std::size_t i = 0; i + 1 < s.row_begin_.size(); ++i)
    if (s.row_begin_[i] > s.row_begin_[i + 1]) r.fail("weight rows out of order");
  for (std::uint16_t c : s.cls_)
    if (c >= s.num_classes_) r.fail("weight class id out of range");
  s.build_index();
  return s;
}

void PerceptronTrainer::score(const std::uint64_t* feats, std::size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  accumulate(feats, n, scores);
}

void PerceptronTrainer::accumulate(const std::uint64_t* feats, std::size_t n, float* scores) const {
  for (std::size_t i = 0; i < n; ++i) {
    auto it = index_.find(feats[i]);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::bump(std::uint64_t key, int cls, float delta) {
  auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(rows_.size()));
  if (inserted) rows_.emplace_back();
  std::vector<Entry>& row = rows_[it->second];
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.w += delta;
      e.u += clock_ * delta;
      return;
    }
  }
  row.push_back({static_cast<std::uint16_t>(cls), delta, clock_ * delta});
}

void PerceptronTrainer::update(const std::uint64_t* feats, std::size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (std::size_t i = 0; i < n; ++i) {
    bump(feats[i], truth, 1.0f);
    bump(feats[i], guess, -1.0f);
  }
}

SparseWeights PerceptronTrainer::finalize(float prune) const {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(index_.begin(), index_.end());
  std::sort(order.begin(), order.end());  // deterministic file bytes
  SparseWeights s;
  s.num_classes_ = num_classes_;
  s.row_begin_.push_back(0);
  std::vector<Entry> row;
  for (const auto& [key, idx] : order) {
    row = rows_[idx];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    std::size_t before = s.cls_.size();
    for (const Entry& e : row) {
      float avg = static_cast<float>(e.w - e.u / clock_);
      if (std::fabs(avg) < prune) continue;
      s.cls_.push_back(e.cls);
      s.w_.push_back(avg);
    }
    if (s.cls_.size() == before) continue;
    s.keys_.push_back(key);
    s.row_begin_.push_back(static_cast<std::uint32_t>(s.cls_.size()));
  }
  s.build_index();
  return s;
}

}  // namespace dyad::detail
