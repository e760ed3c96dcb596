// dyad — the one exception type the library throws.
#pragma once

#include <stdexcept>
#include <string>

namespace dyad {

/// Thrown for bad input, bad files and bad models. The message names what
/// failed, where (file:line or byte offset) and, when known, how to fix it.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace dyad
