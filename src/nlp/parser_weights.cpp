// Sparse perceptron weights for the parser; see parser_weights.h.
#include "nlp/parser_weights.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>

#include "dyad/error.h"
#include "nlp/dense_rows.h"
#include "nlp/row_index.h"
#include "nlp/slot_checks.h"
#include "nlp/weight_cells.h"

namespace dyad::detail {

TrainWeights::TrainWeights(int num_classes) : num_classes_(num_classes) {
  table_keys_.assign(1 << 16, 0);
  table_rows_.assign(1 << 16, 0);
}

std::int64_t TrainWeights::find(std::uint64_t key) const {
  const std::size_t mask = table_keys_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (table_keys_[i] == key) return table_rows_[i];
    if (table_keys_[i] == 0) return -1;
  }
}

void TrainWeights::grow() {
  std::vector<std::uint64_t> keys(table_keys_.size() * 2, 0);
  std::vector<std::uint32_t> rows(keys.size(), 0);
  const std::size_t mask = keys.size() - 1;
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    std::size_t i = keys_[r] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[r];
    rows[i] = static_cast<std::uint32_t>(r);
  }
  table_keys_.swap(keys);
  table_rows_.swap(rows);
}

std::uint32_t TrainWeights::insert(std::uint64_t key) {
  if ((keys_.size() + 1) * 2 > table_keys_.size()) grow();
  const std::size_t mask = table_keys_.size() - 1;
  std::size_t i = key & mask;
  while (table_keys_[i] != 0) {
    if (table_keys_[i] == key) return table_rows_[i];
    i = (i + 1) & mask;
  }
  table_keys_[i] = key;
  table_rows_[i] = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(key);
  rows_.emplace_back();
  return table_rows_[i];
}

void TrainWeights::score(const std::vector<std::uint64_t>& features,
                         std::vector<float>& scores) const {
  scores.assign(static_cast<std::size_t>(num_classes_), 0.0f);
  for (std::uint64_t f : features) {
    std::int64_t r = find(f);
    if (r < 0) continue;
    for (const Entry& e : rows_[static_cast<std::size_t>(r)]) scores[e.cls] += e.weight;
  }
}

void TrainWeights::update(const std::vector<std::uint64_t>& features, int cls, float delta,
                          std::uint64_t now) {
  for (std::uint64_t f : features) {
    std::vector<Entry>& row = rows_[insert(f)];
    auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) { return e.cls == cls; });
    if (it == row.end()) {
      row.push_back({static_cast<std::uint16_t>(cls), 0.0f, 0.0, now});
      it = row.end() - 1;
    }
    it->total += static_cast<double>(now - it->stamp) * it->weight;
    it->stamp = now;
    it->weight += delta;
  }
}

CompactWeights CompactWeights::from_training(const TrainWeights& w, std::uint64_t now,
                                             int num_classes, double min_abs) {
  CompactWeights c;
  c.num_classes_ = num_classes;
  if (now == 0) now = 1;
  double max_abs = 1e-9;
  w.for_each_averaged(now, [&](std::uint64_t, int, double v) { max_abs = std::max(max_abs, std::fabs(v)); });
  const double scale = 32767.0 / max_abs;
  c.scale_ = scale;
  // Group kept cells by key (rows are visited key by key).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;  // key, header index
  c.entries_.push_back({0, 0});  // index 0 marks an empty slot
  std::uint64_t current = 0;
  std::size_t header = 0;
  w.for_each_averaged(now, [&](std::uint64_t key, int cls, double v) {
    if (std::fabs(v) < min_abs) return;
    const long q = std::lround(v * scale);
    if (q == 0) return;
    if (key != current || header == 0) {
      current = key;
      header = c.entries_.size();
      c.entries_.push_back({0, 0});
      rows.emplace_back(key, static_cast<std::uint32_t>(header));
    }
    c.entries_.push_back({static_cast<std::uint16_t>(cls), static_cast<std::int16_t>(q)});
    ++c.entries_[header].cls;
  });
  c.place(rows);
  return c;
}

void CompactWeights::store_row(Slot& s, const Cell* cells, std::size_t n) {
  if (n <= kInlineCells) {
    s.begin = kInline | static_cast<std::uint32_t>(n);
    for (std::size_t j = 0; j < n; ++j) s.cells[j] = cells[j];
    return;
  }
  if (n >= dense_min_cells(num_classes_)) {
    const std::size_t stride = dense_stride(), row = dense_.size() / stride;
    if (row >= kDense) throw Error("parser weights: too many dense rows for the table format");
    dense_.resize(dense_.size() + stride, 0);
    for (std::size_t j = 0; j < n; ++j) dense_[row * stride + cells[j].cls] = cells[j].weight;
    dense_bound_.push_back(dense_row_bound(dense_.data() + row * stride, num_classes_));
    s.begin = kDense | static_cast<std::uint32_t>(row);
    return;
  }
  if (entries_.size() + n + 1 >= kDense) throw Error("parser weights: too many cells for the table format");
  s.begin = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({static_cast<std::uint16_t>(n), 0});
  entries_.insert(entries_.end(), cells, cells + n);
}

// `rows` index row headers in entries_ as the builders staged them; the
// final layout moves small rows into their slots and compacts the rest.
void CompactWeights::place(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& rows) {
  // Load factor 0.7: probe runs stay within a cache line or two, and any size
  // works (home slots come from a multiply, not a mask).
  const std::size_t size = std::max<std::size_t>(1024, rows.size() * 10 / 7 + 1);
  slots_.assign(size, Slot{});
  keys_.assign(size, 0);
  features_ = rows.size();
  const std::vector<Cell> staged = std::move(entries_);
  entries_.assign(1, Cell{0, 0});  // index 0 marks an empty slot
  dense_.clear();
  dense_bound_.clear();
  for (const auto& [key, header] : rows) {
    std::size_t i = home(key);
    while (slots_[i].begin != 0) i = i + 1 == size ? 0 : i + 1;
    slots_[i].check = static_cast<std::uint32_t>(key >> 32);
    keys_[i] = key;
    store_row(slots_[i], staged.data() + header + 1, staged[header].cls);
  }
}

void CompactWeights::row_cells(const Slot& s, std::vector<Cell>& out) const {
  out.clear();
  if (s.begin & kInline) {
    out.assign(s.cells, s.cells + (s.begin & ~kInline));
  } else if (s.begin & kDense) {
    const std::int16_t* row = dense_data() + (s.begin & ~kDense) * dense_stride();
    for (int c = 0; c < num_classes_; ++c)
      if (row[c] != 0) out.push_back({static_cast<std::uint16_t>(c), row[c]});
  } else {
    const Cell* header = cell_data() + s.begin;
    out.assign(header + 1, header + 1 + header->cls);
  }
}

std::size_t CompactWeights::num_entries() const {
  std::size_t n = 0;
  const Slot* slots = slot_data();
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < slot_count(); ++i) {
    if (slots[i].begin == 0) continue;
    row_cells(slots[i], cells);
    n += cells.size();
  }
  return n;
}

CompactWeights CompactWeights::average(const std::vector<const CompactWeights*>& models) {
  if (models.empty()) throw Error("CompactWeights::average: no models");
  std::vector<WeightCell> all;
  for (const CompactWeights* m : models) {
    if (m->num_classes_ != models[0]->num_classes_ || m->scale_ <= 0 ||
        m->keys_.size() != m->slots_.size())
      throw Error("CompactWeights::average: models must be freshly trained with the same labels");
    const double inv = 1.0 / (m->scale_ * static_cast<double>(models.size()));
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < m->slots_.size(); ++i) {
      const Slot& s = m->slots_[i];
      if (s.begin == 0) continue;
      m->row_cells(s, cells);
      for (const Cell& cell : cells) all.push_back({m->keys_[i], cell.cls, cell.weight * inv});
    }
  }
  merge_cells(all);
  double max_abs = 1e-9;
  for (const WeightCell& c : all) max_abs = std::max(max_abs, std::fabs(c.w));
  CompactWeights c;
  c.num_classes_ = models[0]->num_classes_;
  c.scale_ = 32767.0 / max_abs;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
  c.entries_.push_back({0, 0});
  std::size_t header = 0;
  for (const WeightCell& cell : all) {
    const long q = std::lround(cell.w * c.scale_);
    if (q == 0) continue;
    if (header == 0 || rows.back().first != cell.key) {
      header = c.entries_.size();
      c.entries_.push_back({0, 0});
      rows.emplace_back(cell.key, static_cast<std::uint32_t>(header));
    }
    c.entries_.push_back({static_cast<std::uint16_t>(cell.cls), static_cast<std::int16_t>(q)});
    ++c.entries_[header].cls;
  }
  c.place(rows);
  return c;
}

CompactWeights CompactWeights::pruned(int min_q) const {
  if (keys_.size() != slot_count()) return pruned_in_place(min_q);
  CompactWeights c;
  c.num_classes_ = num_classes_;
  c.scale_ = scale_;
  c.entries_.push_back({0, 0});
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;  // key, new header
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    if (s.begin == 0) continue;
    const std::size_t header = c.entries_.size();
    c.entries_.push_back({0, 0});
    row_cells(s, cells);
    for (const Cell& cell : cells) {
      if (std::abs(static_cast<int>(cell.weight)) < min_q) continue;
      c.entries_.push_back(cell);
      ++c.entries_[header].cls;
    }
    if (c.entries_[header].cls == 0) {
      c.entries_.pop_back();
      continue;
    }
    rows.emplace_back(keys_[i], static_cast<std::uint32_t>(header));
  }
  c.place(rows);
  return c;
}

// A loaded model has no full keys, so rows cannot be rehashed: keep every
// slot where it is (an emptied row stays as a zero-length row) and only drop cells.
CompactWeights CompactWeights::pruned_in_place(int min_q) const {
  CompactWeights c;
  c.num_classes_ = num_classes_;
  c.features_ = features_;
  c.scale_ = scale_;
  const Slot* slots = slot_data();
  c.slots_.assign(slots, slots + slot_count());
  c.entries_.assign(1, Cell{0, 0});
  std::vector<Cell> cells, kept;
  for (std::size_t i = 0; i < c.slots_.size(); ++i) {
    if (slots[i].begin == 0) continue;
    row_cells(slots[i], cells);
    kept.clear();
    for (const Cell& cell : cells)
      if (std::abs(static_cast<int>(cell.weight)) >= min_q) kept.push_back(cell);
    c.store_row(c.slots_[i], kept.data(), kept.size());
  }
  return c;
}

void CompactWeights::score(const std::uint64_t* features, std::size_t count, std::int32_t* scores) const {
  constexpr std::size_t kMax = 512;  // a batch's row references live on the stack
  if (count > kMax) {  // integer sums: batches add up exactly
    score(features, kMax, scores);
    score(features + kMax, count - kMax, scores);
    return;
  }
  // Found rows by kind, in feature order: dense ones (with their bounds) and
  // overflow rows; inline rows are added as their slots are read.
  std::array<std::uint32_t, kMax> overflow;
  std::array<const std::int16_t*, kMax> dense_rows;
  std::array<std::uint16_t, kMax> dense_bounds;
  std::size_t overflow_hits = 0, dense_hits = 0;
  const std::size_t n = count;
  const Slot* slots = slot_data();
  const Cell* cells = cell_data();
  const std::int16_t* dense = dense_data();
  const std::size_t stride = dense_stride();
  // Slots are fetched kLookAhead features ahead of the one resolved.
  const std::size_t size = slot_count();
  for (std::size_t k = 0; k < std::min(n, kLookAhead); ++k) __builtin_prefetch(&slots[home(features[k])]);
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kLookAhead < n) __builtin_prefetch(&slots[home(features[k + kLookAhead])]);
    const std::uint64_t f = features[k];
    const std::uint32_t check = static_cast<std::uint32_t>(f >> 32);
    for (std::size_t i = home(f);; i = i + 1 == size ? 0 : i + 1) {
      const Slot& s = slots[i];
      if (s.begin == 0) break;
      if (s.check != check) continue;
      if (s.begin & kInline) {  // the row is in the slot just read: no second miss
        const std::uint32_t count = s.begin & ~kInline;
        for (std::uint32_t j = 0; j < count; ++j) scores[s.cells[j].cls] += s.cells[j].weight;
      } else if (s.begin & kDense) {
        const std::uint32_t row = s.begin & ~kDense;
        dense_rows[dense_hits] = dense + row * stride;
        dense_bounds[dense_hits++] = dense_bound_[row];
        __builtin_prefetch(dense_rows[dense_hits - 1]);
      } else {
        overflow[overflow_hits++] = s.begin;
        __builtin_prefetch(&cells[s.begin]);
      }
      break;
    }
  }
  for (std::size_t k = 0; k < overflow_hits; ++k) {
    const Cell* row = cells + overflow[k];
    const int count = row->cls;
    // Unrolled: the loop's own compare and branch were a third of a cell's cost.
#pragma GCC unroll 4
    for (int j = 1; j <= count; ++j) scores[row[j].cls] += row[j].weight;
  }
  // Integer sums: adding the dense rows last gives the same scores.
  add_dense_rows(dense_rows.data(), dense_bounds.data(), dense_hits, num_classes_, static_cast<int>(stride), scores);
}

namespace {

template <typename T>
std::vector<T> copy_array(std::string_view bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  std::memcpy(v.data(), bytes.data(), bytes.size());
  return v;
}

bool aligned(std::string_view bytes) { return reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 == 0; }

}  // namespace

void CompactWeights::write(BinaryWriter& w) const {
  // A table loaded from format 1-3 keeps long rows sparse: store them as
  // place() would (same weights), so every written file has its dense rows.
  const Slot* slots = slot_data();
  for (std::size_t i = 0; i < slot_count(); ++i) {
    const std::uint32_t b = slots[i].begin;
    if (b != 0 && !(b & (kInline | kDense)) && cell_data()[b].cls >= dense_min_cells(num_classes_)) {
      pruned(0).write(w);
      return;
    }
  }
  w.u32(static_cast<std::uint32_t>(num_classes_));
  w.u64(features_);
  write_aligned_array(w, slot_data(), slot_count(), sizeof(Slot));
  write_aligned_array(w, cell_data(), cell_count(), sizeof(Cell));
  write_aligned_array(w, dense_data(), dense_count(), sizeof(std::int16_t));
}

CompactWeights CompactWeights::read(BinaryReader& r, std::shared_ptr<const void> blob,
                                    std::uint32_t format) {
  const int num_classes = static_cast<int>(r.u32());
  const std::size_t features = r.u64();
  if (format < 3) {
    std::vector<SlotV2> slots;
    std::vector<Cell> cells;
    if (format < 2) {
      slots = r.pod_vector<SlotV2>();
      cells = r.pod_vector<Cell>();
    } else {
      slots = copy_array<SlotV2>(r.aligned_array(sizeof(SlotV2)));
      cells = copy_array<Cell>(r.aligned_array(sizeof(Cell)));
    }
    return from_v2(r, num_classes, features, slots, cells);
  }
  CompactWeights c;
  c.num_classes_ = num_classes;
  c.features_ = features;
  const std::string_view slots = r.aligned_array(sizeof(Slot));
  const std::string_view cells = r.aligned_array(sizeof(Cell));
  const std::string_view dense = format >= 4 ? r.aligned_array(sizeof(std::int16_t)) : std::string_view();
  if (aligned(slots) && aligned(cells) && aligned(dense)) {
    c.blob_ = std::move(blob);
    c.blob_slots_ = reinterpret_cast<const Slot*>(slots.data());
    c.blob_slot_count_ = slots.size() / sizeof(Slot);
    c.blob_cells_ = reinterpret_cast<const Cell*>(cells.data());
    c.blob_cell_count_ = cells.size() / sizeof(Cell);
    c.blob_dense_ = reinterpret_cast<const std::int16_t*>(dense.data());
    c.blob_dense_count_ = dense.size() / sizeof(std::int16_t);
  } else {  // a buffer without 8-byte alignment: copy instead
    c.slots_ = copy_array<Slot>(slots);
    c.entries_ = copy_array<Cell>(cells);
    c.dense_ = copy_array<std::int16_t>(dense);
  }
  c.validate(r);
  c.dense_bound_ = dense_row_bounds(c.dense_data(), c.dense_count() / c.dense_stride(), c.dense_stride(), num_classes);
  return c;
}

// Formats 1-2 kept every row in the cell array behind an 8-byte slot. Slot
// positions stay (they depend on the table size, not the layout), so the
// converted table needs no keys.
CompactWeights CompactWeights::from_v2(BinaryReader& r, int num_classes, std::size_t features,
                                       const std::vector<SlotV2>& slots,
                                       const std::vector<Cell>& cells) {
  CompactWeights c;
  c.num_classes_ = num_classes;
  c.features_ = features;
  c.slots_.assign(slots.size(), Slot{});
  c.entries_.assign(1, Cell{0, 0});
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const SlotV2& old = slots[i];
    if (old.begin == 0) continue;
    if (old.begin >= cells.size() || old.begin + std::size_t{cells[old.begin].cls} >= cells.size())
      r.fail("parser weight row out of range; the model file is corrupt, retrain it");
    c.slots_[i].check = old.check;
    c.store_row(c.slots_[i], cells.data() + old.begin + 1, cells[old.begin].cls);
  }
  c.validate(r);
  return c;
}

// The fast path of validate() (row_index.h): no branch on the slot kind and
// no random read of the cell array. True only for a table validate() accepts.
bool CompactWeights::validate_fast() const {
  const Slot* slots = slot_data();
  const Cell* cells = cell_data();
  const std::size_t size = slot_count(), ncells = cell_count();
  static_assert(kInlineCells == 2, "validate_fast() checks two inline cells");
  // The AVX2 kernel reads slots as raw 32-bit words: check, begin, then the
  // two cells, each class in its low 16 bits.
  static_assert(sizeof(Slot) == 16 && offsetof(Slot, begin) == 4 && offsetof(Slot, cells) == 8 &&
                    sizeof(Cell) == 4 && offsetof(Cell, cls) == 0,
                "slot_checks.cpp's inline_slots() assumes this slot layout");
  const RowIndex rows(cells, ncells);
  if (!rows.ok() || max_class_field(cells, ncells) >= static_cast<std::uint32_t>(num_classes_)) return false;
  const std::uint32_t classes = static_cast<std::uint32_t>(num_classes_);
  const std::size_t dense_rows = dense_count() / dense_stride();
  // Eight slots at a time where the CPU has AVX2; the rest here. Flags as
  // 0/1 integers and masks, not bools: the compiler keeps the loop free of
  // branches on the (random) slot kind.
  SlotTally tally;
  const std::size_t done = tally_inline_slots_avx2(
      slots, size, classes, static_cast<std::uint32_t>(std::min<std::size_t>(dense_rows, 0x40000000u)), rows, tally);
  std::size_t used = tally.used;
  std::uint32_t bad = tally.bad;
  for (std::size_t i = done; i < size; ++i) {
    const Slot& s = slots[i];
    const std::uint32_t b = s.begin;
    const std::uint32_t inline_row = b >> 31, dense_row = (b >> 30) & (inline_row ^ 1u);
    const std::uint32_t sparse_row = static_cast<std::uint32_t>(b != 0) & (inline_row ^ 1u) & (dense_row ^ 1u);
    const std::uint32_t count = b & ~kInline;
    used += b != 0;
    const std::uint32_t inline_bad = static_cast<std::uint32_t>(count > kInlineCells) |
                                     (static_cast<std::uint32_t>(count >= 1) & static_cast<std::uint32_t>(s.cells[0].cls >= classes)) |
                                     (static_cast<std::uint32_t>(count >= 2) & static_cast<std::uint32_t>(s.cells[1].cls >= classes));
    bad |= inline_row & inline_bad;
    bad |= dense_row & static_cast<std::uint32_t>((b & ~kDense) >= dense_rows);
    bad |= sparse_row & (rows.is_row(b & (0u - sparse_row)) ^ 1u);
  }
  return !bad && used < size;
}

void CompactWeights::validate(BinaryReader& r) const {
  const Slot* slots = slot_data();
  const Cell* cells = cell_data();
  const std::size_t size = slot_count(), ncells = cell_count();
  if (size == 0 || size > 0xffffffffu || ncells == 0 || num_classes_ <= 0 || num_classes_ > 65535 ||
      dense_count() % dense_stride() != 0)
    r.fail("parser weight table is malformed; retrain the model with `dyad train parser`");
  if (validate_fast()) return;
  // Something is wrong (or unusual, such as a format-3 row of every class):
  // the exact checks say what. Overflow rows are stored back to back: a
  // header holding the count, then the cells.
  switch (find_row_fault(cells, ncells, static_cast<std::uint32_t>(num_classes_))) {
    case RowFault::kOverrun: r.fail("parser weight row overruns the table; the model file is corrupt");
    case RowFault::kClassOutOfRange: r.fail("parser weight class out of range; the model file is corrupt");
    case RowFault::kNone: break;
  }
  // A slot must point at a row's header: a row read from elsewhere would
  // take other rows' headers (counts) for classes.
  const RowIndex rows(cells, ncells);
  const std::size_t dense_rows = dense_count() / dense_stride();
  std::size_t used = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const Slot& s = slots[i];
    if (s.begin == 0) continue;
    ++used;
    if (s.begin & kInline) {
      const std::uint32_t count = s.begin & ~kInline;
      if (count > kInlineCells) r.fail("parser weight slot holds too many cells; the model file is corrupt");
      for (std::uint32_t j = 0; j < count; ++j)
        if (s.cells[j].cls >= num_classes_) r.fail("parser weight class out of range; the model file is corrupt");
    } else if (s.begin & kDense) {
      if ((s.begin & ~kDense) >= dense_rows) r.fail("parser weight dense row out of range; the model file is corrupt");
    } else if (!rows.is_row(s.begin)) {
      r.fail("parser weight row out of range; the model file is corrupt, retrain it");
    }
  }
  if (used == size) r.fail("parser weight table has no empty slot; the model file is corrupt");
}

}  // namespace dyad::detail
