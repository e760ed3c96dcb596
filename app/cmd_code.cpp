// TEMPORARY: replaced by the event coder's command.
#include "commands.h"
#include "dyad/error.h"

namespace dyad::cli {
void add_code_command(CLI::App& app) {
  app.add_subcommand("code", "Code political events (not implemented yet)")->callback([] {
    throw Error("dyad code is not implemented yet");
  });
}
}  // namespace dyad::cli
