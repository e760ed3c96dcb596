// Training the sentence-boundary model.
//
// Design: the gold sentences are turned back into raw text exactly as the
// evaluation builds it, then segmented by our own scanner and rules, so the
// model learns from the tokens and rule decisions it will see at run time.
// A gap after a token is a positive example when a gold sentence ends at the
// token's last byte. Averaged perceptron, shuffled with a seeded generator
// so a training run is reproducible; weights that average to zero are dropped.
#include <algorithm>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "dyad/error.h"
#include "text/scanner.h"
#include "text/sentence_features.h"
#include "text/sentence_model.h"
#include "text/sentence_splitter.h"

namespace dyad::detail {
namespace {

struct Example {
  std::size_t first_feature;  // into the shared feature array
  bool boundary;
};

struct Weight {
  float w = 0;
  double total = 0;    // sum of w over all updates seen so far (lazy averaging)
  long last_step = 0;  // step of the last change
};

std::string rebuild_text(const std::vector<Sentence>& gold, std::unordered_set<std::size_t>& ends) {
  std::string text;
  for (const Sentence& s : gold) {
    if (!text.empty()) text += (s.new_paragraph || s.new_document) ? "\n\n" : " ";
    text += s.text;
    ends.insert(text.size());
  }
  text += "\n";
  return text;
}

}  // namespace

SentenceModel SentenceModel::train(const std::vector<Sentence>& gold, int epochs,
                                   std::uint64_t seed) {
  if (gold.empty()) throw Error("train sentence splitter: no training sentences");
  std::unordered_set<std::size_t> ends;
  std::string text = rebuild_text(gold, ends);

  std::vector<Example> examples;
  std::vector<std::uint64_t> features, buf;
  std::vector<RawToken> toks;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t par_end = text.find("\n\n", pos);
    if (par_end == std::string::npos) par_end = text.size() - 1;
    toks.clear();
    scan_tokens(text, pos, par_end, toks);
    split_sentences(text, toks, nullptr);
    for (std::size_t k = 0; k + 1 < toks.size(); ++k) {
      boundary_features(text, toks, k, buf);
      examples.push_back({features.size(), ends.count(toks[k].end) > 0});
      features.insert(features.end(), buf.begin(), buf.end());
    }
    pos = par_end + 2;
  }
  const std::size_t per = buf.size();

  std::unordered_map<std::uint64_t, Weight> w;
  std::mt19937_64 rng(seed);
  long step = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(examples.begin(), examples.end(), rng);
    for (const Example& ex : examples) {
      const std::uint64_t* f = &features[ex.first_feature];
      float score = 0;
      for (std::size_t i = 0; i < per; ++i) {
        auto it = w.find(f[i]);
        if (it != w.end()) score += it->second.w;
      }
      if ((score > 0) != ex.boundary) {
        float delta = ex.boundary ? 1.0f : -1.0f;
        for (std::size_t i = 0; i < per; ++i) {
          Weight& x = w[f[i]];
          x.total += static_cast<double>(x.w) * static_cast<double>(step - x.last_step);
          x.last_step = step;
          x.w += delta;
        }
      }
      ++step;
    }
  }
  std::vector<std::pair<std::uint64_t, float>> entries;
  for (auto& [key, x] : w) {
    x.total += static_cast<double>(x.w) * static_cast<double>(step - x.last_step);
    float avg = static_cast<float>(x.total / static_cast<double>(step));
    if (avg != 0.0f) entries.emplace_back(key, avg);
  }
  SentenceModel m;
  m.build(entries);
  return m;
}

}  // namespace dyad::detail
