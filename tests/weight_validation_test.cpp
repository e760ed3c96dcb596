// Checking a loaded weight table (row_index.h): the fast path walks the row
// headers once and checks the slots against a bitmap of where rows start; a
// table it declines goes through the exact checks, which name the fault. So a
// damaged table must fail with the exact checks' message, and a sound table
// that only the fast path declines must still load.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "common/hash.h"
#include "common/model_file.h"
#include "dyad/error.h"
#include "nlp/parser_weights.h"
#include "nlp/row_index.h"
#include "nlp/slot_checks.h"
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

// The AVX2 slot loops (slot_checks.h) against the rules written out plainly,
// on random slots of every kind with one fault planted anywhere (or none).
// On a CPU without AVX2 the kernels do nothing and report 0 slots done.
struct SlotRules {
  std::vector<TestCell> cells;
  std::uint32_t classes = 40, dense_rows = 7;
};

SlotRules random_rows(std::mt19937& rng, std::vector<std::uint32_t>& headers) {
  SlotRules r;
  r.cells.push_back({0, 0});
  for (int row = 0; row < 300; ++row) {
    const std::uint16_t count = static_cast<std::uint16_t>(rng() % 5);
    if (count > 0) headers.push_back(static_cast<std::uint32_t>(r.cells.size()));
    r.cells.push_back({count, 0});
    for (int j = 0; j < count; ++j) r.cells.push_back({static_cast<std::uint16_t>(rng() % r.classes), 1});
  }
  return r;
}

TEST(SlotChecks, VectorLoopsAgreeWithThePlainRules) {
  std::mt19937 rng(11);
  int vector_runs = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::uint32_t> headers;
    const SlotRules r = random_rows(rng, headers);
    const RowIndex rows(r.cells.data(), r.cells.size());
    ASSERT_TRUE(rows.ok());
    const std::size_t n = 8 + rng() % 60;
    auto row_of = [&] { return headers[rng() % headers.size()]; };
    // The parser's 16-byte slots: check, begin, two inline cells.
    std::vector<CompactWeights::Slot> inl(n);
    std::vector<std::uint32_t> plain(2 * n);  // the tagger's: check, begin
    for (std::size_t i = 0; i < n; ++i) {
      CompactWeights::Slot& s = inl[i];
      s.check = static_cast<std::uint32_t>(rng());
      switch (rng() % 4) {
        case 0: s.begin = 0; break;
        case 1: s.begin = CompactWeights::kInline | static_cast<std::uint32_t>(rng() % 3); break;
        case 2: s.begin = CompactWeights::kDense | static_cast<std::uint32_t>(rng() % r.dense_rows); break;
        default: s.begin = row_of();
      }
      for (auto& c : s.cells) c = {static_cast<std::uint16_t>(rng() % r.classes), 1};
      plain[2 * i] = static_cast<std::uint32_t>(rng());
      const int kind = static_cast<int>(rng() % 3);
      plain[2 * i + 1] = kind == 0 ? 0u : kind == 1 ? (0x80000000u | static_cast<std::uint32_t>(rng() % r.dense_rows)) : row_of();
    }
    const std::size_t at = rng() % n;  // the planted fault (round % 8 == 0: none)
    switch (round % 8) {
      case 1: inl[at].begin = CompactWeights::kInline | 3; break;
      case 2: inl[at].begin = CompactWeights::kInline | 2; inl[at].cells[1].cls = static_cast<std::uint16_t>(r.classes); break;
      case 3: inl[at].begin = CompactWeights::kDense | r.dense_rows; break;
      case 4: inl[at].begin = row_of() + 1; break;  // inside a row, or an empty one
      case 5: inl[at].begin = static_cast<std::uint32_t>(r.cells.size() + rng() % 1000); break;
      case 6: plain[2 * at + 1] = 0x80000000u | (rng() % 2 ? r.dense_rows + static_cast<std::uint32_t>(rng() % 3) : 0x40000000u); break;
      case 7: plain[2 * at + 1] = static_cast<std::uint32_t>(r.cells.size()) + 3; break;
      default: break;
    }
    // The rules, slot by slot.
    SlotTally want_inl, want_plain;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t b = inl[i].begin;
      want_inl.used += b != 0;
      bool bad = false;
      if (b & CompactWeights::kInline) {
        const std::uint32_t count = b & ~CompactWeights::kInline;
        bad = count > 2 || (count >= 1 && inl[i].cells[0].cls >= r.classes) ||
              (count >= 2 && inl[i].cells[1].cls >= r.classes);
      } else if (b & CompactWeights::kDense) {
        bad = (b & ~CompactWeights::kDense) >= r.dense_rows;
      } else if (b != 0) {
        bad = !rows.is_row(b);
      }
      want_inl.bad = want_inl.bad || bad;
      const std::uint32_t p = plain[2 * i + 1];
      want_plain.used += p != 0;
      if (p & 0x80000000u) want_plain.bad = want_plain.bad || (p & 0x7fffffffu) >= r.dense_rows;
      else if (p != 0) want_plain.bad = want_plain.bad || !rows.is_row(p);
    }
    SlotTally got_inl, got_plain;
    const std::size_t done_inl = tally_inline_slots_avx2(inl.data(), n, r.classes, r.dense_rows, rows, got_inl);
    const std::size_t done_plain = tally_plain_slots_avx2(plain.data(), n, r.dense_rows, rows, got_plain);
    if (done_inl == 0) continue;  // no AVX2 here
    ++vector_runs;
    ASSERT_EQ(done_inl, n / 8 * 8);
    ASSERT_EQ(done_plain, n / 8 * 8);
    // The kernels did the first n / 8 * 8 slots: finish the tallies here.
    SlotTally tail_inl, tail_plain;
    for (std::size_t i = done_inl; i < n; ++i) {
      std::vector<CompactWeights::Slot> one(8, CompactWeights::Slot{});
      one[0] = inl[i];
      std::vector<std::uint32_t> one_plain(16, 0);
      one_plain[1] = plain[2 * i + 1];
      tally_inline_slots_avx2(one.data(), 8, r.classes, r.dense_rows, rows, tail_inl);
      tally_plain_slots_avx2(one_plain.data(), 8, r.dense_rows, rows, tail_plain);
    }
    EXPECT_EQ(got_inl.used + tail_inl.used, want_inl.used) << "round " << round;
    EXPECT_EQ(got_inl.bad || tail_inl.bad, want_inl.bad) << "round " << round << ", fault at " << at;
    EXPECT_EQ(got_plain.used + tail_plain.used, want_plain.used) << "round " << round;
    EXPECT_EQ(got_plain.bad || tail_plain.bad, want_plain.bad) << "round " << round << ", fault at " << at;
  }
  if (vector_runs == 0) GTEST_SKIP() << "this CPU has no AVX2: the slot loops run in the tables' scalar code";
}

}  // namespace
}  // namespace dyad::detail
