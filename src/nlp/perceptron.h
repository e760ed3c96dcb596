// Averaged multiclass perceptron over hashed sparse features.
//
// Design: a feature is a 64-bit hash of (template id, value); there is no
// feature dictionary to store. Training keeps, per feature, a short vector of
// (class, weight, update-sum) entries, because most features only ever touch
// a few classes; averaging uses the "w - u/c" trick so an update costs O(1).
// finalize() averages, drops near-zero weights and features left empty, and
// returns SparseWeights: an open-addressing key table plus CSR rows of
// (class, weight). Scoring scatters a row into a dense score array, so a word
// costs (features x nonzeros per row), not (features x classes). Rows that
// fill a sizeable share of the classes (suffixes, shapes, tag contexts: a few
// percent of the rows, ~85% of the weights a tagging run adds) are stored
// dense and added with one vector loop instead of a scatter. The model is
// read-only after loading and safe to share across threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
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

/// scores[0..n) += row[0..n) (vectorized; AVX2 where the CPU has it).
void add_dense_row(const float* row, int n, float* scores);

/// Averaged weights, read-only: feature key -> sparse row of (class, weight).
class SparseWeights {
 public:
  SparseWeights() = default;
  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_rows_; }
  std::size_t num_weights() const { return num_weights_; }
  std::size_t num_dense_rows() const { return num_dense_; }

  /// Adds the row of `key` (if known) into scores[0..num_classes).
  void add_to(std::uint64_t key, float* scores) const {
    if (!slots_) return;
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.end == 0) return;  // empty slot: unknown feature
      if (slot.key != key) continue;
      if (slot.end == kDenseRow) {
        add_dense_row(dense_ + slot.begin * dense_stride(), num_classes_, scores);
        return;
      }
      for (std::uint32_t k = slot.begin; k < slot.end; ++k) scores[entries_[k].cls] += entries_[k].w;
      return;
    }
  }

  /// Adds the rows of all `keys` into scores. Prefetches every slot first and
  /// every row next, so the cache misses of one word overlap instead of
  /// queueing (tagging is bound by memory latency, not arithmetic).
  void add_all(const std::uint64_t* keys, std::size_t n, float* scores) const;

  /// A copy without weights below `threshold` in magnitude (and without empty
  /// rows), rounded to the int16 grid it is saved on, so that a saved and
  /// reloaded model scores exactly like the one in memory.
  SparseWeights pruned(float threshold) const;

  /// The mean of models with the same classes (trained with different
  /// seeds): scores like the members' averaged scores, at one model's cost.
  static SparseWeights average(const std::vector<const SparseWeights*>& models);

  /// Format 3 (written): the lookup table itself (slots, then sparse rows of
  /// (class, weight), then dense rows, weights on the int16 grid), 8-byte
  /// aligned, so a load validates it and uses it in place inside `owner`'s
  /// bytes. Format 2 (read): the same without dense rows. Format 1 (read):
  /// keys, row offsets, classes and int16 weights; the table is rebuilt.
  void write(BinaryWriter& w) const;
  static SparseWeights read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                            std::uint32_t format);

 private:
  friend class PerceptronTrainer;
  // One cache line per lookup: the slot holds the key and its row range.
  struct Slot {
    std::uint64_t key;
    std::uint32_t begin, end;  // end == 0: empty slot (rows are never empty)
  };
  /// Slot::end of a dense row; Slot::begin is then its dense row number.
  static constexpr std::uint32_t kDenseRow = 0xffffffffu;
  /// Rows with at least this many weights are stored dense.
  static std::size_t dense_min_weights(int num_classes) {
    return std::max<std::size_t>(4, static_cast<std::size_t>(num_classes) / 6);
  }
  /// Dense rows are padded to a multiple of 8 classes (32 bytes).
  std::size_t dense_stride() const { return (static_cast<std::size_t>(num_classes_) + 7) / 8 * 8; }
  struct Entry {
    std::uint32_t cls;
    float w;
  };
  struct Storage {
    std::vector<Slot> slots;
    std::vector<Entry> entries;
    std::vector<float> dense;
  };
  /// The non-zero weights of an occupied slot's row, in class order.
  void row_entries(const Slot& slot, std::vector<Entry>& out) const;
  /// Builds the table from rows in key order (row r: cls/w[row_begin[r]..row_begin[r+1])).
  static SparseWeights build(int num_classes, float scale, const std::vector<std::uint64_t>& keys,
                             const std::vector<std::uint32_t>& row_begin,
                             const std::vector<std::uint16_t>& cls, const std::vector<float>& w);
  static SparseWeights read_v1(BinaryReader& r);
  /// The same rows without weights below `threshold`, laid out afresh (long
  /// rows dense); `requantize` puts them on a new int16 grid.
  SparseWeights rebuilt(float threshold, bool requantize) const;
  void validate(BinaryReader& r);  // also counts num_weights_
  float grid_step() const;

  int num_classes_ = 0;
  float scale_ = 0;  // int16 grid step; 0 = not quantized yet
  std::size_t num_rows_ = 0, num_entries_ = 0;  // entries_: sparse rows only
  std::size_t num_dense_ = 0;                     // dense rows
  std::size_t num_weights_ = 0;                   // non-zero weights in all rows
  std::size_t mask_ = 0;  // slot count - 1 (a power of two)
  // Immutable after construction, so copies share it: either our own
  // Storage or a loaded model's payload.
  std::shared_ptr<const void> owner_;
  const Slot* slots_ = nullptr;
  const Entry* entries_ = nullptr;
  const float* dense_ = nullptr;
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
