// Averaged multiclass perceptron over hashed sparse features.
//
// Design: a feature is a 64-bit hash of (template id, value); there is no
// feature dictionary to store. Training keeps, per feature, a short vector of
// (class, weight, update-sum) entries, because most features only ever touch
// a few classes; averaging uses the "w - u/c" trick so an update costs O(1).
// finalize() averages, drops near-zero weights and features left empty, and
// returns SparseWeights: an open-addressing key table plus rows of
// (class, int16 weight). Scoring scatters a row into a dense score array, so a word
// costs (features x nonzeros per row), not (features x classes). Rows that
// fill a sizeable share of the classes (1.3% of the committed tagger's rows;
// rows of 32+ weights carried 86% of the weights a tagging run adds) are
// stored dense and added with one vector loop instead of a scatter. The model is
// read-only after loading and safe to share across threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "common/model_file.h"
#include "common/hash.h"

namespace dyad::detail {

/// Hashes a template id and one value.
inline std::uint64_t feature_hash(std::uint64_t tmpl, std::uint64_t value) {
  return mix64(tmpl * 0x9e3779b97f4a7c15ULL + mix64(value + 0x632be59bd9b4e019ULL));
}

/// Hashes a string (FNV-1a) for use as a feature value.
inline std::uint64_t string_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

/// scores[0..n) += row[0..n) * scale (vectorized; AVX2 where the CPU has it).
void add_dense_row(const std::int16_t* row, int n, float scale, float* scores);

/// Averaged weights, read-only: feature key -> sparse row of (class, weight).
///
/// Layout (payload format 4): an open-addressing table of 8-byte slots (a
/// 32-bit check of the key; its low half picks the home slot) at load factor
/// 0.7; each slot points at a run of 4-byte cells (a header with the count,
/// then (class, int16 weight) pairs) or at a dense int16 row. Weights are on
/// one int16 grid per table (`scale`); the scores they add are bit-identical
/// to the float weights of formats 1-3 (same products, same order).
class SparseWeights {
 public:
  SparseWeights() = default;
  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_rows_; }
  std::size_t num_weights() const { return num_weights_; }
  std::size_t num_dense_rows() const { return num_dense_; }

  /// Adds the row of `key` (if known) into scores[0..num_classes).
  void add_to(std::uint64_t key, float* scores) const {
    const std::uint32_t begin = find(key);
    if (begin != 0) add_row(begin, scores);
  }

  /// Adds the rows of all `keys` into scores. Prefetches every slot first and
  /// every row next, so the cache misses of one word overlap instead of
  /// queueing (tagging is bound by memory latency, not arithmetic).
  void add_all(const std::uint64_t* keys, std::size_t n, float* scores) const;
  /// add_all for many groups of keys at once: group g, keys[ends[g-1],
  /// ends[g]) (the first from 0), is added into scores[g] exactly as add_all
  /// would; the lookups run ahead across groups, so the misses of one group
  /// overlap the sums of the one before.
  void add_groups(const std::uint64_t* keys, const std::size_t* ends, std::size_t groups,
                  float* const* scores) const;

  /// A copy without weights below `threshold` in magnitude (and without empty
  /// rows), on a new int16 grid.
  SparseWeights pruned(float threshold) const;

  /// The mean of models with the same classes (trained with different
  /// seeds): scores like the members' averaged scores, at one model's cost.
  /// The members must be trained in this process (they keep full keys).
  static SparseWeights average(const std::vector<const SparseWeights*>& models);

  /// Writes format 4; reads formats 1-4 (1-3 are converted: rebuilt from
  /// their full keys). A format-4 table is used in place inside `owner`'s
  /// bytes when they are aligned.
  void write(BinaryWriter& w) const;
  static SparseWeights read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                            std::uint32_t format);

  struct Slot {
    std::uint32_t check;  ///< key >> 32
    std::uint32_t begin;  ///< 0: empty; kDense | r: dense row r; else header cell index
  };
  struct Cell {
    std::uint16_t cls;  ///< In a row header: the number of cells that follow.
    std::int16_t q;     ///< weight / scale
  };
  static constexpr std::uint32_t kDense = 0x80000000u;
  /// Rows with at least this many weights are stored dense.
  static std::size_t dense_min_weights(int num_classes) {
    return std::max<std::size_t>(4, static_cast<std::size_t>(num_classes) / 6);
  }

 private:
  friend class PerceptronTrainer;
  struct Storage {
    std::vector<Slot> slots;
    std::vector<Cell> cells;
    std::vector<std::int16_t> dense;
  };
  /// A row in key order: its key and its (class, weight) pairs.
  struct Row {
    std::uint64_t key;
    std::vector<std::pair<std::uint16_t, float>> weights;
  };
  /// Builds the table from rows; `scale` 0 picks the grid from the weights.
  static SparseWeights build(int num_classes, float scale, const std::vector<Row>& rows);
  /// Rows of formats 1-3 (full keys, float or int16 weights) converted.
  static SparseWeights read_legacy(BinaryReader& r, std::uint32_t format);
  /// The table's rows with their full keys (tables built in this process).
  std::vector<Row> rows() const;
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * num_slots_) >> 32);
  }
  /// The slot's `begin` for `key`, 0 when the key is unknown.
  std::uint32_t find(std::uint64_t key) const {
    if (num_slots_ == 0) return 0;
    const std::uint32_t check = static_cast<std::uint32_t>(key >> 32);
    for (std::size_t i = home(key);; i = i + 1 == num_slots_ ? 0 : i + 1) {
      if (slots_[i].begin == 0) return 0;
      if (slots_[i].check == check) return slots_[i].begin;
    }
  }
  void add_row(std::uint32_t begin, float* scores) const {
    if (begin & kDense) {
      add_dense_row(dense_ + (begin & ~kDense) * dense_stride(), num_classes_, scale_, scores);
      return;
    }
    const Cell* row = cells_ + begin;
    for (std::uint32_t k = 1; k <= row->cls; ++k) scores[row[k].cls] += static_cast<float>(row[k].q) * scale_;
  }
  /// Dense rows are padded to a multiple of 8 classes (16 bytes).
  std::size_t dense_stride() const { return (static_cast<std::size_t>(num_classes_) + 7) / 8 * 8; }
  void validate(BinaryReader& r);  // also counts num_weights_
  bool validate_fast();
  std::size_t dense_weight_count() const;  ///< Non-zero weights in the dense rows.

  int num_classes_ = 0;
  float scale_ = 0;  // int16 grid step
  std::size_t num_rows_ = 0, num_slots_ = 0, num_cells_ = 0, num_dense_ = 0, num_weights_ = 0;
  // Immutable after construction, so copies share it: either our own
  // Storage or a loaded model's payload.
  std::shared_ptr<const void> owner_;
  const Slot* slots_ = nullptr;
  const Cell* cells_ = nullptr;
  const std::int16_t* dense_ = nullptr;
  /// Per dense row, max |weight| (dense_row_bound): lets add_groups() sum
  /// runs of rows in 16 bits. Derived from the rows by set_dense_bounds().
  std::shared_ptr<const std::vector<std::uint16_t>> dense_bound_;
  void set_dense_bounds();
  /// Full keys by slot (0 where empty) of a table built in this process;
  /// empty for a loaded one. Not saved: averaging and pruning need them.
  std::shared_ptr<const std::vector<std::uint64_t>> keys_;
};

/// Online trainer: score with the current weights, update on mistakes.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }

  /// scores[c] = sum of current weights of `feats` for class c (scores zeroed first).
  void score(const std::uint64_t* feats, std::size_t n, float* scores) const;
  /// scores[c] += current weights of `feats` for class c.
  void accumulate(const std::uint64_t* feats, std::size_t n, float* scores) const;
  /// Adds `delta` to the weights of `feats` for class `cls`.
  void add(const std::uint64_t* feats, std::size_t n, int cls, float delta) {
    for (std::size_t i = 0; i < n; ++i) bump(feats[i], cls, delta);
  }
  /// Perceptron update towards `truth`, away from `guess` (no-op when equal).
  void update(const std::uint64_t* feats, std::size_t n, int truth, int guess);
  /// Advances the averaging clock; call once per training instance.
  void tick() { ++clock_; }
  /// Averaged weights; entries with |w| < prune are dropped.
  SparseWeights finalize(float prune) const;

 private:
  struct Entry {
    std::uint16_t cls;
    float w;
    double u;
  };
  void bump(std::uint64_t key, int cls, float delta);

  int num_classes_;
  double clock_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace dyad::detail
