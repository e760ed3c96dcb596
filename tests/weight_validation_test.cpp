// Checking a loaded weight table (row_index.h): the fast path walks the row
// headers once and checks the slots against a bitmap of where rows start; a
// table it declines goes through the exact checks, which name the fault. So a
// damaged table must fail with the exact checks' message, and a sound table
// that only the fast path declines must still load.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "common/hash.h"
#include "common/model_file.h"
#include "dyad/error.h"
#include "nlp/parser_weights.h"
#include "nlp/row_index.h"
#include "parser_table.h"

namespace dyad::detail {
namespace {

struct TestCell {
  std::uint16_t cls;
  std::int16_t weight;
};

TEST(RowIndex, FindsRowHeadersAndOverruns) {
  // Cell 0 unused; rows: 2 cells at 1, an empty row at 4, 1 cell at 5.
  const std::vector<TestCell> cells = {{0, 0}, {2, 0}, {7, 3}, {9, -1}, {0, 0}, {1, 0}, {4, 2}};
  const RowIndex rows(cells.data(), cells.size());
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.is_row(1), 1u);
  EXPECT_EQ(rows.is_row(5), 1u);
  EXPECT_EQ(rows.is_row(4), 0u);  // a row of no cells is no row to point at
  EXPECT_EQ(rows.is_row(2), 0u);  // inside a row
  EXPECT_EQ(rows.is_row(0), 0u);
  EXPECT_EQ(rows.is_row(7), 0u);  // past the array
  EXPECT_EQ(rows.is_row(0xffffffffu), 0u);
  EXPECT_EQ(rows.cells_in_rows(), 3u);
  EXPECT_EQ(max_class_field(cells.data(), cells.size()), 9u);
  std::vector<TestCell> overrun = cells;
  overrun[5].cls = 2;  // the last row claims a cell past the end
  EXPECT_FALSE(RowIndex(overrun.data(), overrun.size()).ok());
  // The exact checks: the same array is sound for 10 classes, not for 9
  // (class 9 in the first row), and the overrun is named as such.
  EXPECT_EQ(find_row_fault(cells.data(), cells.size(), 10), RowFault::kNone);
  EXPECT_EQ(find_row_fault(cells.data(), cells.size(), 9), RowFault::kClassOutOfRange);
  EXPECT_EQ(find_row_fault(overrun.data(), overrun.size(), 10), RowFault::kOverrun);
}

// mixed_parser_table() written as format 4.
std::string parser_table_bytes(std::vector<std::uint64_t>& keys) {
  BinaryWriter out;
  mixed_parser_table(keys, 5).write(out);
  return out.take();
}

// Reads a table from page-aligned Payload memory, in place, as a model load does.
CompactWeights read_parser_table(const std::string& bytes) {
  auto payload = std::make_shared<Payload>(bytes.size());
  std::memcpy(payload->data(), bytes.data(), bytes.size());
  BinaryReader r(payload->bytes(), "test parser weights");
  CompactWeights w = CompactWeights::read(r, payload, 4);
  r.expect_end();
  return w;
}

std::string load_error(const std::string& bytes) {
  try {
    read_parser_table(bytes);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Where the slot and cell arrays lie in the bytes write() wrote: classes u32,
// features u64, then each array as (pad byte, padding, count u64, elements).
struct Layout {
  std::size_t slots = 0, num_slots = 0, cells = 0, num_cells = 0;
};

Layout layout(const std::string& b) {
  Layout l;
  std::size_t at = 12;
  auto array = [&](std::size_t elem, std::size_t& begin, std::size_t& count) {
    at += 1 + static_cast<unsigned char>(b[at]);
    std::uint64_t n;
    std::memcpy(&n, b.data() + at, 8);
    at += 8;
    begin = at;
    count = static_cast<std::size_t>(n);
    at += count * elem;
  };
  array(sizeof(CompactWeights::Slot), l.slots, l.num_slots);
  array(sizeof(CompactWeights::Cell), l.cells, l.num_cells);
  return l;
}

CompactWeights::Slot slot_at(const std::string& b, const Layout& l, std::size_t i) {
  CompactWeights::Slot s;
  std::memcpy(&s, b.data() + l.slots + i * sizeof s, sizeof s);
  return s;
}

std::string with_slot(std::string b, const Layout& l, std::size_t i, const CompactWeights::Slot& s) {
  std::memcpy(b.data() + l.slots + i * sizeof s, &s, sizeof s);
  return b;
}

TEST(ParserWeights, DamagedTablesFailWithTheFaultNamed) {
  std::vector<std::uint64_t> keys;
  const std::string good = parser_table_bytes(keys);
  const Layout l = layout(good);
  ASSERT_EQ(load_error(good), "");
  std::size_t inline_slot = l.num_slots, dense_slot = l.num_slots, sparse_slot = l.num_slots;
  for (std::size_t i = 0; i < l.num_slots; ++i) {
    const std::uint32_t b = slot_at(good, l, i).begin;
    if (b == 0) continue;
    if (b & CompactWeights::kInline) inline_slot = std::min(inline_slot, i);
    else if (b & CompactWeights::kDense) dense_slot = std::min(dense_slot, i);
    else sparse_slot = std::min(sparse_slot, i);
  }
  ASSERT_LT(inline_slot, l.num_slots);
  ASSERT_LT(dense_slot, l.num_slots);
  ASSERT_LT(sparse_slot, l.num_slots);

  CompactWeights::Slot s = slot_at(good, l, inline_slot);
  s.begin = CompactWeights::kInline | 3;
  EXPECT_NE(load_error(with_slot(good, l, inline_slot, s)).find("too many cells"), std::string::npos);
  s = slot_at(good, l, inline_slot);
  s.cells[0].cls = 100;
  EXPECT_NE(load_error(with_slot(good, l, inline_slot, s)).find("class out of range"), std::string::npos);
  s = slot_at(good, l, dense_slot);
  s.begin = CompactWeights::kDense | 0xffff;
  EXPECT_NE(load_error(with_slot(good, l, dense_slot, s)).find("dense row out of range"), std::string::npos);
  s = slot_at(good, l, sparse_slot);
  s.begin = static_cast<std::uint32_t>(l.num_cells + 5);
  EXPECT_NE(load_error(with_slot(good, l, sparse_slot, s)).find("row out of range"), std::string::npos);

  // A class id out of range inside an overflow row (cell 2: the first row's second cell).
  std::string bad_cell = good;
  const std::uint16_t big = 300;
  std::memcpy(bad_cell.data() + l.cells + 2 * sizeof(CompactWeights::Cell), &big, 2);
  EXPECT_NE(load_error(bad_cell).find("class out of range"), std::string::npos);
  // The last row's header claims cells past the end of the array.
  std::string overrun = good;
  std::size_t last = 1;
  for (std::size_t i = 1; i < l.num_cells;) {
    last = i;
    std::uint16_t count;
    std::memcpy(&count, good.data() + l.cells + i * sizeof(CompactWeights::Cell), 2);
    i += count + 1u;
  }
  const std::uint16_t too_many = 60;
  std::memcpy(overrun.data() + l.cells + last * sizeof(CompactWeights::Cell), &too_many, 2);
  EXPECT_NE(load_error(overrun).find("corrupt"), std::string::npos);

  // A sparse slot pointing inside a row, within the array: its "row" would
  // read the next rows' headers (counts) as classes.
  s = slot_at(good, l, sparse_slot);
  s.begin += 1;
  EXPECT_NE(load_error(with_slot(good, l, sparse_slot, s)).find("row out of range"), std::string::npos);
}

// A loaded table derives its dense rows' bounds itself (they are not in the
// file): a batch with many dense rows scores as the table that was written.
TEST(ParserWeights, ALoadedTableScoresABatchAsTheWrittenOne) {
  std::vector<std::uint64_t> keys;
  const CompactWeights written = mixed_parser_table(keys, 5);
  ASSERT_GT(written.num_dense_rows(), 10u);
  std::vector<std::uint64_t> same_keys;
  const CompactWeights loaded = read_parser_table(parser_table_bytes(same_keys));
  ASSERT_EQ(keys, same_keys);
  std::vector<std::uint64_t> batch;
  for (int copy = 0; copy < 3; ++copy) batch.insert(batch.end(), keys.begin(), keys.end());
  const int n = written.num_classes();
  std::vector<std::int32_t> a(n, 0), b(n, 0);
  written.score(batch, a.data());
  loaded.score(batch, b.data());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, std::vector<std::int32_t>(n, 0));
}

// With 3 classes a row of all three is an overflow row (inline rows hold two,
// dense ones start at four cells) whose header count is not below the class
// count: the fast path declines it, the exact checks accept it.
TEST(ParserWeights, ARowOfEveryClassInASmallTableLoads) {
  constexpr int kClasses = 3;
  TrainWeights w(kClasses);
  std::uint64_t now = 1;
  const std::uint64_t all = mix64(1), one = mix64(2);
  for (int c = 0; c < kClasses; ++c) w.update({all}, c, 1.0f + static_cast<float>(c), now++);
  w.update({one}, 1, -2.0f, now++);
  const CompactWeights trained = CompactWeights::from_training(w, now, kClasses, 0.0);
  BinaryWriter out;
  trained.write(out);
  const std::string bytes = out.take();
  ASSERT_EQ(layout(bytes).num_cells, 1u + 1u + kClasses);  // unused cell 0, header, three cells
  ASSERT_EQ(load_error(bytes), "");
  const CompactWeights loaded = read_parser_table(bytes);
  for (std::uint64_t key : {all, one, mix64(3)}) {
    std::vector<std::int32_t> a(kClasses, 0), b(kClasses, 0);
    trained.score({key}, a.data());
    loaded.score({key}, b.data());
    EXPECT_EQ(a, b);
  }
}

}  // namespace
}  // namespace dyad::detail
