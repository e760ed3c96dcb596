#include "nlp/tagger_morph.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

enum Tmpl : std::uint64_t {
  kLabel = 101, kWord, kSuf1, kSuf2, kSuf3, kPrevWord, kPrev2Word, kNextWord, kPrevLabel,
  kPrev2Label, kNextLabel, kFirst, kSubjWord, kSubjLabel, kVerbWord, kFlags, kPrevLabels,
};

constexpr std::size_t kWindow = 8;
constexpr std::uint64_t kNone = 0x777;

std::uint64_t lex_key(std::uint64_t lower_hash, int label) {
  return feature_hash(0xfea7, lower_hash * 131 + static_cast<std::uint64_t>(label));
}

}  // namespace

void MorphModel::set_label_kinds(const std::vector<std::string>& names) {
  static const std::set<std::string> nominal = {"PRP", "NN",  "NNS", "NNP", "NNPS",
                                                "EX",  "WP",  "WDT", "DT",  "CD"};
  kind_.assign(names.size(), 0);
  for (std::size_t l = 0; l < names.size(); ++l) {
    std::string xpos = names[l].substr(names[l].find('\t') + 1);
    if (nominal.count(xpos)) kind_[l] = 1;
    else if (xpos.rfind("VB", 0) == 0 || xpos == "MD") kind_[l] = 2;
  }
}

MorphModel::Span32 MorphModel::candidates(const TokenInfo& t, int label) const {
  if (const Span32* sp = lexicon_.find(lex_key(t.h_lower, label))) return *sp;
  return by_label_[label];
}

void MorphModel::features(const std::vector<TokenInfo>& tokens, const int* labels, std::size_t i,
                          std::vector<std::uint64_t>& out) const {
  const TokenInfo& t = tokens[i];
  const std::size_t n = tokens.size();
  const std::uint64_t L = static_cast<std::uint64_t>(labels[i]) + 1;
  auto lab = [&](std::ptrdiff_t j) -> std::uint64_t {
    return j >= 0 && j < static_cast<std::ptrdiff_t>(n) ? labels[j] + 1 : 0;
  };
  auto word = [&](std::ptrdiff_t j) -> std::uint64_t {
    return j >= 0 && j < static_cast<std::ptrdiff_t>(n) ? tokens[j].h_lower : kNone;
  };
  const auto ii = static_cast<std::ptrdiff_t>(i);
  auto add = [&](Tmpl tm, std::uint64_t v) { out.push_back(feature_hash(tm, mix64(v) ^ L)); };
  add(kLabel, 0);
  add(kWord, t.h_lower);
  add(kSuf1, t.suffix[0]);
  add(kSuf2, t.suffix[1]);
  add(kSuf3, t.suffix[2]);
  add(kPrevWord, word(ii - 1));
  add(kPrev2Word, word(ii - 2));
  add(kNextWord, word(ii + 1));
  add(kPrevLabel, lab(ii - 1));
  add(kPrev2Label, lab(ii - 2));
  add(kNextLabel, lab(ii + 1));
  add(kPrevLabels, lab(ii - 1) * 1000 + lab(ii - 2));
  add(kFirst, i == 0);
  add(kFlags, t.flags & 0xff);
  // Nearest preceding subject-like word and verb: agreement and voice cues.
  std::uint64_t subj_w = kNone, subj_l = 0, verb_w = kNone;
  for (std::size_t k = 1; k <= kWindow && k <= i; ++k) {
    int l = labels[i - k];
    if (subj_l == 0 && kind_[l] == 1) subj_w = tokens[i - k].h_lower, subj_l = l + 1;
    if (verb_w == kNone && kind_[l] == 2 && k <= 3) verb_w = tokens[i - k].h_lower;
  }
  add(kSubjWord, subj_w);
  add(kSubjLabel, subj_l);
  add(kVerbWord, verb_w);
}

const std::string& MorphModel::predict(const std::vector<TokenInfo>& tokens, const int* labels,
                                       std::size_t i, MorphScratch& sc) const {
  Span32 c = candidates(tokens[i], labels[i]);
  if (c.end == c.begin) return bundles_[0];
  if (c.end - c.begin == 1) return bundles_[pool_[c.begin]];
  sc.feats.clear();
  features(tokens, labels, i, sc.feats);
  sc.scores.assign(bundles_.size(), 0.0f);
  for (std::uint64_t f : sc.feats) weights_.add_to(f, sc.scores.data());
  std::uint16_t best = pool_[c.begin];
  for (std::uint32_t k = c.begin + 1; k < c.end; ++k)
    if (sc.scores[pool_[k]] > sc.scores[best]) best = pool_[k];
  return bundles_[best];
}

void MorphModel::train(const std::vector<Sentence>& sents, const std::vector<std::vector<int>>& labels,
                       const std::vector<std::string>& label_names, const TagDict& dict,
                       int epochs, std::uint64_t seed, bool verbose) {
  set_label_kinds(label_names);
  std::map<std::string, std::uint16_t> ids{{"", 0}};
  std::map<std::uint64_t, std::set<std::uint16_t>> lex;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_count;
  std::vector<std::set<std::uint16_t>> per_label(label_names.size());
  std::vector<std::vector<TokenInfo>> toks(sents.size());
  std::vector<std::vector<std::uint16_t>> gold(sents.size());
  for (std::size_t s = 0; s < sents.size(); ++s) {
    prepare_tokens(sents[s], dict, toks[s]);
    for (std::size_t i = 0; i < sents[s].words.size(); ++i) {
      auto [it, added] = ids.emplace(sents[s].words[i].feats, 0);
      if (added) it->second = static_cast<std::uint16_t>(ids.size() - 1);
      gold[s].push_back(it->second);
      if (labels[s][i] < 0) continue;
      lex[lex_key(toks[s][i].h_lower, labels[s][i])].insert(it->second);
      ++pair_count[lex_key(toks[s][i].h_lower, labels[s][i])];
      per_label[labels[s][i]].insert(it->second);
    }
  }
  bundles_.assign(ids.size(), "");
  for (const auto& [b, id] : ids) bundles_[id] = b;
  auto put = [&](const std::set<std::uint16_t>& set) {
    Span32 sp{static_cast<std::uint32_t>(pool_.size()), 0};
    pool_.insert(pool_.end(), set.begin(), set.end());
    sp.end = static_cast<std::uint32_t>(pool_.size());
    return sp;
  };
  for (const auto& set : per_label) by_label_.push_back(put(set));
  std::vector<std::pair<std::uint64_t, Span32>> items;
  for (const auto& [k, set] : lex) items.emplace_back(k, put(set));
  lexicon_.build(std::move(items));

  PerceptronTrainer t(static_cast<int>(bundles_.size()));
  std::vector<std::size_t> order(sents.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(bundles_.size());
  for (int e = 1; e <= epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t wrong = 0, scored = 0;
    for (std::size_t s : order) {
      for (std::size_t i = 0; i < toks[s].size(); ++i) {
        if (labels[s][i] < 0) continue;
        // Words seen once stand in for unseen words: they choose among all
        // bundles of their label, as an unseen word will at tagging time.
        const int label = labels[s][i];
        Span32 c = pair_count[lex_key(toks[s][i].h_lower, label)] <= 1
                       ? by_label_[label]
                       : candidates(toks[s][i], label);
        if (c.end - c.begin < 2) continue;
        f.clear();
        features(toks[s], labels[s].data(), i, f);
        t.score(f.data(), f.size(), scores.data());
        std::uint16_t best = pool_[c.begin];
        for (std::uint32_t k = c.begin + 1; k < c.end; ++k)
          if (scores[pool_[k]] > scores[best]) best = pool_[k];
        t.update(f.data(), f.size(), gold[s][i], best);
        t.tick();
        ++scored;
        wrong += best != gold[s][i];
      }
    }
    if (verbose)
      std::cerr << "  feats epoch " << e << ": " << scored << " ambiguous words, train error "
                << (scored ? 100.0 * wrong / scored : 0.0) << "%\n";
  }
  weights_ = t.finalize(0.0f).pruned(0.5f);
}

MorphModel MorphModel::average(const std::vector<const MorphModel*>& models) {
  if (models.empty()) throw Error("MorphModel::average: no models");
  std::vector<const SparseWeights*> weights;
  for (const MorphModel* m : models) {
    if (m->bundles_ != models[0]->bundles_ || m->pool_ != models[0]->pool_)
      throw Error("MorphModel::average: the models were trained on different data");
    weights.push_back(&m->weights_);
  }
  MorphModel out = *models[0];  // bundles, candidates and lexicon are shared
  out.weights_ = SparseWeights::average(weights);
  return out;
}

void MorphModel::write(BinaryWriter& w) const {
  w.u32(static_cast<std::uint32_t>(bundles_.size()));
  for (const std::string& b : bundles_) w.str(b);
  w.pod_vector(pool_);
  lexicon_.write(w);
  w.u64(by_label_.size());
  for (const Span32& sp : by_label_) {
    w.u32(sp.begin);
    w.u32(sp.end);
  }
  weights_.write(w);
}

MorphModel MorphModel::read(BinaryReader& r, const std::vector<std::string>& label_names,
                            const std::shared_ptr<const void>& owner, std::uint32_t format) {
  MorphModel m;
  const std::size_t num_labels = label_names.size();
  m.set_label_kinds(label_names);
  std::uint32_t nb = r.u32();
  if (nb == 0 || nb > 65535) r.fail("bad feature bundle count");
  for (std::uint32_t i = 0; i < nb; ++i) m.bundles_.push_back(r.str());
  m.pool_ = r.pod_vector<std::uint16_t>();
  for (std::uint16_t id : m.pool_)
    if (id >= nb) r.fail("feature bundle id out of range");
  auto span = [&]() {
    Span32 sp{r.u32(), r.u32()};
    if (sp.begin > sp.end || sp.end > m.pool_.size()) r.fail("feature candidate range out of bounds");
    return sp;
  };
  m.lexicon_.read(r);
  for (const Span32& sp : m.lexicon_.values())
    if (sp.begin > sp.end || sp.end > m.pool_.size()) r.fail("feature candidate range out of bounds");
  if (r.u64() != num_labels) r.fail("feature model does not match the POS labels");
  for (std::size_t l = 0; l < num_labels; ++l) m.by_label_.push_back(span());
  m.weights_ = SparseWeights::read(r, owner, format);
  if (m.weights_.num_classes() != static_cast<int>(nb)) r.fail("feature weights do not match");
  return m;
}

}  // namespace dyad::detail
