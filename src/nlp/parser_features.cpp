// Feature templates of the parser; see parser_features.h.
#include "nlp/parser_features.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dyad::detail {
namespace {

std::uint64_t fnv(std::string_view s, std::uint64_t salt) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ salt;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

// Lower-cased ASCII with digits folded to '0', so "1984" and "2001" share a form.
std::uint64_t word_hash(std::string_view form) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : form) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

// Coarse orthographic shape: capitalised, all caps, has digit, punctuation.
std::uint64_t shape_hash(std::string_view form) {
  int upper = 0, lower = 0, digit = 0, other = 0;
  for (unsigned char c : form) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (c >= '0' && c <= '9') ++digit;
    else ++other;
  }
  int first_upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  int code = first_upper | (upper > 1) << 1 | (lower > 0) << 2 | (digit > 0) << 3 | (other > 0) << 4;
  return mix64(static_cast<std::uint64_t>(code) + 0x51ab);
}

int distance_bucket(int d) {
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

// Appends to a growing vector (training: all groups in one list).
class VectorSink {
 public:
  explicit VectorSink(std::vector<std::uint64_t>& out) : out_(out) {}
  bool wants(int) const { return true; }
  void put(int, std::uint64_t h) { out_.push_back(h); }

 private:
  std::vector<std::uint64_t>& out_;
};

// Out of line and cold: 114 inlined copies of the message would crowd the
// instruction cache of the parser's hottest loop.
[[noreturn, gnu::noinline, gnu::cold]] void group_overflow(int group) {
  throw std::logic_error("parser feature group " + std::to_string(group) + " has more than " +
                         std::to_string(FeatureList::kCapacity) +
                         " templates: raise FeatureList::kCapacity in nlp/parser_features.h");
}

// Each wanted group's features, collected in the caller's local arrays and
// copied out once at the end: stores into them cannot alias the token hashes
// the templates read, so the compiler loads those once instead of after
// every store.
struct GroupBuffers {
  std::array<std::size_t, kFeatureGroups> n{};
  std::array<std::array<std::uint64_t, FeatureList::kCapacity>, kFeatureGroups> ids;
  void copy_to(ParserFeatures& out) const {
    for (std::size_t g = 0; g < n.size(); ++g) {
      out.group[g].n = n[g];
      std::copy_n(ids[g].begin(), n[g], out.group[g].ids.begin());
    }
  }
};

class GroupSink {
 public:
  GroupSink(GroupBuffers& buffers, unsigned wanted) : buffers_(buffers), wanted_(wanted) {}
  bool wants(int group) const { return wanted_ >> group & 1u; }
  [[gnu::always_inline]] void put(int group, std::uint64_t h) {
    std::size_t& n = buffers_.n[static_cast<std::size_t>(group)];
    if (n == FeatureList::kCapacity) group_overflow(group);
    buffers_.ids[static_cast<std::size_t>(group)][n++] = h;
  }

 private:
  GroupBuffers& buffers_;
  unsigned wanted_;
};

template <typename Sink>
class Emitter {
 public:
  explicit Emitter(Sink sink) : sink_(sink) {}
  /// Reads the stack and the buffer together: scored in every configuration.
  template <typename... T>
  [[gnu::always_inline]] void add(std::uint64_t a, T... rest) { push(kVolatile, a, rest...); }
  /// Reads nothing but the buffer front b0..b2.
  template <typename... T>
  [[gnu::always_inline]] void buffer(std::uint64_t a, T... rest) { push(kBuffer, a, rest...); }
  /// Reads b0 and its left children.
  template <typename... T>
  [[gnu::always_inline]] void b0_left(std::uint64_t a, T... rest) { push(kB0Left, a, rest...); }
  /// Reads s0..s2 and their children, but not s0's right children.
  template <typename... T>
  [[gnu::always_inline]] void stack(std::uint64_t a, T... rest) { push(kStack, a, rest...); }
  /// Reads s0 with its right children.
  template <typename... T>
  [[gnu::always_inline]] void s0_right(std::uint64_t a, T... rest) { push(kS0Right, a, rest...); }

 private:
  // Template ids count calls in emission order whatever the group, so the
  // hashes (and the trained weights they index) do not depend on grouping.
  // Inlined: a call per template cost more than the hashing it wrapped.
  template <typename... T>
  [[gnu::always_inline]] void push(int group, std::uint64_t a, T... rest) {
    const std::uint64_t template_seed = (++template_ + 1) * 0x9e3779b97f4a7c15ULL;
    if (!sink_.wants(group)) return;
    std::uint64_t h = mix64(template_seed ^ a);
    ((h = mix64(h ^ rest)), ...);
    sink_.put(group, h ? h : 1);
  }
  Sink sink_;
  std::uint64_t template_ = 0;
};

// Every template, in the order that numbers them (see Emitter::push).
// Inlined into each caller, so that the emitter (its template counter, a
// GroupSink's arrays) is the caller's local: nothing the templates read can
// alias it.
template <typename Sink>
[[gnu::always_inline]] inline void emit(const ArcHybridState& st, const TokenHashes& t, Emitter<Sink>& e) {
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b(0), b1 = st.b(1), b2 = st.b(2);
  auto lab = [&](int tok) -> std::uint64_t {
    return tok ? static_cast<std::uint64_t>(st.label[tok] + 2) * 0x2545f4914f6cdd1dULL : 1;
  };
  const auto& W = t.word;
  const auto& P = t.tag;
  const auto& U = t.upos;
  const auto& L = t.lemma;
  const auto& WP = t.word_tag;
  const int s0l = st.lc1[s0], s0r = st.rc1[s0], b0l = st.lc1[b0];
  const int s0l2 = st.lc2[s0], s0r2 = st.rc2[s0], b0l2 = st.lc2[b0];
  const int s1l = st.lc1[s1], s1r = st.rc1[s1], s1r2 = st.rc2[s1];
  const std::uint64_t d = s0 ? static_cast<std::uint64_t>(distance_bucket(b0 - s0)) : 9;
  const std::uint64_t d1 = s1 ? static_cast<std::uint64_t>(distance_bucket(s0 - s1)) : 9;
  auto val = [](int v) { return static_cast<std::uint64_t>(v < 4 ? v : 4) + 100; };
  const std::uint64_t s0vl = val(st.nleft[s0]), s0vr = val(st.nright[s0]);
  const std::uint64_t b0vl = val(st.nleft[b0]), s1vr = val(st.nright[s1]), s1vl = val(st.nleft[s1]);

  // Unigrams.
  e.stack(W[s0]); e.stack(P[s0]); e.stack(WP[s0]); e.stack(L[s0]); e.stack(U[s0]);
  e.buffer(W[b0]); e.buffer(P[b0]); e.buffer(WP[b0]); e.buffer(L[b0]); e.buffer(U[b0]);
  e.buffer(W[b1]); e.buffer(P[b1]); e.buffer(WP[b1]);
  e.buffer(W[b2]); e.buffer(P[b2]); e.buffer(WP[b2]);
  e.stack(W[s1]); e.stack(P[s1]); e.stack(WP[s1]); e.stack(L[s1]);
  e.stack(W[s2]); e.stack(P[s2]);
  e.buffer(t.shape[b0]); e.stack(t.shape[s0]);
  // Pairs.
  e.add(WP[s0], WP[b0]); e.add(WP[s0], W[b0]); e.add(W[s0], WP[b0]);
  e.add(WP[s0], P[b0]); e.add(P[s0], WP[b0]); e.add(W[s0], W[b0]); e.add(P[s0], P[b0]);
  e.buffer(P[b0], P[b1]); e.add(L[s0], L[b0]); e.add(U[s0], U[b0]);
  e.stack(P[s1], P[s0]); e.stack(W[s1], W[s0]); e.stack(WP[s1], P[s0]); e.stack(P[s1], WP[s0]);
  e.stack(L[s1], L[s0]); e.add(W[s1], W[b0]); e.add(P[s1], P[b0]);
  e.add(W[s0], P[b1]); e.buffer(W[b0], W[b1]);
  // Triples.
  e.buffer(P[b0], P[b1], P[b2]); e.add(P[s0], P[b0], P[b1]); e.add(P[s1], P[s0], P[b0]);
  e.add(P[s0], P[s0l], P[b0]); e.add(P[s0], P[s0r], P[b0]); e.add(P[s0], P[b0], P[b0l]);
  e.stack(P[s1], P[s1r], P[s0]); e.stack(P[s2], P[s1], P[s0]); e.stack(P[s1], P[s0], P[s0l]);
  e.stack(P[s1], P[s1l], P[s0]); e.add(W[s0], P[b0], P[b1]); e.add(P[s0], W[b0], P[b1]);
  e.add(W[s1], P[s0], P[b0]); e.add(P[s1], W[s0], P[b0]); e.add(U[s1], U[s0], U[b0]);
  // Distance.
  e.add(W[s0], d); e.add(P[s0], d); e.add(W[b0], d); e.add(P[b0], d);
  e.add(W[s0], W[b0], d); e.add(P[s0], P[b0], d);
  e.stack(P[s1], P[s0], d1); e.stack(W[s1], W[s0], d1); e.stack(W[s1], P[s0], d1); e.stack(P[s1], W[s0], d1);
  // Valency.
  e.s0_right(W[s0], s0vr); e.s0_right(P[s0], s0vr); e.stack(W[s0], s0vl); e.stack(P[s0], s0vl);
  e.b0_left(W[b0], b0vl); e.b0_left(P[b0], b0vl); e.stack(W[s1], s1vr); e.stack(P[s1], s1vr);
  e.stack(P[s1], s1vl);
  // Children and their labels.
  e.stack(W[s0l]); e.stack(P[s0l]); e.stack(lab(s0l));
  e.s0_right(W[s0r]); e.s0_right(P[s0r]); e.s0_right(lab(s0r));
  e.b0_left(W[b0l]); e.b0_left(P[b0l]); e.b0_left(lab(b0l));
  e.stack(W[s1r]); e.stack(P[s1r]); e.stack(lab(s1r));
  e.stack(P[s1l]); e.stack(lab(s1l));
  e.s0_right(P[s0], lab(s0l), lab(s0r)); e.add(P[b0], lab(b0l), P[s0]);
  e.stack(P[s1], lab(s1r), P[s0]);
  // Third order.
  e.stack(W[s0l2]); e.stack(P[s0l2]); e.stack(lab(s0l2));
  e.s0_right(W[s0r2]); e.s0_right(P[s0r2]); e.s0_right(lab(s0r2));
  e.b0_left(W[b0l2]); e.b0_left(P[b0l2]); e.b0_left(lab(b0l2));
  e.stack(P[s0], P[s0l], P[s0l2]); e.s0_right(P[s0], P[s0r], P[s0r2]);
  e.b0_left(P[b0], P[b0l], P[b0l2]); e.stack(P[s1], P[s1r], P[s1r2]);
  // Label sets.
  e.s0_right(W[s0], st.rset[s0]); e.s0_right(P[s0], st.rset[s0]);
  e.stack(W[s0], st.lset[s0]); e.stack(P[s0], st.lset[s0]);
  e.b0_left(W[b0], st.lset[b0]); e.b0_left(P[b0], st.lset[b0]);
  e.stack(P[s1], st.rset[s1]);
}

}  // namespace

void TokenHashes::build(const Sentence& sentence) {
  const std::size_t n = sentence.words.size();
  for (auto* v : {&word, &tag, &upos, &lemma, &word_tag, &shape}) v->assign(n + 2, 0);
  // Index 0 is "no token", n+1 is ROOT: distinct constant values.
  for (std::size_t i : {std::size_t{0}, n + 1}) {
    const std::uint64_t v = mix64(i == 0 ? 0x7777 : 0x8888);
    word[i] = tag[i] = upos[i] = lemma[i] = word_tag[i] = shape[i] = v;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Word& w = sentence.words[i];
    const std::size_t k = i + 1;
    word[k] = word_hash(w.form);
    upos[k] = fnv(w.upos, 2);
    tag[k] = w.xpos.empty() ? upos[k] : fnv(w.xpos, 1);
    lemma[k] = w.lemma.empty() ? word[k] : fnv(w.lemma, 3);
    word_tag[k] = mix64(word[k] ^ (tag[k] * 31));
    shape[k] = shape_hash(w.form);
  }
}

void extract_features(const ArcHybridState& st, const TokenHashes& t, std::vector<std::uint64_t>& out) {
  out.clear();
  Emitter<VectorSink> e{VectorSink(out)};
  emit(st, t, e);
}

void extract_features(const ArcHybridState& st, const TokenHashes& t, ParserFeatures& out, unsigned groups) {
  GroupBuffers buffers;
  Emitter<GroupSink> e{GroupSink(buffers, groups)};
  emit(st, t, e);
  buffers.copy_to(out);
}

void FeatureGroupValidity::reset(int words) {
  buffer_ = b0_left_ = false;
  stack_.assign(static_cast<std::size_t>(words) + 2, 0);
  s0_right_.assign(static_cast<std::size_t>(words) + 2, 0);
}

bool FeatureGroupValidity::valid(ParserFeatureGroup group, const ArcHybridState& st) const {
  switch (group) {
    case kBuffer: return buffer_;
    case kB0Left: return b0_left_;
    case kStack: return stack_[st.stack.size()] != 0;
    case kS0Right: return s0_right_[st.stack.size()] != 0;
    default: return false;
  }
}

void FeatureGroupValidity::set_valid(ParserFeatureGroup group, const ArcHybridState& st) {
  switch (group) {
    case kBuffer: buffer_ = true; break;
    case kB0Left: b0_left_ = true; break;
    case kStack: stack_[st.stack.size()] = 1; break;
    case kS0Right: s0_right_[st.stack.size()] = 1; break;
    default: break;
  }
}

// SHIFT pushes b0: a new buffer front and a new stack top (whatever was once
// cached at that depth read other words). LEFT gives b0 a left child and pops
// s0; the words left on the stack and their children are as they were when
// they were last on top. RIGHT gives the new s0 a right child; b0 is untouched.
void FeatureGroupValidity::after(int cls, const ArcHybridState& st) {
  const std::size_t depth = st.stack.size();
  if (cls == kShift) {
    buffer_ = b0_left_ = false;
    stack_[depth] = s0_right_[depth] = 0;
  } else if (is_left(cls)) {
    b0_left_ = false;
  } else {
    s0_right_[depth] = 0;
  }
}

}  // namespace dyad::detail
