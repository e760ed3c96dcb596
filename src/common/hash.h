// Integer hash mixing shared by the feature hashers of the tagger and parser.
#pragma once

#include <cstdint>

namespace dyad::detail {

/// splitmix64 finalizer: a fast bijective mix of 64 bits.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace dyad::detail
