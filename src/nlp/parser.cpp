// Greedy arc-hybrid parsing with the averaged-perceptron model.
//
// parse() builds per-word hashes, then repeatedly scores the current
// configuration and applies the best valid transition; the final tree is
// deprojectivized only when a lifted label was predicted. Scratch buffers are
// thread_local, so parse() is const, thread-safe and allocation-free once warm.
#include <algorithm>

#include "common/model_file.h"
#include "dyad/error.h"
#include "nlp/class_choice.h"
#include "nlp/parser_features.h"
#include "nlp/parser_impl.h"
#include "nlp/projectivize.h"
#include "nlp/transition.h"

namespace dyad {
namespace {

// 1: weights copied on load; 2: weight arrays 8-byte aligned and used in place;
// 3: 16-byte slots holding rows of up to two cells (formats 1-2 are converted);
// 4: long rows stored dense (format 3 still loads, all rows sparse).
constexpr std::uint32_t kPayloadVersion = 4;

struct Scratch {
  detail::TokenHashes tokens;
  detail::ArcHybridState state;
  detail::ParserFeatures features;
  detail::FeatureGroupValidity valid;
  std::vector<std::int32_t> scores;
  /// Per feature group, its scores where they were last computed; kStack and
  /// kS0Right keep one row per stack depth.
  std::vector<std::int32_t> group_scores[detail::kFeatureGroups];
  std::vector<int> heads, label_ids;
  std::vector<std::string> deprels;
  std::vector<std::uint8_t> punct;  // by word id: tagged PUNCT (never a head)

  std::int32_t* group_row(detail::ParserFeatureGroup g, std::size_t classes) {
    return group_scores[g].data() + (detail::kept_per_depth(g) ? state.stack.size() * classes : 0);
  }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Best valid class under `scores`; ties go to the first considered (SHIFT,
// then LEFT, then RIGHT, each by label). With
// `punct` (1 for words tagged PUNCT), a punctuation mark on the stack never
// takes the word above it as a dependent (RIGHT): UD makes punctuation a leaf,
// and a comma heading a phrase derails every reader of the tree (a comma that
// "governs" the fronted subject of a passive hides it from the event coder).
// LEFT onto a punctuation mark in the buffer stays allowed: forbidding it too
// cost 0.07 LAS on EWT test (the greedy detours did more harm), while the
// RIGHT rule alone costs 0.01. Returns -1 when no class is valid.
int best_class(const detail::ArcHybridState& st, const std::int32_t* scores, int num_labels,
               int root_label, const std::vector<std::uint8_t>* punct) {
  auto may_head = [&](int w) { return !punct || w > st.n || !(*punct)[static_cast<std::size_t>(w)]; };
  detail::ClassChoice choice;
  choice.num_labels = num_labels;
  choice.root_label = root_label;
  choice.shift = st.can_shift();
  // Only LEFT from ROOT may take the root label.
  choice.left_root = st.can_left() && st.b0 == st.n + 1;
  choice.left = st.can_left() && st.b0 != st.n + 1;
  choice.right = st.can_right() && may_head(st.s(1));
  return detail::first_best_class(choice, scores);
}

}  // namespace

void Parser::Impl::predict(const Sentence& sentence, std::vector<int>& heads,
                           std::vector<int>& label_ids) const {
  Scratch& s = scratch();
  const int n = static_cast<int>(sentence.words.size());
  const std::size_t classes = static_cast<std::size_t>(weights.num_classes());
  s.tokens.build(sentence);
  s.punct.assign(static_cast<std::size_t>(n) + 2, 0);
  for (int w = 1; w <= n; ++w) s.punct[static_cast<std::size_t>(w)] = sentence.words[static_cast<std::size_t>(w - 1)].upos == "PUNCT";
  s.state.reset(n);
  s.valid.reset(n);
  s.scores.resize((classes + 7) / 8 * 8);  // first_best_class reads whole vectors of 8
  for (int g = 0; g < detail::kFeatureGroups; ++g) {
    const bool by_depth = detail::kept_per_depth(static_cast<detail::ParserFeatureGroup>(g));
    s.group_scores[g].resize(by_depth ? (static_cast<std::size_t>(n) + 2) * classes : classes);
  }
  auto apply = [&](int cls) {
    s.state.apply(cls);
    s.valid.after(cls, s.state);
  };
  while (!s.state.terminal()) {
    // Forced moves need no scoring: an empty stack can only SHIFT, and a lone
    // word before ROOT can only attach to it.
    if (!s.state.can_left() && !s.state.can_right()) {
      apply(detail::kShift);
      continue;
    }
    if (!s.state.can_shift() && !s.state.can_right()) {
      apply(detail::left_class(root_label));
      continue;
    }
    // Each feature group's scores are reused while nothing it reads has
    // changed (parser_features.h): a quarter of the lookups on EWT. Integer
    // sums, so the scores are exact.
    unsigned stale = 1u << detail::kVolatile;
    for (int g = detail::kVolatile + 1; g < detail::kFeatureGroups; ++g)
      if (!s.valid.valid(static_cast<detail::ParserFeatureGroup>(g), s.state)) stale |= 1u << g;
    detail::extract_features(s.state, s.tokens, s.features, stale);
    for (int g = detail::kVolatile + 1; g < detail::kFeatureGroups; ++g) {
      const auto group = static_cast<detail::ParserFeatureGroup>(g);
      if (!(stale >> g & 1u)) continue;
      std::int32_t* row = s.group_row(group, classes);
      std::fill(row, row + classes, 0);
      weights.score(s.features.group[g].data(), s.features.group[g].size(), row);
      s.valid.set_valid(group, s.state);
    }
    // The kept rows summed in one pass (not one pass per row), then the
    // volatile features added on top.
    static_assert(detail::kFeatureGroups == 5, "the sum below names every kept group");
    const std::int32_t* buffer = s.group_row(detail::kBuffer, classes);
    const std::int32_t* b0_left = s.group_row(detail::kB0Left, classes);
    const std::int32_t* stack = s.group_row(detail::kStack, classes);
    const std::int32_t* s0_right = s.group_row(detail::kS0Right, classes);
    std::int32_t* scores = s.scores.data();
    for (std::size_t c = 0; c < classes; ++c) scores[c] = buffer[c] + b0_left[c] + stack[c] + s0_right[c];
    const detail::FeatureList& volatile_features = s.features.group[detail::kVolatile];
    weights.score(volatile_features.data(), volatile_features.size(), scores);
    int cls = best_class(s.state, s.scores.data(), num_labels(), root_label, &s.punct);
    // Only a punctuation mark left to head the rest: let the model decide.
    if (cls < 0) cls = best_class(s.state, s.scores.data(), num_labels(), root_label, nullptr);
    apply(cls);
  }
  heads.resize(static_cast<std::size_t>(n));
  label_ids.resize(static_cast<std::size_t>(n));
  for (int w = 1; w <= n; ++w) {
    const int h = s.state.head[static_cast<std::size_t>(w)];
    heads[static_cast<std::size_t>(w - 1)] = h == n + 1 ? 0 : h;
    label_ids[static_cast<std::size_t>(w - 1)] = s.state.label[static_cast<std::size_t>(w)];
  }
}

void Parser::parse(Sentence& sentence) const {
  if (sentence.words.empty()) return;
  Scratch& s = scratch();
  impl_->predict(sentence, s.heads, s.label_ids);
  const std::size_t n = sentence.words.size();
  bool any_lifted = false;
  for (int id : s.label_ids) any_lifted = any_lifted || impl_->lifted[static_cast<std::size_t>(id)];
  if (any_lifted) {
    s.deprels.resize(n);
    for (std::size_t i = 0; i < n; ++i) s.deprels[i] = impl_->labels[static_cast<std::size_t>(s.label_ids[i])];
    detail::deprojectivize(s.heads, s.deprels);
    for (std::size_t i = 0; i < n; ++i) {
      sentence.words[i].head = s.heads[i];
      sentence.words[i].deprel = s.deprels[i];
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    sentence.words[i].head = s.heads[i];
    sentence.words[i].deprel = impl_->labels[static_cast<std::size_t>(s.label_ids[i])];
  }
}

Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::Parser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

void Parser::save(const std::string& path, const std::string& description) const {
  detail::BinaryWriter w;
  w.u32(static_cast<std::uint32_t>(impl_->labels.size()));
  for (const std::string& l : impl_->labels) w.str(l);
  w.u32(static_cast<std::uint32_t>(impl_->root_label));
  impl_->weights.write(w);
  detail::write_model_file(path, {detail::ModelKind::kParser, kPayloadVersion, description}, w.bytes());
}

Parser Parser::load(const std::string& path) {
  detail::ModelFileInfo info;
  std::shared_ptr<const detail::Payload> payload =
      detail::read_model_payload(path, detail::ModelKind::kParser, kPayloadVersion, &info);
  detail::BinaryReader r(payload->bytes(), path);
  auto impl = std::make_unique<Impl>();
  const std::uint32_t count = r.u32();
  if (count == 0 || count > 30000) r.fail("implausible parser label count; the model file is corrupt");
  for (std::uint32_t i = 0; i < count; ++i) {
    impl->labels.push_back(r.str());
    impl->lifted.push_back(impl->labels.back().find(detail::kLiftSeparator) != std::string::npos);
  }
  impl->root_label = static_cast<int>(r.u32());
  if (impl->root_label < 0 || impl->root_label >= static_cast<int>(count))
    r.fail("parser root label out of range; the model file is corrupt");
  impl->weights = detail::CompactWeights::read(r, payload, info.version);
  if (impl->weights.num_classes() != 1 + 2 * static_cast<int>(count))
    r.fail("parser class count does not match its labels; the model file is corrupt");
  r.expect_end();
  return Parser(std::move(impl));
}

}  // namespace dyad
