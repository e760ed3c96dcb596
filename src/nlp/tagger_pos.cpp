#include "nlp/tagger_pos.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <limits>

#include "dyad/error.h"

namespace dyad::detail {

int best_label(const float* scores, int num_labels, const TokenInfo& t,
               std::uint32_t constrain_min) {
  int best = 0;
  float best_score = -std::numeric_limits<float>::infinity();
  auto consider = [&](int l) {
    if (scores[l] > best_score) {
      best_score = scores[l];
      best = l;
    }
  };
  if (constrain_min && t.dict && t.dict->count >= constrain_min) {
    // Only the labels the dictionary allows (one to three, mostly), in
    // ascending order as a scan of all labels would meet them.
    for (std::size_t word = 0; word < std::size(t.dict->allowed); ++word) {
      for (std::uint64_t bits = t.dict->allowed[word]; bits; bits &= bits - 1) {
        const int l = static_cast<int>(64 * word) + std::countr_zero(bits);
        if (l >= num_labels) return best;
        consider(l);
      }
    }
    return best;
  }
  for (int l = 0; l < num_labels; ++l) consider(l);
  return best;
}

int PosModel::label_id(const std::string& upos, const std::string& xpos) const {
  std::string key = upos + '\t' + xpos;
  auto it = std::find(labels_.begin(), labels_.end(), key);
  return it == labels_.end() ? -1 : static_cast<int>(it - labels_.begin());
}

// A frequent word seen with one label only (the, of, to...) is not scored:
// the tag dictionary constraint would force that label anyway.
int fixed_label(const TokenInfo& t, std::uint32_t constrain_min) {
  if (!constrain_min || !t.dict || t.dict->count < constrain_min) return -1;
  const std::uint64_t a = t.dict->allowed[0], b = t.dict->allowed[1];
  if (a && !b && (a & (a - 1)) == 0) return std::countr_zero(a);
  if (b && !a && (b & (b - 1)) == 0) return 64 + std::countr_zero(b);
  return -1;
}

const std::vector<int>& PosModel::predict(const Sentence& s, PosScratch& sc) const {
  prepare_tokens(s, dict_, sc.tokens);
  const std::size_t n = s.words.size();
  const int nl = static_cast<int>(labels_.size());
  // Word-only scores; frequent one-label words are not scored at all.
  // All words' features are looked up in one batch (their misses overlap).
  auto score_static = [&](const SparseWeights& w, std::vector<float>& st) {
    st.resize(n * nl);
    sc.fixed.resize(n);
    sc.feats.clear();
    sc.feat_ends.clear();
    sc.word_scores.clear();
    for (std::size_t i = 0; i < n; ++i) {
      sc.fixed[i] = fixed_label(sc.tokens[i], constrain_min_);
      if (sc.fixed[i] >= 0) continue;
      std::fill_n(&st[i * nl], nl, 0.0f);
      static_features(sc.tokens, i, sc.feats);
      sc.feat_ends.push_back(sc.feats.size());
      sc.word_scores.push_back(&st[i * nl]);
    }
    w.add_groups(sc.feats.data(), sc.feat_ends.data(), sc.feat_ends.size(), sc.word_scores.data());
  };
  sc.scores.resize(nl);
  auto pass = [&](const SparseWeights& w, const std::vector<float>& stat, const int* right,
                  std::vector<int>& out) {
    out.assign(n, 0);
    if (beam_ > 1) {
      beam_decode(
          n, nl, beam_, stat.data(), sc.tokens, constrain_min_, nullptr,
          [&](std::size_t i, const int* left, float* scores) {
            if (sc.fixed[i] >= 0) return;
            sc.feats.clear();
            tag_features(sc.tokens, i, left, right, sc.feats);
            for (std::uint64_t f : sc.feats) w.add_to(f, scores);
          },
          sc.beam, out.data());
      return;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (sc.fixed[i] >= 0) {
        out[i] = sc.fixed[i];
        continue;
      }
      std::copy_n(&stat[i * nl], nl, sc.scores.begin());
      sc.feats.clear();
      tag_features(sc.tokens, i, out.data(), right, sc.feats);
      w.add_all(sc.feats.data(), sc.feats.size(), sc.scores.data());
      out[i] = best_label(sc.scores.data(), nl, sc.tokens[i], constrain_min_);
    }
  };
  score_static(stage1_, sc.static1);
  pass(stage1_, sc.static1, nullptr, sc.pass1);
  if (!two_pass_) return sc.pass1;
  // Pass 2 runs right to left: it reads its own tags on the right and pass
  // 1's (left-to-right) guesses on the left, so the two passes err differently.
  std::reverse(sc.tokens.begin(), sc.tokens.end());
  sc.guess.assign(sc.pass1.rbegin(), sc.pass1.rend());
  score_static(stage2_, sc.static2);
  pass(stage2_, sc.static2, sc.guess.data(), sc.pass2);
  std::reverse(sc.tokens.begin(), sc.tokens.end());
  std::reverse(sc.pass2.begin(), sc.pass2.end());
  return sc.pass2;
}

PosModel PosModel::average(const std::vector<const PosModel*>& models) {
  if (models.empty()) throw Error("PosModel::average: no models");
  const PosModel& first = *models[0];
  std::vector<const SparseWeights*> s1, s2;
  for (const PosModel* m : models) {
    if (m->labels_ != first.labels_ || m->two_pass_ != first.two_pass_ ||
        m->constrain_min_ != first.constrain_min_ || m->beam_ != first.beam_)
      throw Error("PosModel::average: the models differ in labels or options; average only "
                  "taggers trained on the same data with the same options");
    s1.push_back(&m->stage1_);
    s2.push_back(&m->stage2_);
  }
  PosModel out = first;  // labels, tag dictionary and options are shared
  out.stage1_ = SparseWeights::average(s1);
  if (first.two_pass_) out.stage2_ = SparseWeights::average(s2);
  return out;
}

void PosModel::prune(float threshold) {
  stage1_ = stage1_.pruned(threshold);
  if (two_pass_) stage2_ = stage2_.pruned(threshold);
}

void PosModel::write(BinaryWriter& w) const {
  w.u32(static_cast<std::uint32_t>(labels_.size()));
  for (const std::string& l : labels_) w.str(l);
  dict_.write(w);
  w.u32(constrain_min_);
  w.u8(two_pass_ ? 1 : 0);
  w.u32(static_cast<std::uint32_t>(beam_));
  stage1_.write(w);
  if (two_pass_) stage2_.write(w);
}

PosModel PosModel::read(BinaryReader& r, const std::shared_ptr<const void>& owner,
                        std::uint32_t format) {
  PosModel m;
  std::uint32_t n = r.u32();
  if (n == 0 || n > 128) r.fail("bad POS label count " + std::to_string(n));
  for (std::uint32_t i = 0; i < n; ++i) {
    m.labels_.push_back(r.str());
    if (m.labels_.back().find('\t') == std::string::npos) r.fail("bad POS label");
  }
  m.dict_ = TagDict::read(r);
  m.constrain_min_ = r.u32();
  m.two_pass_ = r.u8() != 0;
  std::uint32_t beam = r.u32();
  if (beam < 1 || beam > 64) r.fail("bad beam width " + std::to_string(beam));
  m.beam_ = static_cast<int>(beam);
  m.stage1_ = SparseWeights::read(r, owner, format);
  if (m.two_pass_) m.stage2_ = SparseWeights::read(r, owner, format);
  if (m.stage1_.num_classes() != static_cast<int>(n) ||
      (m.two_pass_ && m.stage2_.num_classes() != static_cast<int>(n)))
    r.fail("POS weights do not match the label set");
  return m;
}

}  // namespace dyad::detail
