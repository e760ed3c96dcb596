#pragma once

namespace dyad {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace dyad
