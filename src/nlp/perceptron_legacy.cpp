// Readers of the tagger weight formats 1-3, converted to the current table.
//
// Formats 1-3 kept the full 64-bit key of every row, so a table is rebuilt
// from its rows; the weights were already on the file's int16 grid, so the
// rebuilt table scores exactly as the old one did. Only old model files pay
// for the conversion (`dyad` saves format 4).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "dyad/error.h"
#include "nlp/perceptron.h"

namespace dyad::detail {
namespace {

// Format 2-3 layouts.
struct SlotV2 {
  std::uint64_t key;
  std::uint32_t begin, end;  // end == 0: empty; format 3: end == kDenseV3 marks a dense row
};
struct EntryV2 {
  std::uint32_t cls;
  float w;
};
constexpr std::uint32_t kDenseV3 = 0xffffffffu;

template <typename T>
std::vector<T> copy_array(std::string_view bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  if (!v.empty()) std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
  return v;
}

}  // namespace

SparseWeights SparseWeights::read_legacy(BinaryReader& r, std::uint32_t format) {
  const int num_classes = static_cast<int>(r.u32());
  if (num_classes <= 0 || num_classes > 65535) r.fail("bad class count in weights");
  std::vector<Row> rows;
  float scale = 0;
  auto check_class = [&](std::uint32_t c) {
    if (c >= static_cast<std::uint32_t>(num_classes)) r.fail("weight class id out of range");
    return static_cast<std::uint16_t>(c);
  };
  if (format < 2) {  // keys, row offsets, classes, one scale, int16 weights
    const auto keys = r.pod_vector<std::uint64_t>();
    const auto row_begin = r.pod_vector<std::uint32_t>();
    const auto cls = r.pod_vector<std::uint16_t>();
    scale = r.f32();
    const auto q = r.pod_vector<std::int16_t>();
    if (!(scale > 0) || !std::isfinite(scale)) r.fail("bad weight scale");
    if (row_begin.size() != keys.size() + 1 || row_begin.front() != 0 ||
        row_begin.back() != cls.size() || cls.size() != q.size())
      r.fail("inconsistent weight table sizes");
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (row_begin[i] >= row_begin[i + 1]) r.fail("weight rows out of order or empty");
      Row row{keys[i], {}};
      for (std::uint32_t k = row_begin[i]; k < row_begin[i + 1]; ++k)
        row.weights.emplace_back(check_class(cls[k]), static_cast<float>(q[k]) * scale);
      rows.push_back(std::move(row));
    }
  } else {  // the 16-byte-slot table (format 3: plus dense float rows)
    scale = r.f32();
    const std::uint64_t num_rows = r.u64();
    const auto slots = copy_array<SlotV2>(r.aligned_array(sizeof(SlotV2)));
    const auto entries = copy_array<EntryV2>(r.aligned_array(sizeof(EntryV2)));
    const auto dense = format >= 3 ? copy_array<float>(r.aligned_array(sizeof(float))) : std::vector<float>();
    if (!(scale > 0) || !std::isfinite(scale)) r.fail("bad weight scale");
    const std::size_t stride = (static_cast<std::size_t>(num_classes) + 7) / 8 * 8;
    for (const SlotV2& slot : slots) {
      if (slot.end == 0) continue;
      Row row{slot.key, {}};
      if (format >= 3 && slot.end == kDenseV3) {
        if ((std::size_t{slot.begin} + 1) * stride > dense.size()) r.fail("dense weight row out of range");
        for (int c = 0; c < num_classes; ++c)
          if (float w = dense[slot.begin * stride + c]; w != 0.0f) row.weights.emplace_back(static_cast<std::uint16_t>(c), w);
      } else {
        if (slot.begin >= slot.end || slot.end > entries.size()) r.fail("weight row out of range");
        for (std::uint32_t k = slot.begin; k < slot.end; ++k)
          row.weights.emplace_back(check_class(entries[k].cls), entries[k].w);
      }
      for (const auto& cw : row.weights)
        if (!std::isfinite(cw.second)) r.fail("weight value out of range");
      std::sort(row.weights.begin(), row.weights.end());
      rows.push_back(std::move(row));
    }
    if (rows.size() != num_rows)
      r.fail("weight table holds " + std::to_string(rows.size()) + " rows, expected " + std::to_string(num_rows));
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  }
  try {
    return build(num_classes, scale, rows);
  } catch (const Error& e) {
    r.fail(e.what());
  }
}

}  // namespace dyad::detail
