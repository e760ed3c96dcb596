// Fast structural checks of a loaded weight table's overflow cells, shared by
// the tagger's SparseWeights and the parser's CompactWeights.
//
// Why: validating a freshly decompressed table was 11% of the parser's load
// and 28% of the tagger's on one core. The exact checks branch on every slot
// kind (empty, inline, dense, sparse: unpredictable) and read the cell array at
// random to check each sparse row's bounds. The fast path instead walks the
// row headers once (sequential), keeps a bitmap of where rows start (an
// L2-sized array the slots are then checked against) and checks the class ids
// of all cells in one vectorizable pass. A slot must point at a row header in
// both (a row read from elsewhere would take the next rows' counts for
// classes); the fast path also wants every header's count below the class
// count, which only a row of every class of a small table breaks. So a table
// it accepts passes the exact checks; one it declines goes through them, and
// they name what is wrong.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dyad::detail {

/// Where the rows of an overflow cell array start. Rows lie back to back
/// from cell 1: a header cell whose class field holds the count, then that
/// many (class, weight) cells. Cell 0 is unused.
class RowIndex {
 public:
  /// Indexes `cells[0, n)`; ok() is false when a row overruns the array.
  /// Cells are 4 bytes with the 16-bit class (or count) first.
  template <typename Cell>
  RowIndex(const Cell* cells, std::size_t n) : headers_(n / 64 + 1, 0), limit_(static_cast<std::uint32_t>(std::min<std::size_t>(n, 0xffffffffu))) {
    static_assert(sizeof(Cell) == 4);
    for (std::size_t i = 1; i < n; i += cells[i].cls + 1u) {
      const std::size_t count = cells[i].cls;
      if (i + count >= n) {
        ok_ = false;
        return;
      }
      if (count > 0) headers_[i >> 6] |= std::uint64_t{1} << (i & 63);
      cells_in_rows_ += count;
    }
  }
  bool ok() const { return ok_; }
  /// 1 when `i` is the header of a row of at least one cell, else 0; no
  /// branch (out-of-range indexes test bit 0, which is never set).
  std::uint32_t is_row(std::uint32_t i) const {
    const std::uint32_t in_range = static_cast<std::uint32_t>(i < limit_);
    i &= 0u - in_range;
    return static_cast<std::uint32_t>(headers_[i >> 6] >> (i & 63)) & in_range;
  }
  /// The (class, weight) cells of all rows, headers not counted.
  std::size_t cells_in_rows() const { return cells_in_rows_; }
  /// What is_row() reads, for vector kernels: bit i (of 64-bit words, little
  /// endian) is set when i is a row header; indexes from limit() on are not.
  const std::uint64_t* bits() const { return headers_.data(); }
  std::uint32_t limit() const { return limit_; }

 private:
  std::vector<std::uint64_t> headers_;
  std::uint32_t limit_;
  std::size_t cells_in_rows_ = 0;
  bool ok_ = true;
};

/// What the exact checks report about the rows of `cells[0, n)` (laid out as
/// for RowIndex): the first row that overruns the array or holds a class id
/// not below `classes`.
enum class RowFault { kNone, kOverrun, kClassOutOfRange };
template <typename Cell>
RowFault find_row_fault(const Cell* cells, std::size_t n, std::uint32_t classes) {
  for (std::size_t i = 1; i < n; i += cells[i].cls + 1u) {
    const std::size_t end = i + cells[i].cls;
    if (end >= n) return RowFault::kOverrun;
    for (std::size_t j = i + 1; j <= end; ++j)
      if (cells[j].cls >= classes) return RowFault::kClassOutOfRange;
  }
  return RowFault::kNone;
}

/// The largest 16-bit class field (headers' counts included) of `cells[0, n)`.
template <typename Cell>
std::uint32_t max_class_field(const Cell* cells, std::size_t n) {
  static_assert(sizeof(Cell) == 4);
  std::uint16_t m = 0;
  for (std::size_t i = 0; i < n; ++i) m = std::max(m, cells[i].cls);
  return m;
}

}  // namespace dyad::detail
