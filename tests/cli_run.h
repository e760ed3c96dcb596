// Running a shell command from a test and collecting what it prints: one
// helper for every test that drives the `dyad` binary.
#pragma once

#include <cstdio>
#include <string>

namespace dyad::test {

struct CommandResult {
  std::string out;  ///< standard output (add " 2>&1" to the command for stderr too)
  int status = -1;  ///< as pclose() returns it: 0 on success; -1 if the command could not start
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  r.status = pclose(pipe);
  return r;
}

/// `dyad ARGS`, standard error folded into the output.
inline CommandResult run_dyad(const std::string& args) {
  return run_command(std::string(DYAD_CLI_PATH) + " " + args + " 2>&1");
}

}  // namespace dyad::test
