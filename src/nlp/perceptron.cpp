#include "nlp/perceptron.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <string>

#include "dyad/error.h"
#include "nlp/weight_cells.h"

namespace dyad::detail {

__attribute__((target_clones("avx2", "default"))) void add_dense_row(const float* row, int n,
                                                                      float* scores) {
  for (int c = 0; c < n; ++c) scores[c] += row[c];
}

SparseWeights SparseWeights::build(int num_classes, float scale,
                                   const std::vector<std::uint64_t>& keys,
                                   const std::vector<std::uint32_t>& row_begin,
                                   const std::vector<std::uint16_t>& cls,
                                   const std::vector<float>& w) {
  auto storage = std::make_shared<Storage>();
  // Load factor between 1/3 and 2/3: "2 x rows, rounded up" let a table just
  // past a power of two fill only a quarter of its slots, and every empty
  // 16-byte slot is memory a model load has to decompress and fault in.
  const std::size_t cap = std::bit_ceil(std::max<std::size_t>(16, keys.size() * 3 / 2 + 1));
  storage->slots.assign(cap, Slot{0, 0, 0});
  SparseWeights s;
  s.num_classes_ = num_classes;
  const std::size_t stride = s.dense_stride(), dense_min = dense_min_weights(num_classes);
  for (std::uint32_t row = 0; row < keys.size(); ++row) {
    std::size_t i = keys[row] & (cap - 1);
    while (storage->slots[i].end != 0) i = (i + 1) & (cap - 1);
    const std::uint32_t begin = row_begin[row], end = row_begin[row + 1];
    if (end - begin >= dense_min) {
      const std::size_t at = storage->dense.size();
      storage->dense.resize(at + stride, 0.0f);
      for (std::uint32_t k = begin; k < end; ++k) storage->dense[at + cls[k]] = w[k];
      storage->slots[i] = Slot{keys[row], static_cast<std::uint32_t>(at / stride), kDenseRow};
    } else {
      const auto first = static_cast<std::uint32_t>(storage->entries.size());
      for (std::uint32_t k = begin; k < end; ++k) storage->entries.push_back(Entry{cls[k], w[k]});
      storage->slots[i] = Slot{keys[row], first, static_cast<std::uint32_t>(storage->entries.size())};
    }
  }
  if (storage->entries.size() >= kDenseRow) throw Error("SparseWeights: too many weights for the table format");
  s.scale_ = scale;
  s.num_rows_ = keys.size();
  s.num_entries_ = storage->entries.size();
  s.num_dense_ = storage->dense.size() / stride;
  s.num_weights_ = cls.size();
  s.mask_ = cap - 1;
  s.slots_ = storage->slots.data();
  s.entries_ = storage->entries.data();
  s.dense_ = storage->dense.data();
  s.owner_ = std::move(storage);
  return s;
}

void SparseWeights::add_all(const std::uint64_t* keys, std::size_t n, float* scores) const {
  if (!slots_) return;
  constexpr std::size_t kChunk = 64;
  for (std::size_t base = 0; base < n; base += kChunk) {
    const std::size_t m = std::min(kChunk, n - base);
    for (std::size_t k = 0; k < m; ++k) __builtin_prefetch(&slots_[keys[base + k] & mask_]);
    const Slot* found[kChunk];
    std::size_t nf = 0;
    const std::size_t stride = dense_stride();
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint64_t key = keys[base + k];
      for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.end == 0) break;
        if (slot.key != key) continue;
        if (slot.end == kDenseRow) __builtin_prefetch(dense_ + slot.begin * stride);
        else __builtin_prefetch(&entries_[slot.begin]);
        found[nf++] = &slot;
        break;
      }
    }
    for (std::size_t f = 0; f < nf; ++f) {
      if (found[f]->end == kDenseRow) {
        add_dense_row(dense_ + found[f]->begin * stride, num_classes_, scores);
        continue;
      }
      for (std::uint32_t k = found[f]->begin; k < found[f]->end; ++k)
        scores[entries_[k].cls] += entries_[k].w;
    }
  }
}

void SparseWeights::row_entries(const Slot& slot, std::vector<Entry>& out) const {
  out.clear();
  if (slot.end != kDenseRow) {
    out.assign(entries_ + slot.begin, entries_ + slot.end);
    return;
  }
  const float* row = dense_ + slot.begin * dense_stride();
  for (int c = 0; c < num_classes_; ++c)
    if (row[c] != 0.0f) out.push_back(Entry{static_cast<std::uint32_t>(c), row[c]});
}

SparseWeights SparseWeights::pruned(float threshold) const { return rebuilt(threshold, true); }

SparseWeights SparseWeights::rebuilt(float threshold, bool requantize) const {
  // Rows in key order (as finalize() and the files list them).
  std::vector<const Slot*> rows;
  rows.reserve(num_rows_);
  for (std::size_t i = 0; slots_ && i <= mask_; ++i)
    if (slots_[i].end != 0) rows.push_back(&slots_[i]);
  std::sort(rows.begin(), rows.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> row_begin{0};
  std::vector<std::uint16_t> cls;
  std::vector<float> w;
  std::vector<Entry> row_weights;
  for (const Slot* row : rows) {
    const std::size_t before = cls.size();
    row_entries(*row, row_weights);
    for (const Entry& e : row_weights) {
      if (std::fabs(e.w) < threshold) continue;
      cls.push_back(static_cast<std::uint16_t>(e.cls));
      w.push_back(e.w);
    }
    if (cls.size() == before) continue;
    keys.push_back(row->key);
    row_begin.push_back(static_cast<std::uint32_t>(cls.size()));
  }
  if (!requantize) return build(num_classes_, scale_, keys, row_begin, cls, w);
  float max_abs = 0;
  for (float x : w) max_abs = std::max(max_abs, std::fabs(x));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (float& x : w) x = static_cast<float>(std::lround(x / scale)) * scale;
  return build(num_classes_, scale, keys, row_begin, cls, w);
}

SparseWeights SparseWeights::average(const std::vector<const SparseWeights*>& models) {
  if (models.empty()) throw Error("SparseWeights::average: no models");
  std::vector<WeightCell> all;
  const double share = 1.0 / static_cast<double>(models.size());
  for (const SparseWeights* m : models) {
    if (m->num_classes_ != models[0]->num_classes_)
      throw Error("SparseWeights::average: models have " + std::to_string(m->num_classes_) +
                  " and " + std::to_string(models[0]->num_classes_) + " classes");
    std::vector<Entry> row;
    for (std::size_t i = 0; m->slots_ && i <= m->mask_; ++i) {
      const Slot& slot = m->slots_[i];
      if (slot.end == 0) continue;
      m->row_entries(slot, row);
      for (const Entry& e : row) all.push_back({slot.key, e.cls, e.w * share});
    }
  }
  merge_cells(all);
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> row_begin{0};
  std::vector<std::uint16_t> cls;
  std::vector<float> w;
  for (const WeightCell& cell : all) {
    if (!keys.empty() && keys.back() != cell.key) row_begin.push_back(static_cast<std::uint32_t>(cls.size()));
    if (keys.empty() || keys.back() != cell.key) keys.push_back(cell.key);
    cls.push_back(static_cast<std::uint16_t>(cell.cls));
    w.push_back(static_cast<float>(cell.w));
  }
  if (!keys.empty()) row_begin.push_back(static_cast<std::uint32_t>(cls.size()));
  float max_abs = 0;
  for (float x : w) max_abs = std::max(max_abs, std::fabs(x));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (float& x : w) x = static_cast<float>(std::lround(x / scale)) * scale;
  return build(models[0]->num_classes_, scale, keys, row_begin, cls, w);
}

float SparseWeights::grid_step() const {
  if (scale_ != 0) return scale_;
  float max_abs = 0;
  for (std::size_t k = 0; k < num_entries_; ++k) max_abs = std::max(max_abs, std::fabs(entries_[k].w));
  for (std::size_t k = 0; k < num_dense_ * dense_stride(); ++k) max_abs = std::max(max_abs, std::fabs(dense_[k]));
  return max_abs > 0 ? max_abs / 32767.0f : 1.0f;
}

void SparseWeights::write(BinaryWriter& w) const {
  // A table loaded from format 1-2 keeps long rows sparse: lay it out as
  // build() would (same weights), so every written file has its dense rows.
  const std::size_t dense_min = dense_min_weights(num_classes_);
  for (std::size_t i = 0; slots_ && i <= mask_; ++i) {
    const Slot& slot = slots_[i];
    if (slot.end != 0 && slot.end != kDenseRow && slot.end - slot.begin >= dense_min) {
      rebuilt(0.0f, false).write(w);
      return;
    }
  }
  const float scale = grid_step();
  // The weights as a load will see them: on the int16 grid.
  auto on_grid = [scale](float x) { return static_cast<float>(static_cast<std::int16_t>(std::lround(x / scale))) * scale; };
  std::vector<Entry> entries(entries_, entries_ + num_entries_);
  for (Entry& e : entries) e.w = on_grid(e.w);
  std::vector<float> dense(dense_, dense_ + num_dense_ * dense_stride());
  for (float& x : dense) x = on_grid(x);
  w.u32(static_cast<std::uint32_t>(num_classes_));
  w.f32(scale);
  w.u64(num_rows_);
  const Slot empty{0, 0, 0};
  write_aligned_array(w, slots_ ? slots_ : &empty, slots_ ? mask_ + 1 : 1, sizeof(Slot));
  write_aligned_array(w, entries.data(), entries.size(), sizeof(Entry));
  write_aligned_array(w, dense.data(), dense.size(), sizeof(float));
}

SparseWeights SparseWeights::read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                                  std::uint32_t format) {
  if (format < 2) return read_v1(r);
  SparseWeights s;
  s.num_classes_ = static_cast<int>(r.u32());
  s.scale_ = r.f32();
  s.num_rows_ = r.u64();
  const std::string_view slots = r.aligned_array(sizeof(Slot));
  const std::string_view entries = r.aligned_array(sizeof(Entry));
  const std::string_view dense = format >= 3 ? r.aligned_array(sizeof(float)) : std::string_view();
  const std::size_t nslots = slots.size() / sizeof(Slot);
  if (nslots == 0 || (nslots & (nslots - 1)) != 0) r.fail("weight table size is not a power of two");
  s.mask_ = nslots - 1;
  s.num_entries_ = entries.size() / sizeof(Entry);
  if (s.num_classes_ <= 0 || s.num_classes_ > 65535) r.fail("bad class count in weights");
  const std::size_t dense_floats = dense.size() / sizeof(float);
  if (dense_floats % s.dense_stride() != 0) r.fail("dense weight rows have the wrong length");
  s.num_dense_ = dense_floats / s.dense_stride();
  auto fits = [](std::string_view bytes, std::size_t align) {
    return reinterpret_cast<std::uintptr_t>(bytes.data()) % align == 0;
  };
  if (owner && fits(slots, alignof(Slot)) && fits(entries, alignof(Entry)) && fits(dense, alignof(float))) {
    s.owner_ = owner;  // in place: the payload outlives the model through owner_
    s.slots_ = reinterpret_cast<const Slot*>(slots.data());
    s.entries_ = reinterpret_cast<const Entry*>(entries.data());
    s.dense_ = reinterpret_cast<const float*>(dense.data());
  } else {  // bytes without alignment (or without an owner): copy them
    auto storage = std::make_shared<Storage>();
    storage->slots.resize(nslots);
    storage->entries.resize(s.num_entries_);
    storage->dense.resize(dense_floats);
    std::memcpy(storage->slots.data(), slots.data(), slots.size());
    std::memcpy(storage->entries.data(), entries.data(), entries.size());
    if (dense_floats) std::memcpy(storage->dense.data(), dense.data(), dense.size());
    s.slots_ = storage->slots.data();
    s.entries_ = storage->entries.data();
    s.dense_ = storage->dense.data();
    s.owner_ = std::move(storage);
  }
  s.validate(r);
  return s;
}

// Format 1: keys, row offsets, classes, int16 weights; the table is rebuilt.
SparseWeights SparseWeights::read_v1(BinaryReader& r) {
  const int num_classes = static_cast<int>(r.u32());
  const auto keys = r.pod_vector<std::uint64_t>();
  const auto row_begin = r.pod_vector<std::uint32_t>();
  const auto cls = r.pod_vector<std::uint16_t>();
  const float scale = r.f32();
  if (!(scale > 0) || !std::isfinite(scale)) r.fail("bad weight scale");
  const auto q = r.pod_vector<std::int16_t>();
  if (num_classes <= 0 || num_classes > 65535) r.fail("bad class count in weights");
  if (row_begin.size() != keys.size() + 1 || row_begin.front() != 0 ||
      row_begin.back() != cls.size() || cls.size() != q.size())
    r.fail("inconsistent weight table sizes");
  for (std::size_t i = 0; i + 1 < row_begin.size(); ++i)
    if (row_begin[i] >= row_begin[i + 1]) r.fail("weight rows out of order or empty");
  std::vector<float> w(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) w[i] = static_cast<float>(q[i]) * scale;
  SparseWeights s = build(num_classes, scale, keys, row_begin, cls, w);
  s.validate(r);
  return s;
}

// Scoring indexes straight into the table, so every bound is checked here.
void SparseWeights::validate(BinaryReader& r) {
  if (num_classes_ <= 0 || num_classes_ > 65535) r.fail("bad class count in weights");
  if (!(scale_ > 0) || !std::isfinite(scale_)) r.fail("bad weight scale");
  std::size_t used = 0;
  for (std::size_t i = 0; i <= mask_; ++i) {
    const Slot& slot = slots_[i];
    if (slot.end == 0) continue;
    ++used;
    if (slot.end == kDenseRow) {
      if (slot.begin >= num_dense_) r.fail("dense weight row out of range");
    } else if (slot.begin >= slot.end || slot.end > num_entries_) {
      r.fail("weight row out of range");
    }
  }
  if (used != num_rows_) r.fail("weight table holds " + std::to_string(used) + " rows, expected " + std::to_string(num_rows_));
  if (used > mask_) r.fail("weight table has no empty slot");
  for (std::size_t k = 0; k < num_entries_; ++k)
    if (entries_[k].cls >= static_cast<std::uint32_t>(num_classes_) || !std::isfinite(entries_[k].w))
      r.fail("weight class id or value out of range");
  std::size_t nonzero = 0;
  for (std::size_t k = 0; k < num_dense_ * dense_stride(); ++k) {
    if (!std::isfinite(dense_[k])) r.fail("dense weight value out of range");
    nonzero += dense_[k] != 0.0f;
  }
  num_weights_ = num_entries_ + nonzero;
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
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> row_begin{0};
  std::vector<std::uint16_t> cls;
  std::vector<float> w;
  std::vector<Entry> row;
  for (const auto& [key, idx] : order) {
    row = rows_[idx];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    std::size_t before = cls.size();
    for (const Entry& e : row) {
      float avg = static_cast<float>(e.w - e.u / clock_);
      if (std::fabs(avg) < prune) continue;
      cls.push_back(e.cls);
      w.push_back(avg);
    }
    if (cls.size() == before) continue;
    keys.push_back(key);
    row_begin.push_back(static_cast<std::uint32_t>(cls.size()));
  }
  return SparseWeights::build(num_classes_, 0.0f, keys, row_begin, cls, w);
}

}  // namespace dyad::detail
