// Weight averaging (ensembles at one model's cost) for both perceptron tables:
// the tagger's SparseWeights and the parser's CompactWeights flatten their
// members into (key, class, weight) cells, which are merged here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dyad::detail {

struct WeightCell {
  std::uint64_t key;
  std::uint32_t cls;
  double w;
};

/// Sorts cells by (key, class) and sums the weights of equal (key, class).
inline void merge_cells(std::vector<WeightCell>& cells) {
  std::sort(cells.begin(), cells.end(), [](const WeightCell& a, const WeightCell& b) {
    return a.key != b.key ? a.key < b.key : a.cls < b.cls;
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (out > 0 && cells[out - 1].key == cells[i].key && cells[out - 1].cls == cells[i].cls)
      cells[out - 1].w += cells[i].w;
    else
      cells[out++] = cells[i];
  }
  cells.resize(out);
}

}  // namespace dyad::detail
