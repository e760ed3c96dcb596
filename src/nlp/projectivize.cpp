// Pseudo-projective lifting and its inverse; see projectivize.h.
#include "nlp/projectivize.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace dyad::detail {
namespace {

std::string_view base_label(std::string_view label) {
  return label.substr(0, label.find(kLiftSeparator));
}

// Is 1-based word `k` in the subtree of 1-based `h` (0 = root)?
bool dominates(const std::vector<int>& heads, int h, int k) {
  const int n = static_cast<int>(heads.size());
  for (int steps = 0; steps <= n && k != 0; ++steps) {
    if (k == h) return true;
    k = heads[static_cast<std::size_t>(k - 1)];
  }
  return h == 0;
}

}  // namespace

bool is_projective_arc(const std::vector<int>& heads, int d) {
  const int h = heads[static_cast<std::size_t>(d)];
  const int w = d + 1;
  const int lo = std::min(h, w), hi = std::max(h, w);
  if (h == 0) return true;
  for (int k = lo + 1; k < hi; ++k)
    if (!dominates(heads, h, k)) return false;
  return true;
}

int projectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size());
  int lifts = 0;
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int best = -1, best_len = n + 1;
    for (int d = 0; d < n; ++d) {
      const int h = heads[static_cast<std::size_t>(d)];
      if (h == 0) continue;
      const int len = std::abs(h - (d + 1));
      if (len < best_len && !is_projective_arc(heads, d)) {
        best = d;
        best_len = len;
      }
    }
    if (best < 0) break;
    const int h = heads[static_cast<std::size_t>(best)];
    std::string& label = labels[static_cast<std::size_t>(best)];
    if (label.find(kLiftSeparator) == std::string::npos) {
      label += kLiftSeparator;
      label += base_label(labels[static_cast<std::size_t>(h - 1)]);
    }
    heads[static_cast<std::size_t>(best)] = heads[static_cast<std::size_t>(h - 1)];
    ++lifts;
  }
  return lifts;
}

void deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size());
  std::vector<int> queue;
  for (int d = 0; d < n; ++d) {
    std::string& label = labels[static_cast<std::size_t>(d)];
    const std::size_t bar = label.find(kLiftSeparator);
    if (bar == std::string::npos) continue;
    const std::string wanted = label.substr(bar + 1);
    label.resize(bar);
    const int h = heads[static_cast<std::size_t>(d)];
    // Breadth-first, left to right, below h but outside d's own subtree.
    queue.assign(1, h);
    int found = 0;
    for (std::size_t q = 0; q < queue.size() && !found; ++q) {
      for (int c = 1; c <= n; ++c) {
        if (heads[static_cast<std::size_t>(c - 1)] != queue[q] || c == d + 1) continue;
        if (base_label(labels[static_cast<std::size_t>(c - 1)]) == wanted) {
          found = c;
          break;
        }
        queue.push_back(c);
      }
    }
    if (found && !dominates(heads, d + 1, found)) heads[static_cast<std::size_t>(d)] = found;
  }
}

}  // namespace dyad::detail
