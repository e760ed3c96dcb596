// The parser's weight table on disk: format 4 (rows of up to two cells inside
// their 16-byte slot, long rows dense) is written; formats 1-3 (8-byte slots
// with every row in the cell array; 16-byte slots without dense rows) must
// still load, score the same and be checked for damage.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "common/model_file.h"
#include "dyad/error.h"
#include "nlp/parser_weights.h"

namespace dyad::detail {
namespace {

constexpr int kClasses = 6;
constexpr std::size_t kSlots = 1024;
using Cell = CompactWeights::Cell;
using SlotV2 = CompactWeights::SlotV2;

std::size_t home(std::uint64_t key) { return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * kSlots) >> 32; }

// A format-2 table with one short row (inlined on conversion) and one long row.
struct V2Table {
  std::vector<SlotV2> slots = std::vector<SlotV2>(kSlots, SlotV2{0, 0});
  std::vector<Cell> cells = {{0, 0}};
  void add(std::uint64_t key, std::vector<Cell> row) {
    std::size_t i = home(key);
    while (slots[i].begin != 0) i = (i + 1) % kSlots;
    slots[i] = {static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(cells.size())};
    cells.push_back({static_cast<std::uint16_t>(row.size()), 0});
    cells.insert(cells.end(), row.begin(), row.end());
  }
  std::string bytes() const {
    BinaryWriter w;
    w.u32(kClasses);
    w.u64(2);
    write_aligned_array(w, slots.data(), slots.size(), sizeof(SlotV2));
    write_aligned_array(w, cells.data(), cells.size(), sizeof(Cell));
    return std::string(w.bytes());
  }
};

CompactWeights read(const std::string& bytes, std::uint32_t format) {
  auto payload = std::make_shared<Payload>(bytes.size());
  std::memcpy(payload->data(), bytes.data(), bytes.size());
  BinaryReader r(payload->bytes(), "test parser weights");
  CompactWeights w = CompactWeights::read(r, payload, format);
  r.expect_end();
  return w;
}

constexpr std::uint64_t kShort = 0x1111222233334444ULL, kLong = 0x5555666677778888ULL;

V2Table table() {
  V2Table t;
  t.add(kShort, {{1, 100}, {4, -7}});
  t.add(kLong, {{0, 5}, {2, 30}, {3, -300}, {5, 9}});
  return t;
}

std::vector<std::int32_t> scores(const CompactWeights& w, std::vector<std::uint64_t> features) {
  std::vector<std::int32_t> s(kClasses, 0);
  w.score(features, s.data());
  return s;
}

TEST(ParserWeightsFormat, Format2IsConvertedAndScoresTheSame) {
  const CompactWeights w = read(table().bytes(), 2);
  EXPECT_EQ(scores(w, {kShort}), (std::vector<std::int32_t>{0, 100, 0, 0, -7, 0}));
  EXPECT_EQ(scores(w, {kLong}), (std::vector<std::int32_t>{5, 0, 30, -300, 0, 9}));
  EXPECT_EQ(scores(w, {kShort, kLong, 42}), (std::vector<std::int32_t>{5, 100, 30, -300, -7, 9}));
  EXPECT_EQ(w.num_entries(), 6u);
  EXPECT_EQ(w.num_dense_rows(), 1u);  // the 4-cell row (of 6 classes) is dense
  // Written again it is format 4, and reads back in place with the same scores.
  BinaryWriter out;
  w.write(out);
  const CompactWeights again = read(std::string(out.bytes()), 4);
  EXPECT_EQ(scores(again, {kShort, kLong, 42}), scores(w, {kShort, kLong, 42}));
  EXPECT_EQ(again.num_dense_rows(), 1u);
}

// Format 3 (the committed models before dense rows) loads in place with its
// long rows in the cell array, and saves as format 4 with them dense.
TEST(ParserWeightsFormat, Format3LoadsAndSavesWithDenseRows) {
  using Slot = CompactWeights::Slot;
  std::vector<Slot> slots(kSlots);
  std::vector<Cell> cells = {{0, 0}};
  auto add = [&](std::uint64_t key, std::vector<Cell> row) {
    std::size_t i = home(key);
    while (slots[i].begin != 0) i = (i + 1) % kSlots;
    slots[i].check = static_cast<std::uint32_t>(key >> 32);
    if (row.size() <= CompactWeights::kInlineCells) {
      slots[i].begin = CompactWeights::kInline | static_cast<std::uint32_t>(row.size());
      for (std::size_t j = 0; j < row.size(); ++j) slots[i].cells[j] = row[j];
      return;
    }
    slots[i].begin = static_cast<std::uint32_t>(cells.size());
    cells.push_back({static_cast<std::uint16_t>(row.size()), 0});
    cells.insert(cells.end(), row.begin(), row.end());
  };
  add(kShort, {{1, 100}, {4, -7}});
  add(kLong, {{0, 5}, {2, 30}, {3, -300}, {5, 9}});
  BinaryWriter v3;
  v3.u32(kClasses);
  v3.u64(2);
  write_aligned_array(v3, slots.data(), slots.size(), sizeof(Slot));
  write_aligned_array(v3, cells.data(), cells.size(), sizeof(Cell));
  const CompactWeights w = read(std::string(v3.bytes()), 3);
  EXPECT_EQ(w.num_dense_rows(), 0u);
  EXPECT_EQ(scores(w, {kShort, kLong, 42}), (std::vector<std::int32_t>{5, 100, 30, -300, -7, 9}));
  BinaryWriter out;
  w.write(out);
  const CompactWeights v4 = read(std::string(out.bytes()), 4);
  EXPECT_EQ(v4.num_dense_rows(), 1u);
  EXPECT_EQ(scores(v4, {kLong}), (std::vector<std::int32_t>{5, 0, 30, -300, 0, 9}));
  EXPECT_EQ(scores(v4, {kShort, kLong, 42}), scores(w, {kShort, kLong, 42}));
}

TEST(ParserWeightsFormat, DamagedTablesAreRejected) {
  V2Table bad = table();
  for (SlotV2& s : bad.slots)
    if (s.begin != 0) s.begin = 1000;  // past the cells
  EXPECT_THROW(read(bad.bytes(), 2), Error);
  V2Table wrong_class = table();
  wrong_class.cells[2].cls = kClasses;  // a class the model does not have
  EXPECT_THROW(read(wrong_class.bytes(), 2), Error);
  // Format 4: an inline row claiming three cells; a dense row that does not exist.
  BinaryWriter out;
  read(table().bytes(), 2).write(out);
  const std::string good(out.bytes());
  std::string bytes = good;
  const std::size_t slots_at = 4 + 8 + 1;  // classes, features, padding byte
  const std::size_t pad = static_cast<unsigned char>(bytes[12]);
  bool damaged = false;
  for (std::size_t i = 0; i < kSlots && !damaged; ++i) {
    const std::size_t at = slots_at + pad + 8 + i * sizeof(CompactWeights::Slot) + 4;
    std::uint32_t begin;
    std::memcpy(&begin, bytes.data() + at, 4);
    if (begin & CompactWeights::kInline) {
      begin = CompactWeights::kInline | 3;
      std::memcpy(bytes.data() + at, &begin, 4);
      damaged = true;
    }
  }
  ASSERT_TRUE(damaged);
  EXPECT_THROW(read(bytes, 4), Error);
  bytes = good;
  damaged = false;
  for (std::size_t i = 0; i < kSlots && !damaged; ++i) {
    const std::size_t at = slots_at + pad + 8 + i * sizeof(CompactWeights::Slot) + 4;
    std::uint32_t begin;
    std::memcpy(&begin, bytes.data() + at, 4);
    if ((begin & CompactWeights::kDense) && !(begin & CompactWeights::kInline)) {
      begin = CompactWeights::kDense | 1;  // the table has one dense row, number 0
      std::memcpy(bytes.data() + at, &begin, 4);
      damaged = true;
    }
  }
  ASSERT_TRUE(damaged);
  EXPECT_THROW(read(bytes, 4), Error);
  EXPECT_NO_THROW(read(good, 4));
}

}  // namespace
}  // namespace dyad::detail
