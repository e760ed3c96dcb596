#include "nlp/perceptron.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <string>

#include "common/vector_clones.h"
#include "dyad/error.h"
#include "nlp/dense_rows.h"
#include "nlp/row_index.h"
#include "nlp/slot_checks.h"
#include "nlp/weight_cells.h"

namespace dyad::detail {

DYAD_VECTOR_CLONES void add_dense_row(const std::int16_t* row, int n, float scale, float* scores) {
  for (int c = 0; c < n; ++c) scores[c] += static_cast<float>(row[c]) * scale;
}

namespace {

float grid_for(float max_abs) { return max_abs > 0 ? max_abs / 32767.0f : 1.0f; }

}  // namespace

SparseWeights SparseWeights::build(int num_classes, float scale, const std::vector<Row>& rows) {
  if (num_classes <= 0 || num_classes > 65535) throw Error("SparseWeights: bad class count " + std::to_string(num_classes));
  if (scale == 0) {
    float max_abs = 0;
    for (const Row& row : rows)
      for (const auto& [c, w] : row.weights) max_abs = std::max(max_abs, std::fabs(w));
    scale = grid_for(max_abs);
  }
  auto storage = std::make_shared<Storage>();
  auto keys = std::make_shared<std::vector<std::uint64_t>>();
  SparseWeights s;
  s.num_classes_ = num_classes;
  s.scale_ = scale;
  // Load factor 0.7: probe runs stay short, and any size works (home slots
  // come from a multiply, not a mask).
  s.num_slots_ = std::max<std::size_t>(16, rows.size() * 10 / 7 + 1);
  storage->slots.assign(s.num_slots_, Slot{0, 0});
  keys->assign(s.num_slots_, 0);
  storage->cells.assign(1, Cell{0, 0});  // index 0 marks an empty slot
  const std::size_t stride = s.dense_stride(), dense_min = dense_min_weights(num_classes);
  std::vector<Cell> q;
  for (const Row& row : rows) {
    q.clear();
    for (const auto& [c, w] : row.weights) {
      if (c >= num_classes) throw Error("SparseWeights: class " + std::to_string(c) + " out of range");
      const long v = std::lround(w / scale);
      if (v != 0) q.push_back(Cell{c, static_cast<std::int16_t>(std::clamp(v, -32767L, 32767L))});
    }
    if (q.empty()) continue;  // nothing left on the grid
    std::size_t i = s.home(row.key);
    while (storage->slots[i].begin != 0) i = i + 1 == s.num_slots_ ? 0 : i + 1;
    (*keys)[i] = row.key;
    storage->slots[i].check = static_cast<std::uint32_t>(row.key >> 32);
    if (q.size() >= dense_min) {
      const std::size_t at = storage->dense.size();
      storage->dense.resize(at + stride, 0);
      for (const Cell& cell : q) storage->dense[at + cell.cls] = cell.q;
      storage->slots[i].begin = kDense | static_cast<std::uint32_t>(at / stride);
    } else {
      storage->slots[i].begin = static_cast<std::uint32_t>(storage->cells.size());
      storage->cells.push_back(Cell{static_cast<std::uint16_t>(q.size()), 0});
      storage->cells.insert(storage->cells.end(), q.begin(), q.end());
    }
    s.num_weights_ += q.size();
    ++s.num_rows_;
  }
  if (storage->cells.size() >= kDense || storage->dense.size() / stride >= kDense)
    throw Error("SparseWeights: too many weights for the table format");
  s.num_cells_ = storage->cells.size();
  s.num_dense_ = storage->dense.size() / stride;
  s.slots_ = storage->slots.data();
  s.cells_ = storage->cells.data();
  s.dense_ = storage->dense.data();
  s.owner_ = std::move(storage);
  s.keys_ = std::move(keys);
  s.set_dense_bounds();
  return s;
}

void SparseWeights::set_dense_bounds() {
  dense_bound_ = std::make_shared<const std::vector<std::uint16_t>>(
      dense_row_bounds(dense_, num_dense_, dense_stride(), num_classes_));
}

void SparseWeights::add_all(const std::uint64_t* keys, std::size_t n, float* scores) const {
  add_groups(keys, &n, 1, &scores);
}

void SparseWeights::add_groups(const std::uint64_t* keys, const std::size_t* ends, std::size_t groups,
                               float* const* scores) const {
  if (num_slots_ == 0 || groups == 0) return;
  // The rows' int16 weights are summed as integers and scaled once per group:
  // exact sums, and the dense rows are added with their sums in registers
  // (65,536 rows of |q| <= 32,767 cannot overflow an int32).
  constexpr int kMaxClasses = 256;
  constexpr std::size_t kMaxKeys = 65536;
  const std::size_t total = ends[groups - 1];
  if (num_classes_ > kMaxClasses) {
    for (std::size_t g = 0, k = 0; g < groups; ++g)
      for (; k < ends[g]; ++k) add_to(keys[k], scores[g]);
    return;
  }
  constexpr std::size_t kChunk = 64;
  const std::size_t stride = dense_stride();
  std::array<std::int32_t, kMaxClasses> sums;
  std::uint32_t found[kChunk];
  const std::int16_t* dense_rows[kChunk];
  std::uint16_t dense_bounds[kChunk];
  const std::uint16_t* bound = dense_bound_->data();
  // Slots are fetched kLookAhead keys ahead of the one resolved, across group
  // boundaries; rows as their slots are read.
  for (std::size_t k = 0; k < std::min(total, kLookAhead); ++k) __builtin_prefetch(&slots_[home(keys[k])]);
  for (std::size_t g = 0, first = 0; g < groups; first = ends[g++]) {
    if (ends[g] - first > kMaxKeys) {
      for (std::size_t k = first; k < ends[g]; ++k) add_to(keys[k], scores[g]);
      continue;
    }
    std::fill_n(sums.begin(), num_classes_, 0);
    for (std::size_t base = first; base < ends[g]; base += kChunk) {
      const std::size_t m = std::min(kChunk, ends[g] - base);
      std::size_t nf = 0, nd = 0;
      for (std::size_t k = base; k < base + m; ++k) {
        if (k + kLookAhead < total) __builtin_prefetch(&slots_[home(keys[k + kLookAhead])]);
        const std::uint32_t begin = find(keys[k]);
        if (begin == 0) continue;
        if (begin & kDense) {
          dense_rows[nd] = dense_ + (begin & ~kDense) * stride;
          dense_bounds[nd] = bound[begin & ~kDense];
          __builtin_prefetch(dense_rows[nd++]);
        } else {
          __builtin_prefetch(cells_ + begin);
          found[nf++] = begin;
        }
      }
      for (std::size_t f = 0; f < nf; ++f) {
        const Cell* row = cells_ + found[f];
        const std::uint32_t count = row->cls;
        // Unrolled: the loop's own compare and branch were a third of a cell's cost.
#pragma GCC unroll 4
        for (std::uint32_t k = 1; k <= count; ++k) sums[row[k].cls] += row[k].q;
      }
      add_dense_rows(dense_rows, dense_bounds, nd, num_classes_, static_cast<int>(stride), sums.data());
    }
    for (int c = 0; c < num_classes_; ++c) scores[g][c] += static_cast<float>(sums[c]) * scale_;
  }
}

std::vector<SparseWeights::Row> SparseWeights::rows() const {
  if (!keys_) throw Error("SparseWeights: a loaded table cannot be averaged or pruned (its full keys are not saved); "
                          "train the members in this process");
  std::vector<Row> rows;
  rows.reserve(num_rows_);
  const std::size_t stride = dense_stride();
  for (std::size_t i = 0; i < num_slots_; ++i) {
    const std::uint32_t begin = slots_[i].begin;
    if (begin == 0) continue;
    Row row{(*keys_)[i], {}};
    if (begin & kDense) {
      const std::int16_t* d = dense_ + (begin & ~kDense) * stride;
      for (int c = 0; c < num_classes_; ++c)
        if (d[c] != 0) row.weights.emplace_back(static_cast<std::uint16_t>(c), static_cast<float>(d[c]) * scale_);
    } else {
      for (std::uint32_t k = 1; k <= cells_[begin].cls; ++k)
        row.weights.emplace_back(cells_[begin + k].cls, static_cast<float>(cells_[begin + k].q) * scale_);
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  return rows;
}

SparseWeights SparseWeights::pruned(float threshold) const {
  std::vector<Row> kept;
  for (Row& row : rows()) {
    std::erase_if(row.weights, [threshold](const auto& cw) { return std::fabs(cw.second) < threshold; });
    if (!row.weights.empty()) kept.push_back(std::move(row));
  }
  return build(num_classes_, 0.0f, kept);
}

SparseWeights SparseWeights::average(const std::vector<const SparseWeights*>& models) {
  if (models.empty()) throw Error("SparseWeights::average: no models");
  std::vector<WeightCell> all;
  const double share = 1.0 / static_cast<double>(models.size());
  for (const SparseWeights* m : models) {
    if (m->num_classes_ != models[0]->num_classes_)
      throw Error("SparseWeights::average: models have " + std::to_string(m->num_classes_) +
                  " and " + std::to_string(models[0]->num_classes_) + " classes");
    for (const Row& row : m->rows())
      for (const auto& [c, w] : row.weights) all.push_back({row.key, c, w * share});
  }
  merge_cells(all);
  std::vector<Row> rows;
  for (const WeightCell& cell : all) {
    if (rows.empty() || rows.back().key != cell.key) rows.push_back(Row{cell.key, {}});
    rows.back().weights.emplace_back(static_cast<std::uint16_t>(cell.cls), static_cast<float>(cell.w));
  }
  // Cells that average to (almost) nothing would round to 0 on the grid.
  return build(models[0]->num_classes_, 0.0f, rows);
}

void SparseWeights::write(BinaryWriter& w) const {
  w.u32(static_cast<std::uint32_t>(num_classes_));
  w.f32(scale_);
  w.u64(num_rows_);
  const Slot empty{0, 0};
  const Cell header{0, 0};
  write_aligned_array(w, slots_ ? slots_ : &empty, slots_ ? num_slots_ : 1, sizeof(Slot));
  write_aligned_array(w, cells_ ? cells_ : &header, cells_ ? num_cells_ : 1, sizeof(Cell));
  write_aligned_array(w, dense_, num_dense_ * dense_stride(), sizeof(std::int16_t));
}

SparseWeights SparseWeights::read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                                  std::uint32_t format) {
  if (format < 4) return read_legacy(r, format);
  SparseWeights s;
  s.num_classes_ = static_cast<int>(r.u32());
  s.scale_ = r.f32();
  s.num_rows_ = r.u64();
  if (s.num_classes_ <= 0 || s.num_classes_ > 65535) r.fail("bad class count in weights");
  const std::string_view slots = r.aligned_array(sizeof(Slot));
  const std::string_view cells = r.aligned_array(sizeof(Cell));
  const std::string_view dense = r.aligned_array(sizeof(std::int16_t));
  s.num_slots_ = slots.size() / sizeof(Slot);
  s.num_cells_ = cells.size() / sizeof(Cell);
  const std::size_t dense_values = dense.size() / sizeof(std::int16_t);
  if (dense_values % s.dense_stride() != 0) r.fail("dense weight rows have the wrong length");
  s.num_dense_ = dense_values / s.dense_stride();
  auto fits = [](std::string_view bytes, std::size_t align) {
    return reinterpret_cast<std::uintptr_t>(bytes.data()) % align == 0;
  };
  if (owner && fits(slots, alignof(Slot)) && fits(cells, alignof(Cell)) && fits(dense, alignof(std::int16_t))) {
    s.owner_ = owner;  // in place: the payload outlives the model through owner_
    s.slots_ = reinterpret_cast<const Slot*>(slots.data());
    s.cells_ = reinterpret_cast<const Cell*>(cells.data());
    s.dense_ = reinterpret_cast<const std::int16_t*>(dense.data());
  } else {  // bytes without alignment (or without an owner): copy them
    auto storage = std::make_shared<Storage>();
    storage->slots.resize(s.num_slots_);
    storage->cells.resize(s.num_cells_);
    storage->dense.resize(dense_values);
    if (!slots.empty()) std::memcpy(storage->slots.data(), slots.data(), slots.size());
    if (!cells.empty()) std::memcpy(storage->cells.data(), cells.data(), cells.size());
    if (!dense.empty()) std::memcpy(storage->dense.data(), dense.data(), dense.size());
    s.slots_ = storage->slots.data();
    s.cells_ = storage->cells.data();
    s.dense_ = storage->dense.data();
    s.owner_ = std::move(storage);
  }
  s.validate(r);
  s.set_dense_bounds();
  return s;
}

// The fast path of validate() (row_index.h): no branch on the slot kind and
// no random read of the cell array. Sets num_weights_ and returns true only
// for a table validate() accepts.
bool SparseWeights::validate_fast() {
  const RowIndex rows(cells_, num_cells_);
  if (!rows.ok() || max_class_field(cells_, num_cells_) >= static_cast<std::uint32_t>(num_classes_)) return false;
  // Eight slots at a time where the CPU has AVX2; the rest here, with flags
  // as 0/1 integers and masks: no branch on the (random) slot kind.
  static_assert(sizeof(Slot) == 8 && offsetof(Slot, begin) == 4,
                "slot_checks.cpp's plain_slots() reads each slot's begin as its odd 32-bit word");
  SlotTally tally;
  const std::size_t done = tally_plain_slots_avx2(
      slots_, num_slots_, static_cast<std::uint32_t>(std::min<std::size_t>(num_dense_, 0x80000000u)), rows, tally);
  std::size_t used = tally.used;
  std::uint32_t bad = tally.bad;
  for (std::size_t i = done; i < num_slots_; ++i) {
    const std::uint32_t b = slots_[i].begin;
    const std::uint32_t dense_row = b >> 31, sparse_row = static_cast<std::uint32_t>(b != 0) & (dense_row ^ 1u);
    used += b != 0;
    bad |= dense_row & static_cast<std::uint32_t>((b & ~kDense) >= num_dense_);
    bad |= sparse_row & (rows.is_row(b & (0u - sparse_row)) ^ 1u);
  }
  if (bad || used != num_rows_ || used >= num_slots_) return false;
  num_weights_ = rows.cells_in_rows() + dense_weight_count();
  return true;
}

// Scoring indexes straight into the table, so every bound is checked here
// (also counts num_weights_).
void SparseWeights::validate(BinaryReader& r) {
  if (!(scale_ > 0) || !std::isfinite(scale_)) r.fail("bad weight scale");
  if (num_slots_ == 0 || num_slots_ > 0xffffffffu || num_cells_ == 0 || num_cells_ >= kDense)
    r.fail("weight table is malformed; retrain the model");
  if (validate_fast()) return;
  // Something is wrong (or unusual, such as a row of every class of a small
  // table): the exact checks say what. Sparse rows lie back to back: a header
  // holding the count, then the cells.
  switch (find_row_fault(cells_, num_cells_, static_cast<std::uint32_t>(num_classes_))) {
    case RowFault::kOverrun: r.fail("weight row overruns the table");
    case RowFault::kClassOutOfRange: r.fail("weight class id out of range");
    case RowFault::kNone: break;
  }
  // A slot must point at a row's header: a row read from elsewhere would
  // take other rows' headers (counts) for classes.
  const RowIndex rows(cells_, num_cells_);
  std::size_t used = 0;
  for (std::size_t i = 0; i < num_slots_; ++i) {
    const std::uint32_t begin = slots_[i].begin;
    if (begin == 0) continue;
    ++used;
    if (begin & kDense) {
      if ((begin & ~kDense) >= num_dense_) r.fail("dense weight row out of range");
    } else if (!rows.is_row(begin)) {
      r.fail("weight row out of range");
    }
  }
  if (used != num_rows_) r.fail("weight table holds " + std::to_string(used) + " rows, expected " + std::to_string(num_rows_));
  if (used >= num_slots_) r.fail("weight table has no empty slot");
  num_weights_ = rows.cells_in_rows() + dense_weight_count();
}

std::size_t SparseWeights::dense_weight_count() const {
  std::size_t weights = 0;
  for (std::size_t k = 0; k < num_dense_ * dense_stride(); ++k) weights += dense_[k] != 0;
  return weights;
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
  std::vector<SparseWeights::Row> rows;
  std::vector<Entry> row;
  for (const auto& [key, idx] : order) {
    row = rows_[idx];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    SparseWeights::Row out{key, {}};
    for (const Entry& e : row) {
      float avg = static_cast<float>(e.w - e.u / clock_);
      if (std::fabs(avg) < prune) continue;
      out.weights.emplace_back(e.cls, avg);
    }
    if (!out.weights.empty()) rows.push_back(std::move(out));
  }
  return SparseWeights::build(num_classes_, 0.0f, rows);
}

}  // namespace dyad::detail
