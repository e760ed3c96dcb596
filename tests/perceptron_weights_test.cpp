// The tagger's weight tables on disk: format 4 (the lookup table itself, long
// rows dense, used in place from the model payload) must score exactly like
// the trained weights and like formats 1-3 (still readable, converted), and
// damaged tables must be rejected.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "common/model_file.h"
#include "dyad/error.h"
#include "nlp/perceptron.h"

namespace dyad::detail {
namespace {

constexpr int kClasses = 5;

// A small trained table: 40 features pushed towards two classes each (short,
// sparse rows) and three features shared by many rounds (long, dense rows).
SparseWeights trained(std::uint64_t variant = 0) {
  PerceptronTrainer t(kClasses);
  for (std::uint64_t round = variant; round < 30 + variant * 7; ++round) {
    std::vector<std::uint64_t> feats;
    for (std::uint64_t f = 0; f < 4; ++f) feats.push_back(mix64(round % 10 * 4 + f + 1));
    feats.push_back(mix64(41 + round % 3));
    t.update(feats.data(), feats.size(), static_cast<int>(round % kClasses),
             static_cast<int>((round * 3 + 1) % kClasses));
    t.tick();
  }
  return t.finalize(0.0f).pruned(0.01f);
}

std::vector<float> scores(const SparseWeights& w, std::uint64_t key) {
  std::vector<float> s(kClasses, 0.0f);
  w.add_to(key, s.data());
  return s;
}

void expect_same_scores(const SparseWeights& a, const SparseWeights& b) {
  ASSERT_EQ(a.num_features(), b.num_features());
  ASSERT_EQ(a.num_weights(), b.num_weights());
  for (std::uint64_t f = 1; f <= 45; ++f) EXPECT_EQ(scores(a, mix64(f)), scores(b, mix64(f))) << f;
}

// Reads `bytes` from page-aligned Payload memory, as a model load does.
SparseWeights read_in_place(const std::string& bytes, std::uint32_t format) {
  auto payload = std::make_shared<Payload>(bytes.size());
  std::memcpy(payload->data(), bytes.data(), bytes.size());
  BinaryReader r(payload->bytes(), "test weights");
  SparseWeights w = SparseWeights::read(r, payload, format);
  r.expect_end();
  return w;
}

TEST(PerceptronWeights, Format4RoundTripScoresIdentically) {
  const SparseWeights w = trained();
  ASSERT_GT(w.num_features(), 30u);
  // Both kinds of row are exercised: long rows dense, short ones sparse.
  ASSERT_GT(w.num_dense_rows(), 0u);
  ASSERT_LT(w.num_dense_rows(), w.num_features());
  BinaryWriter out;
  out.u8(7);  // an odd offset: the writer must pad the arrays
  w.write(out);
  const std::string bytes = out.bytes().substr(1);
  EXPECT_NE(scores(w, mix64(1)), std::vector<float>(kClasses, 0.0f));
  const SparseWeights loaded = read_in_place(bytes, 4);
  expect_same_scores(w, loaded);
  // Without an owner (or alignment) the reader copies instead.
  BinaryReader r(bytes, "copy");
  expect_same_scores(w, SparseWeights::read(r, nullptr, 4));
  // A reloaded table saves to the same bytes.
  BinaryWriter first, again;
  w.write(first);
  read_in_place(first.bytes(), 4).write(again);
  EXPECT_EQ(again.bytes(), first.bytes());
  // Full keys are not saved: a loaded table cannot be averaged, and says so.
  EXPECT_THROW(SparseWeights::average({&loaded}), Error);
}

// The rows a table holds: (key, scores) for the keys the tests use.
std::vector<std::pair<std::uint64_t, std::vector<float>>> rows_of(const SparseWeights& w) {
  std::vector<std::pair<std::uint64_t, std::vector<float>>> rows;
  for (std::uint64_t f = 1; f <= 45; ++f) {
    std::vector<float> s = scores(w, mix64(f));
    if (s != std::vector<float>(kClasses, 0.0f)) rows.emplace_back(mix64(f), s);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Format 2 (16-byte slots, every row sparse, float weights) is what the
// models of 2026-11 were saved in: it must load, score the same, and save as
// format 4 with dense rows.
TEST(PerceptronWeights, ReadsFormat2AndSavesItAsFormat4) {
  const SparseWeights w = trained();
  const auto rows = rows_of(w);
  ASSERT_EQ(rows.size(), w.num_features());
  struct Slot {
    std::uint64_t key;
    std::uint32_t begin, end;
  };
  struct Entry {
    std::uint32_t cls;
    float w;
  };
  std::vector<Slot> slots(128, Slot{0, 0, 0});
  std::vector<Entry> entries;
  for (const auto& [key, s] : rows) {
    std::size_t i = key & 127;
    while (slots[i].end != 0) i = (i + 1) & 127;
    slots[i].key = key;
    slots[i].begin = static_cast<std::uint32_t>(entries.size());
    for (int c = 0; c < kClasses; ++c)
      if (s[c] != 0.0f) entries.push_back({static_cast<std::uint32_t>(c), s[c]});
    slots[i].end = static_cast<std::uint32_t>(entries.size());
  }
  float max_abs = 0;
  for (const auto& row : rows)
    for (float x : row.second) max_abs = std::max(max_abs, std::fabs(x));
  BinaryWriter out;
  out.u32(kClasses);
  out.f32(max_abs / 32767.0f);  // the grid the weights are on
  out.u64(rows.size());
  write_aligned_array(out, slots.data(), slots.size(), sizeof(Slot));
  write_aligned_array(out, entries.data(), entries.size(), sizeof(Entry));
  const SparseWeights v2 = read_in_place(out.bytes(), 2);
  EXPECT_EQ(v2.num_dense_rows(), w.num_dense_rows());
  expect_same_scores(w, v2);
  BinaryWriter saved;
  v2.write(saved);
  expect_same_scores(w, read_in_place(saved.bytes(), 4));
  // A row pointing past the weights is rejected, not read.
  slots[slots[0].end != 0 ? 0 : 1].end = 1000;
  BinaryWriter bad;
  bad.u32(kClasses);
  bad.f32(max_abs / 32767.0f);
  bad.u64(rows.size());
  write_aligned_array(bad, slots.data(), slots.size(), sizeof(Slot));
  write_aligned_array(bad, entries.data(), entries.size(), sizeof(Entry));
  EXPECT_THROW(read_in_place(bad.bytes(), 2), Error);
}

// The average is what makes an ensemble cost one model: its scores must be
// the members' mean scores (up to the int16 grid), for every feature.
TEST(PerceptronWeights, AverageScoresAsTheMeanOfItsMembers) {
  const SparseWeights a = trained(0), b = trained(3);
  const SparseWeights avg = SparseWeights::average({&a, &b});
  EXPECT_GE(avg.num_features(), std::max(a.num_features(), b.num_features()));
  for (std::uint64_t f = 1; f <= 200; ++f) {
    const std::vector<float> sa = scores(a, mix64(f)), sb = scores(b, mix64(f)), sv = scores(avg, mix64(f));
    for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(sv[c], (sa[c] + sb[c]) / 2, 1e-3) << f << " " << c;
  }
  expect_same_scores(SparseWeights::average({&a}), a);
  PerceptronTrainer other(kClasses + 1);
  const std::uint64_t key = 1;
  other.update(&key, 1, 0, 1);
  other.tick();
  const SparseWeights c = other.finalize(0.0f);
  EXPECT_THROW(SparseWeights::average({&a, &c}), Error);
  EXPECT_THROW(SparseWeights::average({}), Error);
}

TEST(PerceptronWeights, ReadsFormat1) {
  const SparseWeights w = trained();
  // Format 1, built from the rows the table holds: keys in order, row offsets,
  // classes, one scale and int16 weights.
  const auto rows = rows_of(w);
  float max_abs = 0;
  for (const auto& row : rows)
    for (float x : row.second) max_abs = std::max(max_abs, std::fabs(x));
  const float scale = max_abs / 32767.0f;
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> begin{0};
  std::vector<std::uint16_t> cls;
  std::vector<std::int16_t> q;
  for (const auto& [key, s] : rows) {
    keys.push_back(key);
    for (int c = 0; c < kClasses; ++c) {
      if (s[c] == 0.0f) continue;
      cls.push_back(static_cast<std::uint16_t>(c));
      q.push_back(static_cast<std::int16_t>(std::lround(s[c] / scale)));
    }
    begin.push_back(static_cast<std::uint32_t>(cls.size()));
  }
  BinaryWriter out;
  out.u32(kClasses);
  out.pod_vector(keys);
  out.pod_vector(begin);
  out.pod_vector(cls);
  out.f32(scale);
  out.pod_vector(q);
  const SparseWeights v1 = read_in_place(out.bytes(), 1);
  ASSERT_EQ(v1.num_features(), rows.size());
  for (const auto& [key, s] : rows) {
    const std::vector<float> got = scores(v1, key);
    for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(got[c], s[c], scale) << c;
  }
}

TEST(PerceptronWeights, RejectsDamagedTables) {
  BinaryWriter out;
  trained().write(out);
  const std::string good = out.bytes();
  // Header: classes u32, scale f32, rows u64; then the slot array (pad byte,
  // padding, count) of 8-byte slots (check u32, begin u32).
  std::size_t at = 16;
  const std::size_t pad = static_cast<unsigned char>(good[at]);
  at += 1 + pad;
  std::uint64_t nslots;
  std::memcpy(&nslots, good.data() + at, 8);
  at += 8;
  auto first_slot = [&](auto wanted) {
    for (std::size_t slot = 0; slot < nslots; ++slot) {
      std::uint32_t begin;
      std::memcpy(&begin, good.data() + at + slot * 8 + 4, 4);
      if (wanted(begin)) return slot;
    }
    return nslots;
  };
  const std::size_t sparse = first_slot([](std::uint32_t b) { return b != 0 && !(b & SparseWeights::kDense); });
  const std::size_t dense = first_slot([](std::uint32_t b) { return (b & SparseWeights::kDense) != 0; });
  ASSERT_LT(sparse, nslots);
  ASSERT_LT(dense, nslots);
  auto damaged = [&](std::size_t slot, std::uint32_t begin) {
    std::string bad = good;
    std::memcpy(bad.data() + at + slot * 8 + 4, &begin, 4);
    return bad;
  };
  EXPECT_THROW(read_in_place(damaged(sparse, 0x7fffffff), 4), Error);  // row past the cells
  EXPECT_THROW(read_in_place(damaged(dense, SparseWeights::kDense | 0x7fffff), 4), Error);  // no such dense row
  EXPECT_THROW(read_in_place(damaged(sparse, 0), 4), Error);  // a row lost: the count disagrees
  // Inside a row, at a cell whose class could pass for a count that stays
  // within the cells: its "row" would read the next header's count as a class.
  std::size_t cells_at = at + nslots * 8;
  cells_at += 1 + static_cast<unsigned char>(good[cells_at]);
  std::uint64_t ncells;
  std::memcpy(&ncells, good.data() + cells_at, 8);
  cells_at += 8;
  auto cell_class = [&](std::size_t i) {
    std::uint16_t c;
    std::memcpy(&c, good.data() + cells_at + i * 4, 2);
    return c;
  };
  std::size_t inside = 0;
  for (std::size_t i = 1; i < ncells && !inside; i += cell_class(i) + 1u)
    for (std::size_t j = i + 1; j <= i + cell_class(i); ++j)
      if (cell_class(j) != 0 && j + cell_class(j) < ncells) inside = j;
  ASSERT_NE(inside, 0u);
  EXPECT_THROW(read_in_place(damaged(sparse, static_cast<std::uint32_t>(inside)), 4), Error);
  std::string bad = good;
  const std::uint32_t huge = 0x7fffffff;
  std::memcpy(bad.data(), &huge, 4);  // class count out of range
  EXPECT_THROW(read_in_place(bad, 4), Error);
  EXPECT_THROW(read_in_place(good.substr(0, good.size() - 3), 4), Error);  // truncated
  EXPECT_NO_THROW(read_in_place(good, 4));
}

}  // namespace
}  // namespace dyad::detail
