// Read-only tables keyed by 64-bit hashes: sorted keys plus parallel values,
// looked up by binary search. Loading is two bulk copies (no per-entry
// allocation), which keeps model load time low; values must be trivially
// copyable. StringTable adds one shared byte blob for string values.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/model_file.h"

namespace dyad::detail {

template <typename V>
class KeyTable {
  static_assert(std::is_trivially_copyable_v<V>);

 public:
  /// Builds from (key, value) pairs; duplicate keys keep the first.
  void build(std::vector<std::pair<std::uint64_t, V>> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    keys_.clear();
    values_.clear();
    for (const auto& [k, v] : items) {
      if (!keys_.empty() && keys_.back() == k) continue;
      keys_.push_back(k);
      values_.push_back(v);
    }
  }
  const V* find(std::uint64_t key) const {
    auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (it == keys_.end() || *it != key) return nullptr;
    return &values_[it - keys_.begin()];
  }
  std::size_t size() const { return keys_.size(); }
  const std::vector<V>& values() const { return values_; }

  void write(BinaryWriter& w) const {
    w.pod_vector(keys_);
    w.pod_vector(values_);
  }
  void read(BinaryReader& r) {
    keys_ = r.pod_vector<std::uint64_t>();
    values_ = r.pod_vector<V>();
    if (keys_.size() != values_.size()) r.fail("table keys and values differ in length");
    for (std::size_t i = 1; i < keys_.size(); ++i)
      if (keys_[i - 1] >= keys_[i]) r.fail("table keys not sorted");
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<V> values_;
};

/// Hash key -> string, with all strings in one blob.
class StringTable {
 public:
  void build(const std::vector<std::pair<std::uint64_t, std::string>>& items) {
    std::vector<std::pair<std::uint64_t, Ref>> refs;
    blob_.clear();
    for (const auto& [k, s] : items) {
      refs.push_back({k, Ref{static_cast<std::uint32_t>(blob_.size()),
                             static_cast<std::uint32_t>(s.size())}});
      blob_ += s;
    }
    table_.build(std::move(refs));
  }
  /// Null when absent.
  const std::string_view* find(std::uint64_t key, std::string_view& out) const {
    const Ref* r = table_.find(key);
    if (!r) return nullptr;
    out = std::string_view(blob_).substr(r->off, r->len);
    return &out;
  }
  void write(BinaryWriter& w) const {
    table_.write(w);
    w.u64(blob_.size());
    w.raw(blob_.data(), blob_.size());
  }
  void read(BinaryReader& r) {
    table_.read(r);
    std::uint64_t n = r.u64();
    blob_ = std::string(r.take(n));
    for (const Ref& ref : table_.values())
      if (std::uint64_t{ref.off} + ref.len > blob_.size()) r.fail("string table entry out of range");
  }

 private:
  struct Ref {
    std::uint32_t off, len;
  };
  KeyTable<Ref> table_;
  std::string blob_;
};

}  // namespace dyad::detail
