// Sentence model storage: the model_file container, payload version 1 =
//   u64 count, pod_vector<u64> feature hashes (sorted), pod_vector<f32> weights.
// Only non-zero averaged weights are stored, which keeps the file small.
#include "text/sentence_model.h"

#include <algorithm>

#include "common/model_file.h"
#include "dyad/error.h"

namespace dyad::detail {

SentenceModel SentenceModel::load(const std::string& path) {
  std::string payload = read_model_file(path, ModelKind::kSentenceSplitter, kVersion);
  BinaryReader r(payload, path);
  std::uint64_t n = r.u64();
  std::vector<std::uint64_t> keys = r.pod_vector<std::uint64_t>();
  std::vector<float> weights = r.pod_vector<float>();
  r.expect_end();
  if (keys.size() != n || weights.size() != n) {
    r.fail("feature and weight counts differ; the model file is corrupt, retrain it");
  }
  std::vector<std::pair<std::uint64_t, float>> entries;
  entries.reserve(n);
  for (std::size_t i = 0; i < n; ++i) entries.emplace_back(keys[i], weights[i]);
  SentenceModel m;
  m.build(entries);
  return m;
}

void SentenceModel::build(const std::vector<std::pair<std::uint64_t, float>>& entries) {
  entries_ = entries;
  std::sort(entries_.begin(), entries_.end());
  count_ = entries_.size();
  std::size_t slots = 16;
  while (slots < 2 * count_) slots *= 2;  // load factor <= 0.5
  keys_.assign(slots, 0);
  values_.assign(slots, 0.0f);
  mask_ = slots - 1;
  for (const auto& [k, w] : entries_) {
    std::uint64_t key = k ? k : 1;
    std::size_t i = (key ^ (key >> 29)) & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] += w;
  }
}

void SentenceModel::save(const std::string& path, const std::string& description) const {
  std::vector<std::uint64_t> keys;
  std::vector<float> weights;
  for (const auto& [k, w] : entries_) {
    keys.push_back(k);
    weights.push_back(w);
  }
  BinaryWriter w;
  w.u64(keys.size());
  w.pod_vector(keys);
  w.pod_vector(weights);
  write_model_file(path, {ModelKind::kSentenceSplitter, kVersion, description}, w.bytes());
}

}  // namespace dyad::detail
