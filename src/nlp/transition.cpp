// Arc-hybrid transitions and the dynamic oracle; see transition.h.
#include "nlp/transition.h"

#include <algorithm>

namespace dyad::detail {

void ArcHybridState::reset(int words) {
  n = words;
  b0 = 1;
  stack.clear();
  const std::size_t size = static_cast<std::size_t>(words) + 2;
  auto zero = [size](auto& v, auto value) { v.assign(size, value); };
  zero(head, 0);
  zero(label, -1);
  zero(lc1, 0);
  zero(lc2, 0);
  zero(rc1, 0);
  zero(rc2, 0);
  zero(nleft, 0);
  zero(nright, 0);
  zero(lset, std::uint64_t{0});
  zero(rset, std::uint64_t{0});
}

void ArcHybridState::attach(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  const std::uint64_t bit = std::uint64_t{1} << (l & 63);
  // Arc-hybrid adds left children right-to-left and right children
  // left-to-right, so the newest child is always the outermost one.
  if (d < h) {
    lc2[h] = lc1[h];
    lc1[h] = d;
    ++nleft[h];
    lset[h] |= bit;
  } else {
    rc2[h] = rc1[h];
    rc1[h] = d;
    ++nright[h];
    rset[h] |= bit;
  }
}

void ArcHybridState::apply(int cls) {
  if (cls == kShift) {
    stack.push_back(b0++);
  } else if (is_left(cls)) {
    int d = stack.back();
    stack.pop_back();
    attach(b0, d, class_label(cls));
  } else {
    int d = stack.back();
    stack.pop_back();
    attach(stack.back(), d, class_label(cls));
  }
}

void valid_classes(const ArcHybridState& st, int num_labels, int root_label,
                   std::vector<std::uint8_t>& valid) {
  valid.assign(static_cast<std::size_t>(1 + 2 * num_labels), 0);
  valid[kShift] = st.can_shift();
  const bool left = st.can_left();
  const bool right = st.can_right();
  const bool onto_root = st.b0 == st.n + 1;
  for (int l = 0; l < num_labels; ++l) {
    const bool is_root = l == root_label;
    valid[left_class(l)] = left && (onto_root == is_root);
    valid[right_class(l)] = right && !is_root;
  }
}

void oracle_costs(const ArcHybridState& st, const std::vector<int>& gold_head,
                  const std::vector<int>& gold_label, const std::vector<std::uint8_t>& valid,
                  std::vector<int>& cost) {
  constexpr int kInvalid = 1 << 20;
  const int num_classes = static_cast<int>(valid.size());
  cost.assign(valid.size(), kInvalid);
  const int n = st.n;
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b0;

  if (valid[kShift]) {
    // b0 loses heads deeper than s0 in the stack and dependents on the stack.
    int c = 0;
    for (std::size_t i = 0; i < st.stack.size(); ++i) {
      int w = st.stack[i];
      if (gold_head[w] == b0) ++c;
      if (gold_head[b0] == w && w != s0) ++c;
    }
    cost[kShift] = c;
  }
  if (s0 == 0) return;
  // s0 loses its dependents still in the buffer whichever arc it takes.
  int deps_in_buffer = 0;
  for (int w = b0; w <= n; ++w) deps_in_buffer += gold_head[w] == s0;
  const int h = gold_head[s0];
  const bool head_in_rest = h > b0;  // β[1:], ROOT included
  if (st.can_left()) {
    int c = deps_in_buffer + ((h == s1 && s1 != 0) || head_in_rest ? 1 : 0);
    for (int cls = 1; cls < num_classes; cls += 2) {
      if (!valid[cls]) continue;
      cost[cls] = c + (h == b0 && gold_label[s0] != class_label(cls) ? 1 : 0);
    }
  }
  if (st.can_right()) {
    int c = deps_in_buffer + (h >= b0 ? 1 : 0);
    for (int cls = 2; cls < num_classes; cls += 2) {
      if (!valid[cls]) continue;
      cost[cls] = c + (h == s1 && gold_label[s0] != class_label(cls) ? 1 : 0);
    }
  }
}

}  // namespace dyad::detail
