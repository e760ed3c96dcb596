// Parser training: averaged perceptron with a dynamic oracle and exploration.
//
// Design (Goldberg & Nivre 2012/2013): at every configuration the oracle gives
// the cost of each valid transition; the model is updated towards the
// best-scoring zero-cost (minimum-cost) transition whenever its own choice
// costs more. From epoch 2 on, training follows the model's own (possibly
// wrong) choice with probability kExploreProb, so the model learns to recover
// from its mistakes as it must at parse time. Gold trees are projectivized
// first, so the oracle is exact. Each epoch's averaged model is scored on dev
// and the best one is kept. Shuffling and exploration use one seeded
// generator, so a run is reproducible.
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "common/parallel.h"
#include "dyad/error.h"
#include "nlp/parser_features.h"
#include "nlp/parser_impl.h"
#include "nlp/projectivize.h"
#include "nlp/transition.h"

namespace dyad {
namespace {

constexpr double kExploreProb = 0.9;
constexpr int kExploreFromEpoch = 2;
constexpr int kMinLiftedLabelCount = 2;  // rarer encodings fall back to the plain label

struct GoldSentence {
  std::vector<int> head;   // 1..n; ROOT = n + 1; index 0 and n+1 unused
  std::vector<int> label;  // label ids
  detail::TokenHashes tokens;
};

bool usable(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  if (n == 0) return false;
  for (const Word& w : s.words)
    if (w.head < 0 || w.head > n || w.deprel.empty()) return false;
  return true;
}

std::string universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

// Projectivizes every usable sentence and builds the label inventory.
std::vector<GoldSentence> prepare(const std::vector<Sentence>& train, Parser::Impl& impl,
                                  bool verbose) {
  std::vector<std::vector<int>> heads;
  std::vector<std::vector<std::string>> labels;
  std::map<std::string, int> counts;
  int lifts = 0, skipped = 0;
  for (const Sentence& s : train) {
    if (!usable(s)) {
      ++skipped;
      continue;
    }
    std::vector<int> h;
    std::vector<std::string> l;
    for (const Word& w : s.words) {
      h.push_back(w.head);
      l.push_back(w.deprel);
    }
    lifts += detail::projectivize(h, l);
    for (const std::string& x : l) ++counts[x];
    heads.push_back(std::move(h));
    labels.push_back(std::move(l));
  }
  for (auto& sentence_labels : labels)
    for (std::string& x : sentence_labels)
      if (counts[x] < kMinLiftedLabelCount && x.find(detail::kLiftSeparator) != std::string::npos)
        x.resize(x.find(detail::kLiftSeparator));
  std::map<std::string, int> ids;
  for (auto& sentence_labels : labels)
    for (std::string& x : sentence_labels) ids.emplace(x, 0);
  ids.emplace("root", 0);
  for (auto& [name, id] : ids) {
    id = static_cast<int>(impl.labels.size());
    impl.labels.push_back(name);
    impl.lifted.push_back(name.find(detail::kLiftSeparator) != std::string::npos);
  }
  impl.root_label = ids["root"];
  if (verbose)
    std::fprintf(stderr, "parser: %zu training sentences (%d skipped), %d lifted arcs, %zu labels\n",
                 heads.size(), skipped, lifts, impl.labels.size());
  std::vector<GoldSentence> gold;
  std::size_t k = 0;
  for (const Sentence& s : train) {
    if (!usable(s)) continue;
    const int n = static_cast<int>(s.words.size());
    GoldSentence g;
    g.head.assign(static_cast<std::size_t>(n) + 2, 0);
    g.label.assign(static_cast<std::size_t>(n) + 2, -1);
    for (int w = 1; w <= n; ++w) {
      const int h = heads[k][static_cast<std::size_t>(w - 1)];
      g.head[static_cast<std::size_t>(w)] = h == 0 ? n + 1 : h;
      g.label[static_cast<std::size_t>(w)] = ids[labels[k][static_cast<std::size_t>(w - 1)]];
    }
    g.tokens.build(s);
    gold.push_back(std::move(g));
    ++k;
  }
  return gold;
}

class Trainer {
 public:
  Trainer(const Parser::Impl& impl, std::uint64_t seed)
      : impl_(impl), weights_(1 + 2 * impl.num_labels()), rng_(seed) {}

  // One pass over `gold` in the given order; returns the fraction of decisions right.
  double epoch(const std::vector<GoldSentence>& gold, const std::vector<std::size_t>& order,
               bool explore) {
    std::size_t right = 0, total = 0;
    for (std::size_t i : order) {
      const GoldSentence& g = gold[i];
      state_.reset(static_cast<int>(g.head.size()) - 2);
      while (!state_.terminal()) {
        detail::extract_features(state_, g.tokens, features_);
        weights_.score(features_, scores_);
        detail::valid_classes(state_, impl_.num_labels(), impl_.root_label, valid_);
        detail::oracle_costs(state_, g.head, g.label, valid_, cost_);
        int pred = -1, best_gold = -1, min_cost = 1 << 30;
        for (std::size_t c = 0; c < valid_.size(); ++c)
          if (valid_[c]) min_cost = std::min(min_cost, cost_[c]);
        for (int c = 0; c < static_cast<int>(valid_.size()); ++c) {
          if (!valid_[c]) continue;
          if (pred < 0 || scores_[c] > scores_[pred]) pred = c;
          if (cost_[c] == min_cost && (best_gold < 0 || scores_[c] > scores_[best_gold])) best_gold = c;
        }
        ++now_;
        ++total;
        int next = pred;
        if (cost_[pred] > min_cost) {
          weights_.update(features_, best_gold, 1.0f, now_);
          weights_.update(features_, pred, -1.0f, now_);
          if (!explore || uniform() >= kExploreProb) next = best_gold;
        } else {
          ++right;
        }
        state_.apply(next);
      }
    }
    return total ? static_cast<double>(right) / total : 0;
  }

  detail::CompactWeights averaged() const {
    return detail::CompactWeights::from_training(weights_, now_, 1 + 2 * impl_.num_labels(), 0.0);
  }
  std::size_t num_features() const { return weights_.num_features(); }

  void shuffle(std::vector<std::size_t>& order) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng_() % i]);
  }

 private:
  double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

  const Parser::Impl& impl_;
  detail::TrainWeights weights_;
  std::mt19937_64 rng_;
  std::uint64_t now_ = 0;
  detail::ArcHybridState state_;
  std::vector<std::uint64_t> features_;
  std::vector<float> scores_;
  std::vector<std::uint8_t> valid_;
  std::vector<int> cost_;
};

}  // namespace

namespace detail {

AttachmentScore score_attachment(const std::vector<Sentence>& gold, const Parser::Impl& parser) {
  AttachmentScore score;
  std::vector<int> heads, ids;
  std::vector<std::string> labels;
  for (const Sentence& s : gold) {
    if (!usable(s)) continue;
    parser.predict(s, heads, ids);
    labels.clear();
    for (int id : ids) labels.push_back(parser.labels[static_cast<std::size_t>(id)]);
    deprojectivize(heads, labels);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      ++score.words;
      if (heads[i] != s.words[i].head) continue;
      ++score.heads;
      score.labeled += universal(labels[i]) == universal(s.words[i].deprel);
    }
  }
  return score;
}

}  // namespace detail

namespace {

// Drops small weights while dev LAS stays within kPruneTolerance of the
// unpruned model: most cells are tiny corrections that cost size and speed.
void prune(Parser::Impl& impl, const std::vector<Sentence>& dev, double full_las, bool verbose) {
  constexpr double kPruneTolerance = 0.1;
  detail::CompactWeights kept = impl.weights;
  for (int min_q : {128, 256, 512, 768, 1024, 1536, 2048, 3072, 4096}) {
    impl.weights = kept.pruned(min_q);
    const double las = detail::score_attachment(dev, impl).las();
    if (verbose)
      std::fprintf(stderr, "parser prune |q| >= %d: %zu features, %zu cells, dev LAS %.2f\n", min_q,
                   impl.weights.num_features(), impl.weights.num_entries(), las);
    if (las < full_las - kPruneTolerance) break;
    kept = impl.weights;
  }
  impl.weights = std::move(kept);
}

}  // namespace

namespace {

struct Trained {
  detail::CompactWeights weights;
  double dev_las = -1;
};

// Trains one model; each epoch's averaged weights are scored on dev and the
// best kept. `impl` supplies the labels (its weights are overwritten).
Trained train_one(const std::vector<GoldSentence>& gold, Parser::Impl impl,
                  const std::vector<Sentence>& dev, const ParserTrainOptions& options,
                  std::uint64_t seed, const std::string& name) {
  Trainer trainer(impl, seed);
  std::vector<std::size_t> order(gold.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  Trained best;
  const auto start = std::chrono::steady_clock::now();
  for (int e = 1; e <= options.epochs; ++e) {
    trainer.shuffle(order);
    const double acc = trainer.epoch(gold, order, e >= kExploreFromEpoch);
    impl.weights = trainer.averaged();
    detail::AttachmentScore dev_score = detail::score_attachment(dev, impl);
    const double las = dev.empty() ? e : dev_score.las();
    if (las > best.dev_las) best = {impl.weights, las};
    if (options.verbose) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr,
                   "parser%s epoch %d: train decisions %.2f%%, %zu features (%zu kept, %zu cells), dev UAS %.2f LAS %.2f, %.0f s\n",
                   name.c_str(), e, 100 * acc, trainer.num_features(), impl.weights.num_features(),
                   impl.weights.num_entries(), dev_score.uas(), dev_score.las(), secs);
    }
  }
  return best;
}

}  // namespace

Parser Parser::train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                     const ParserTrainOptions& options) {
  auto impl = std::make_unique<Impl>();
  std::vector<GoldSentence> gold = prepare(train, *impl, options.verbose);
  if (gold.empty()) throw Error("parser training: no sentence with complete heads and deprels in the training data");
  if (options.ensemble < 1 || options.ensemble > 16)
    throw Error("parser training: ensemble size must be 1 to 16, got " + std::to_string(options.ensemble));
  const auto n = static_cast<std::size_t>(options.ensemble);
  std::vector<Trained> models(n);
  if (n == 1) {
    models[0] = train_one(gold, *impl, dev, options, options.seed, "");
  } else {
    // Members differ only in shuffling and exploration; each thread has its
    // own trainer, and gold/dev are shared read-only.
    detail::run_in_threads(n, [&](std::size_t k) {
      char name[32];
      std::snprintf(name, sizeof name, " %zu/%zu", k + 1, n);
      models[k] = train_one(gold, *impl, dev, options, options.seed + k, name);
    });
  }
  double best_las = models[0].dev_las;
  if (n == 1) {
    impl->weights = std::move(models[0].weights);
  } else {
    std::vector<const detail::CompactWeights*> members;
    for (const Trained& m : models) members.push_back(&m.weights);
    impl->weights = detail::CompactWeights::average(members);
    models.clear();
    best_las = dev.empty() ? 0 : detail::score_attachment(dev, *impl).las();
    if (options.verbose)
      std::fprintf(stderr, "parser ensemble of %zu: %zu features, %zu cells, dev LAS %.2f\n", n,
                   impl->weights.num_features(), impl->weights.num_entries(), best_las);
  }
  if (!dev.empty()) prune(*impl, dev, best_las, options.verbose);
  return Parser(std::move(impl));
}

}  // namespace dyad
