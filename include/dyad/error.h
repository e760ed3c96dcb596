// dyad — the exception types the library throws: Error, and one subclass.
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

/// A store write refused, with nothing written, because another process has
/// the store to itself for a while (a SQLite bulk load into an empty store):
/// the same call succeeds once that ends. Callers that can wait (a server
/// answering 503 with Retry-After) tell it apart from other errors.
class StoreBusy : public Error {
 public:
  using Error::Error;
};

}  // namespace dyad
