// Weights of the parser's multi-class perceptron.
//
// Design: joint transition+label classes number ~100, but a feature is only
// ever updated for the few classes it co-occurred with, so rows are sparse:
// an open-addressing table maps the 64-bit feature hash to a row of
// (class, weight) pairs. Training keeps float weights with lazy averaging
// (Daumé's trick: accumulate weight x time at each touch). The averaged weights
// are quantized to int16 with one global scale and pruned to non-zero entries;
// the compact table stores a 32-bit check of the hash (the slot index supplies
// the other bits), so the model is small, loads with one memcpy and scores with
// prefetched lookups. The few rows that fill a sizeable share of the classes
// (frequent features, looked up in nearly every configuration) are stored
// dense: they are under 1% of the rows but ~90% of the cells a parse adds up
// (counted on EWT text), and a dense row is one vector add instead of a
// scatter of 30-185 scalar ones.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/model_file.h"

namespace dyad::detail {

/// Training-time weights with averaging.
class TrainWeights {
 public:
  explicit TrainWeights(int num_classes);
  /// Adds the current (unaveraged) weights of `features` into scores.
  void score(const std::vector<std::uint64_t>& features, std::vector<float>& scores) const;
  /// w[f][cls] += delta for every feature; `now` is the instance counter.
  void update(const std::vector<std::uint64_t>& features, int cls, float delta, std::uint64_t now);
  std::size_t num_features() const { return keys_.size(); }

  struct Entry {
    std::uint16_t cls;
    float weight;
    double total;
    std::uint64_t stamp;
  };
  /// Calls fn(key, cls, averaged weight) for every entry.
  template <typename Fn>
  void for_each_averaged(std::uint64_t now, Fn fn) const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
      for (const Entry& e : rows_[r])
        fn(keys_[r], e.cls, (e.total + static_cast<double>(now - e.stamp) * e.weight) / now);
  }

 private:
  std::int64_t find(std::uint64_t key) const;
  std::uint32_t insert(std::uint64_t key);
  void grow();
  int num_classes_;
  std::vector<std::uint64_t> table_keys_;
  std::vector<std::uint32_t> table_rows_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::vector<Entry>> rows_;
};

/// Read-only quantized weights used for parsing.
class CompactWeights {
 public:
  CompactWeights() = default;
  /// Builds from averaged weights, dropping entries below `min_abs`.
  static CompactWeights from_training(const TrainWeights& w, std::uint64_t now, int num_classes,
                                      double min_abs);
  /// The mean of models trained with different seeds (an ensemble whose
  /// score is the sum of its members', at the cost of one model). Every model
  /// must come from from_training() or average() (they keep full keys and
  /// their quantization scale) and have the same classes.
  static CompactWeights average(const std::vector<const CompactWeights*>& models);
  /// A copy without cells whose |quantized weight| is below `min_q` (and
  /// without rows left empty): trades a little accuracy for size and speed.
  CompactWeights pruned(int min_q) const;
  /// Adds the integer scores of `features` into scores (size num_classes).
  void score(const std::uint64_t* features, std::size_t count, std::int32_t* scores) const;
  void score(const std::vector<std::uint64_t>& features, std::int32_t* scores) const {
    score(features.data(), features.size(), scores);
  }
  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return features_; }
  std::size_t num_entries() const;  ///< Non-zero weight cells in all rows.
  std::size_t num_dense_rows() const { return dense_count() / dense_stride(); }

  void write(BinaryWriter& w) const;
  /// Reads what write() wrote. `blob` owns the bytes `r` reads; when the
  /// arrays are aligned in it (formats 3-4), the weights point into it instead
  /// of copying, which halves the memory a load touches. Formats 1 and 2
  /// (8-byte slots, no inline rows) are converted; format 3 has no dense rows.
  static CompactWeights read(BinaryReader& r, std::shared_ptr<const void> blob,
                             std::uint32_t format);

  struct Cell {
    std::uint16_t cls;  ///< In a row header: the number of cells that follow.
    std::int16_t weight;
  };
  /// Rows of up to kInlineCells cells (three in four rows: most features were
  /// only ever updated for the gold and the predicted class) live inside
  /// their slot, so looking them up costs one cache miss instead of two.
  static constexpr std::uint32_t kInline = 0x80000000u;
  static constexpr std::uint32_t kInlineCells = 2;
  /// A slot's row is row (begin & ~kDense) of the dense array (format 4).
  static constexpr std::uint32_t kDense = 0x40000000u;
  /// Rows with at least this many cells are stored dense.
  static std::size_t dense_min_cells(int num_classes) {
    return std::max<std::size_t>(4, static_cast<std::size_t>(num_classes) / 6);
  }
  struct Slot {
    std::uint32_t check = 0;
    /// 0 = empty; kInline | n = the row is the first n `cells`; kDense | r =
    /// dense row r; else the index of the row header in the overflow cells.
    std::uint32_t begin = 0;
    Cell cells[kInlineCells] = {};
  };
  /// Payload format 2's 8-byte slot (rows always in the cell array); read only.
  struct SlotV2 {
    std::uint32_t check;
    std::uint32_t begin;
  };

 private:
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * slot_count()) >> 32);
  }
  void place(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& rows);
  const Slot* slot_data() const { return blob_ ? blob_slots_ : slots_.data(); }
  const Cell* cell_data() const { return blob_ ? blob_cells_ : entries_.data(); }
  std::size_t slot_count() const { return blob_ ? blob_slot_count_ : slots_.size(); }
  std::size_t cell_count() const { return blob_ ? blob_cell_count_ : entries_.size(); }
  void validate(BinaryReader& r) const;
  bool validate_fast() const;
  const std::int16_t* dense_data() const { return blob_ ? blob_dense_ : dense_.data(); }
  std::size_t dense_count() const { return blob_ ? blob_dense_count_ : dense_.size(); }
  /// Dense rows are padded to a multiple of 8 classes (16 bytes).
  std::size_t dense_stride() const { return (static_cast<std::size_t>(num_classes_) + 7) / 8 * 8; }
  /// The non-zero cells of an occupied slot's row, in class order.
  void row_cells(const Slot& s, std::vector<Cell>& out) const;
  /// Stores a row in slot `s`: inline when it fits, dense when it is long,
  /// else appended to entries_.
  void store_row(Slot& s, const Cell* cells, std::size_t n);
  static CompactWeights from_v2(BinaryReader& r, int num_classes, std::size_t features,
                                const std::vector<SlotV2>& slots, const std::vector<Cell>& cells);
  CompactWeights pruned_in_place(int min_q) const;
  int num_classes_ = 0;
  std::size_t features_ = 0;
  std::vector<Slot> slots_;
  std::vector<Cell> entries_;
  std::vector<std::int16_t> dense_;  ///< Dense rows, dense_stride() apart.
  /// Per dense row, max |weight| (dense_row_bound): lets score() sum runs of
  /// rows in 16 bits. Derived from the rows: set by store_row() and read().
  std::vector<std::uint16_t> dense_bound_;
  std::vector<std::uint64_t> keys_;  ///< Full keys per slot; training only, not saved.
  double scale_ = 0;                 ///< Quantization scale; training only, not saved.
  // Loaded weights that live inside the model payload (see read()).
  std::shared_ptr<const void> blob_;
  const Slot* blob_slots_ = nullptr;
  const Cell* blob_cells_ = nullptr;
  const std::int16_t* blob_dense_ = nullptr;
  std::size_t blob_slot_count_ = 0, blob_cell_count_ = 0, blob_dense_count_ = 0;
};

}  // namespace dyad::detail
