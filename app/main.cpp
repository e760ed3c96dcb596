#include <iostream>

#include "commands.h"
#include "dyad/error.h"
#include "dyad/version.h"

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data from news text (CAMEO, PLOVER) with span provenance"};
  app.set_version_flag("--version", dyad::kVersion);
  app.require_subcommand(1);
  dyad::cli::add_parse_command(app);
  dyad::cli::add_train_command(app);
  dyad::cli::add_eval_ud_command(app);
  dyad::cli::add_code_command(app);
  dyad::cli::add_ingest_command(app);
  dyad::cli::add_events_command(app);
  dyad::cli::add_timeline_command(app);
  dyad::cli::add_actors_command(app);
  dyad::cli::add_export_command(app);
  dyad::cli::add_serve_command(app);
  dyad::cli::add_model_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const dyad::Error& e) {
    std::cerr << "dyad: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "dyad: internal error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
