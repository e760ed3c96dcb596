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
  SentenceModel m;
  m.weights_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) m.weights_.emplace(keys[i], weights[i]);
  return m;
}

void SentenceModel::save(const std::string& path, const std::string& description) const {
  std::vector<std::pair<std::uint64_t, float>> entries(weights_.begin(), weights_.end());
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> keys;
  std::vector<float> weights;
  for (const auto& [k, w] : entries) {
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
