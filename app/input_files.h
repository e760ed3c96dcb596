// Input files for CLI commands: each path opened in turn ("-" or none = stdin).
#pragma once

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "dyad/error.h"

namespace dyad::cli {

/// Calls `fn(stream, name)` for every input; a path that cannot be opened
/// throws dyad::Error naming it.
template <typename Fn>
void for_each_input(const std::vector<std::string>& files, Fn&& fn) {
  const std::vector<std::string> stdin_only{"-"};
  for (const std::string& file : files.empty() ? stdin_only : files) {
    if (file == "-") {
      fn(std::cin, std::string("stdin"));
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot open " + file + ": no such file or not readable");
    fn(in, file);
  }
}

}  // namespace dyad::cli
