// One Engine per test binary, shared by every test that codes text: loading
// models and dictionaries once keeps the suite fast and the tests honest about
// using the same read-only engine the CLI and server share.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dyad/engine.h"

namespace dyad::testing {

/// False in a checkout without trained models (tests then GTEST_SKIP).
inline bool models_present() {
  return std::filesystem::exists(std::string(DYAD_SOURCE_DIR) + "/data/models/parser.dyadm");
}

inline const Engine& shared_engine() {
  static const Engine engine = Engine::load();
  return engine;
}

/// The events of `text` coded as an article published on `date`.
inline std::vector<Event> code_events(const std::string& text, const std::string& date = "2024-02-01") {
  Article a;
  a.text = text;
  a.date = date;
  return shared_engine().code(a).events;
}

}  // namespace dyad::testing
