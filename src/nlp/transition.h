// Arc-hybrid transition system with the ROOT token at the end of the buffer.
//
// Design: arc-hybrid (Kuhlmann et al. 2011) has an exact, arc-decomposable
// dynamic oracle (Goldberg & Nivre 2013) that is a few lines long. Putting ROOT
// last (Ballesteros & Nivre 2013) and allowing LEFT onto ROOT only when the
// stack holds a single word guarantees that every terminal state is one
// well-formed tree with exactly one root word, so no repair step is needed.
//
// Words are 1..n, ROOT is n+1 and 0 means "no token" for feature lookups.
// Classes: 0 = SHIFT, 1 + 2*l = LEFT with label l, 2 + 2*l = RIGHT with label l.
#pragma once

#include <cstdint>
#include <vector>

namespace dyad::detail {

inline constexpr int kShift = 0;
inline int left_class(int label) { return 1 + 2 * label; }
inline int right_class(int label) { return 2 + 2 * label; }
inline bool is_left(int cls) { return cls > 0 && (cls & 1) == 1; }
inline bool is_right(int cls) { return cls > 0 && (cls & 1) == 0; }
inline int class_label(int cls) { return (cls - 1) / 2; }

/// Parser configuration. Reused across sentences to avoid allocations.
struct ArcHybridState {
  int n = 0;      ///< Number of words; ROOT is n + 1.
  int b0 = 1;     ///< Front of the buffer (the buffer is b0..n+1).
  std::vector<int> stack;
  std::vector<int> head;   ///< 0 = not attached yet; ROOT is n + 1.
  std::vector<int> label;  ///< Label id of the arc into the word, -1 if none.
  // Two nearest-to-the-edge children on each side, valency, label sets.
  std::vector<int> lc1, lc2, rc1, rc2, nleft, nright;
  std::vector<std::uint64_t> lset, rset;

  void reset(int words);
  int root() const { return n + 1; }
  bool terminal() const { return stack.empty() && b0 == n + 1; }
  int s(int i) const {
    return i < static_cast<int>(stack.size()) ? stack[stack.size() - 1 - i] : 0;
  }
  /// Buffer position i (0 = front); 0 when past ROOT.
  int b(int i) const { return b0 + i <= n + 1 ? b0 + i : 0; }

  bool can_shift() const { return b0 <= n; }
  bool can_left() const { return !stack.empty() && (b0 <= n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }
  /// Applies a class; the caller guarantees validity.
  void apply(int cls);

 private:
  void attach(int h, int d, int l);
};

/// Marks valid classes; `root_label` may only (and must) be used onto ROOT.
void valid_classes(const ArcHybridState& st, int num_labels, int root_label,
                   std::vector<std::uint8_t>& valid);

/// Goldberg & Nivre (2013) dynamic-oracle costs of every valid class against a
/// projective gold tree (heads with ROOT = n+1). Invalid classes get a large cost.
void oracle_costs(const ArcHybridState& st, const std::vector<int>& gold_head,
                  const std::vector<int>& gold_label, const std::vector<std::uint8_t>& valid,
                  std::vector<int>& cost);

}  // namespace dyad::detail
