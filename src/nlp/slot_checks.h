// The slot loop of the weight tables' fast validation (row_index.h), eight
// slots at a time in AVX2. Why: that loop was ~75% of validating the parser's
// table, itself ~9% of a cold one-core pipeline load (185M instructions per
// load by callgrind). The scalar loops stay in the tables (they also finish
// the slots after the last full group of eight, and run on CPUs without
// AVX2); tests/weight_validation_test.cpp checks both agree.
#pragma once

#include <cstddef>
#include <cstdint>

#include "nlp/row_index.h"

namespace dyad::detail {

/// What the slot loop finds: the non-empty slots, and whether any is bad.
struct SlotTally {
  std::size_t used = 0;
  bool bad = false;
};

/// The parser's 16-byte slots (CompactWeights::Slot: check, begin, two inline
/// (class, weight) cells). A slot is bad when its row is inline with more than
/// two cells or an inline cell's class >= `classes`, dense (begin bit 30) with
/// a row >= `dense_rows`, or overflow with a begin that is not a row header.
/// Tallies the first n / 8 * 8 slots into `tally`; returns how many it did
/// (0 without AVX2).
std::size_t tally_inline_slots_avx2(const void* slots, std::size_t n, std::uint32_t classes,
                                    std::uint32_t dense_rows, const RowIndex& rows, SlotTally& tally);

/// The tagger's 8-byte slots (SparseWeights::Slot: check, begin). Bad: dense
/// (begin bit 31) with a row >= `dense_rows`, or sparse with a begin that is
/// not a row header. As above: tallies the first n / 8 * 8 slots, returns how
/// many (0 without AVX2).
std::size_t tally_plain_slots_avx2(const void* slots, std::size_t n, std::uint32_t dense_rows, const RowIndex& rows,
                                   SlotTally& tally);

}  // namespace dyad::detail
