// Training for PosModel: averaged perceptron, greedy decoding on the model's
// own predictions (so training sees the same left context as tagging), epoch
// chosen on dev, pass 2 trained on jackknifed pass-1 tags.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <numeric>
#include <random>

#include "dyad/error.h"
#include "nlp/tagger_beam.h"
#include "nlp/tagger_pos.h"

namespace dyad::detail {

int best_label(const float* scores, int num_labels, const TokenInfo& t,
               std::uint32_t constrain_min);
int fixed_label(const TokenInfo& t, std::uint32_t constrain_min);

namespace {

constexpr std::uint32_t kDictMinCount = 3;
constexpr std::uint32_t kConstrainMinCount = 25;
constexpr float kPrune = 0.5f;  // weights below this barely move a decision

/// Sentences with word features hashed once for all epochs.
struct Corpus {
  std::vector<std::vector<TokenInfo>> tokens;
  std::vector<std::vector<std::uint64_t>> feats;  // static features, flat per sentence
  std::vector<std::vector<std::uint32_t>> offsets;  // token i: feats[offsets[i]..offsets[i+1])
  std::vector<std::vector<int>> gold;               // label ids, -1 = label unseen in training
};

Corpus make_corpus(const std::vector<Sentence>& sents, const TagDict& dict,
                   const std::map<std::string, int>& label_ids) {
  Corpus c;
  c.tokens.resize(sents.size());
  c.feats.resize(sents.size());
  c.offsets.resize(sents.size());
  c.gold.resize(sents.size());
  for (std::size_t s = 0; s < sents.size(); ++s) {
    prepare_tokens(sents[s], dict, c.tokens[s]);
    c.offsets[s].push_back(0);
    for (std::size_t i = 0; i < sents[s].words.size(); ++i) {
      static_features(c.tokens[s], i, c.feats[s]);
      c.offsets[s].push_back(static_cast<std::uint32_t>(c.feats[s].size()));
      const Word& w = sents[s].words[i];
      auto it = label_ids.find(w.upos + '\t' + w.xpos);
      c.gold[s].push_back(it == label_ids.end() ? -1 : it->second);
    }
  }
  return c;
}

class StageTrainer {
 public:
  StageTrainer(const Corpus& c, int num_labels, std::uint32_t constrain_min, int width)
      : c_(c), nl_(num_labels), constrain_(constrain_min), width_(width) {}

  /// Word-only scores of sentence s (positions with a fixed label stay 0).
  template <typename Acc>
  void static_scores(std::size_t s, Acc&& acc, std::vector<float>& st,
                     std::vector<int>& fixed) const {
    const std::size_t n = c_.tokens[s].size();
    st.assign(n * nl_, 0.0f);
    fixed.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      fixed[i] = fixed_label(c_.tokens[s][i], constrain_);
      if (fixed[i] >= 0) continue;
      const std::uint32_t b = c_.offsets[s][i], e = c_.offsets[s][i + 1];
      acc(c_.feats[s].data() + b, e - b, &st[i * nl_]);
    }
  }

  /// Beam decode of sentence s; with `gold`, stops where gold falls off.
  template <typename Acc>
  std::size_t beam(std::size_t s, const std::vector<int>* right, Acc&& acc, const int* gold,
                   std::vector<int>& out, BeamScratch& bs) const {
    const auto& toks = c_.tokens[s];
    const std::size_t n = toks.size();
    std::vector<float> st;
    std::vector<int> fixed;
    static_scores(s, acc, st, fixed);
    std::vector<std::uint64_t> f;
    out.assign(n, 0);
    return beam_decode(
        n, nl_, width_, st.data(), toks, constrain_, gold,
        [&](std::size_t i, const int* left, float* sc) {
          if (fixed[i] >= 0) return;
          f.clear();
          tag_features(toks, i, left, right ? right->data() : nullptr, f);
          acc(f.data(), f.size(), sc);
        },
        bs, out.data());
  }

  /// One early-update training step on sentence s.
  void train_beam(std::size_t s, const std::vector<int>* right, PerceptronTrainer& t,
                  BeamScratch& bs, std::vector<int>& out) const {
    const auto& gold = c_.gold[s];
    const std::size_t n = gold.size();
    auto acc = [&](const std::uint64_t* f, std::size_t k, float* sc) { t.accumulate(f, k, sc); };
    std::size_t stop = beam(s, right, acc, gold.data(), out, bs);
    std::size_t last = stop < n ? stop : n - 1;
    std::vector<std::uint64_t> fg, fp;
    bool same_prefix = true;
    for (std::size_t j = 0; j <= last && n > 0; ++j) {
      same_prefix = same_prefix && out[j] == gold[j];
      if (same_prefix) continue;  // identical history and label: updates cancel
      if (fixed_label(c_.tokens[s][j], constrain_) >= 0) continue;
      const std::uint32_t b = c_.offsets[s][j], e = c_.offsets[s][j + 1];
      fg.assign(c_.feats[s].begin() + b, c_.feats[s].begin() + e);
      fp = fg;
      tag_features(c_.tokens[s], j, gold.data(), right ? right->data() : nullptr, fg);
      tag_features(c_.tokens[s], j, out.data(), right ? right->data() : nullptr, fp);
      t.add(fg.data(), fg.size(), gold[j], 1.0f);
      t.add(fp.data(), fp.size(), out[j], -1.0f);
    }
    for (std::size_t j = 0; j < n; ++j) t.tick();
  }

  /// Greedy decode of sentence s with `score` (a trainer or final weights).
  template <typename Score>
  void decode(std::size_t s, const std::vector<int>* right, Score&& score, std::vector<int>& out,
              const std::vector<int>* gold_for_update, PerceptronTrainer* trainer) const {
    const auto& toks = c_.tokens[s];
    const std::size_t n = toks.size();
    out.assign(n, 0);
    std::vector<std::uint64_t> f;
    std::vector<float> scores(nl_);
    for (std::size_t i = 0; i < n; ++i) {
      f.assign(c_.feats[s].begin() + c_.offsets[s][i], c_.feats[s].begin() + c_.offsets[s][i + 1]);
      tag_features(toks, i, out.data(), right ? right->data() : nullptr, f);
      score(f, scores.data());
      int guess = best_label(scores.data(), nl_, toks[i], constrain_);
      if (trainer) {
        int truth = (*gold_for_update)[i];
        trainer->update(f.data(), f.size(), truth, guess);
        trainer->tick();
      }
      out[i] = guess;
    }
  }

  std::vector<int> predict(const SparseWeights& w, std::size_t s,
                           const std::vector<int>* right) const {
    std::vector<int> out;
    if (width_ > 1) {
      BeamScratch bs;
      beam(
          s, right,
          [&](const std::uint64_t* f, std::size_t k, float* sc) {
            for (std::size_t j = 0; j < k; ++j) w.add_to(f[j], sc);
          },
          nullptr, out, bs);
      return out;
    }
    decode(
        s, right,
        [&](const std::vector<std::uint64_t>& f, float* sc) {
          std::fill(sc, sc + nl_, 0.0f);
          for (std::uint64_t k : f) w.add_to(k, sc);
        },
        out, nullptr, nullptr);
    return out;
  }

  /// Trains on sentences `idx`; evaluates on `dev` (if any) after each epoch
  /// and returns the best epoch's weights (the last one without dev).
  SparseWeights train(std::vector<std::size_t> idx, const std::vector<std::vector<int>>* right,
                      int epochs, std::uint64_t seed, const StageTrainer* dev,
                      const std::vector<std::vector<int>>* dev_right,
                      const std::vector<std::string>* labels, bool verbose, int* best_epoch) {
    PerceptronTrainer t(nl_);
    std::mt19937_64 rng(seed);
    SparseWeights best;
    double best_acc = -1;
    std::vector<int> out;
    BeamScratch bs;
    for (int e = 1; e <= epochs; ++e) {
      auto start = std::chrono::steady_clock::now();
      std::shuffle(idx.begin(), idx.end(), rng);
      for (std::size_t s : idx) {
        if (width_ > 1) {
          train_beam(s, right ? &(*right)[s] : nullptr, t, bs, out);
          continue;
        }
        decode(
            s, right ? &(*right)[s] : nullptr,
            [&](const std::vector<std::uint64_t>& f, float* sc) { t.score(f.data(), f.size(), sc); },
            out, &c_.gold[s], &t);
      }
      if (!dev) {
        if (e == epochs) best = t.finalize(0.0f);
        continue;
      }
      SparseWeights w = t.finalize(0.0f);
      auto [joint, upos] = dev->accuracy(w, dev_right, *labels);
      double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (verbose)
        std::cerr << "  epoch " << e << ": dev UPOS " << upos * 100 << " UPOS+XPOS " << joint * 100
                  << " (" << w.num_features() << " features, " << secs << " s)\n";
      if (upos > best_acc) {
        best_acc = upos;
        best = std::move(w);
        if (best_epoch) *best_epoch = e;
      }
    }
    return best;
  }

  std::pair<double, double> accuracy(const SparseWeights& w,
                                     const std::vector<std::vector<int>>* right,
                                     const std::vector<std::string>& labels) const {
    std::size_t n = 0, joint = 0, upos = 0;
    for (std::size_t s = 0; s < c_.tokens.size(); ++s) {
      std::vector<int> out = predict(w, s, right ? &(*right)[s] : nullptr);
      for (std::size_t i = 0; i < out.size(); ++i) {
        ++n;
        int g = c_.gold[s][i];
        joint += out[i] == g;
        if (g >= 0) {
          const std::string& a = labels[out[i]];
          const std::string& b = labels[g];
          upos += a.substr(0, a.find('\t')) == b.substr(0, b.find('\t'));
        }
      }
    }
    return {n ? double(joint) / n : 0, n ? double(upos) / n : 0};
  }

 private:
  const Corpus& c_;
  int nl_;
  std::uint32_t constrain_;
  int width_;
};

}  // namespace

struct PosTrainer {
  static PosModel train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                        const TaggerTrainOptions& o) {
    PosModel m;
    std::map<std::string, int> label_ids;
    for (const Sentence& s : train)
      for (const Word& w : s.words) label_ids.emplace(w.upos + '\t' + w.xpos, 0);
    if (label_ids.size() > 128)
      throw Error("tagger training data has " + std::to_string(label_ids.size()) +
                  " UPOS+XPOS pairs; at most 128 are supported");
    if (label_ids.empty()) throw Error("tagger training data has no words");
    for (auto& [label, id] : label_ids) {
      id = static_cast<int>(m.labels_.size());
      m.labels_.push_back(label);
    }
    const int nl = static_cast<int>(m.labels_.size());
    std::unordered_map<std::string, std::vector<std::uint32_t>> counts;
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> caps;
    for (const Sentence& s : train) {
      for (const Word& w : s.words) {
        std::string lower = w.form;
        for (char& ch : lower)
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        auto& v = counts[lower];
        v.resize(nl);
        ++v[label_ids[w.upos + '\t' + w.xpos]];
        if (&w != &s.words.front()) {
          auto& c = caps[lower];
          ++c.first;
          c.second += w.form[0] >= 'A' && w.form[0] <= 'Z';
        }
      }
    }
    m.dict_.build(counts, caps, kDictMinCount);
    m.constrain_min_ = kConstrainMinCount;

    Corpus tc = make_corpus(train, m.dict_, label_ids);
    Corpus dc = make_corpus(dev, m.dict_, label_ids);
    m.beam_ = std::max(1, o.beam);
    StageTrainer tt(tc, nl, m.constrain_min_, m.beam_), dt(dc, nl, m.constrain_min_, m.beam_);
    const StageTrainer* devp = dev.empty() ? nullptr : &dt;
    std::vector<std::size_t> all(train.size());
    std::iota(all.begin(), all.end(), 0);

    if (o.verbose) std::cerr << "tagger: pass 1 (" << nl << " labels)\n";
    int epochs1 = o.epochs;
    m.stage1_ = tt.train(all, nullptr, o.epochs, o.seed, devp, nullptr, &m.labels_, o.verbose,
                         &epochs1);
    m.two_pass_ = o.two_pass;
    if (!o.two_pass) {
      m.stage1_ = m.stage1_.pruned(kPrune);
      return m;
    }

    // Jackknife: tag each fold with a pass-1 model trained on the other folds.
    const std::size_t k = static_cast<std::size_t>(std::max(2, o.folds));
    std::vector<std::vector<int>> right(train.size());
    for (std::size_t f = 0; f < k; ++f) {
      std::vector<std::size_t> rest, held;
      for (std::size_t s = 0; s < train.size(); ++s)
        (s % k == static_cast<std::size_t>(f) ? held : rest).push_back(s);
      if (o.verbose) std::cerr << "tagger: jackknife fold " << f + 1 << "/" << k << "\n";
      SparseWeights w = tt.train(rest, nullptr, epochs1, o.seed + f + 1, nullptr, nullptr,
                                 nullptr, false, nullptr);
      for (std::size_t s : held) right[s] = tt.predict(w, s, nullptr);
    }
    std::vector<std::vector<int>> dev_right(dev.size());
    for (std::size_t s = 0; s < dev.size(); ++s) dev_right[s] = dt.predict(m.stage1_, s, nullptr);
    // Pass 2 runs right to left: train it on reversed sentences and guesses.
    auto reversed = [](const std::vector<Sentence>& in) {
      std::vector<Sentence> out(in.size());
      for (std::size_t s = 0; s < in.size(); ++s)
        out[s].words.assign(in[s].words.rbegin(), in[s].words.rend());
      return out;
    };
    for (auto& r : right) std::reverse(r.begin(), r.end());
    for (auto& r : dev_right) std::reverse(r.begin(), r.end());
    Corpus rtc = make_corpus(reversed(train), m.dict_, label_ids);
    Corpus rdc = make_corpus(reversed(dev), m.dict_, label_ids);
    StageTrainer rtt(rtc, nl, m.constrain_min_, m.beam_), rdt(rdc, nl, m.constrain_min_, m.beam_);
    if (o.verbose) std::cerr << "tagger: pass 2 (right to left)\n";
    m.stage2_ = rtt.train(all, &right, o.epochs, o.seed + 100, dev.empty() ? nullptr : &rdt,
                          &dev_right, &m.labels_, o.verbose, nullptr);
    m.stage1_ = m.stage1_.pruned(kPrune);
    m.stage2_ = m.stage2_.pruned(kPrune);
    return m;
  }
};

PosModel PosModel::train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                         const TaggerTrainOptions& options) {
  return PosTrainer::train(train, dev, options);
}

}  // namespace dyad::detail
