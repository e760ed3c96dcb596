// The `dyad` CLI: one file per subcommand, each registering itself on the app.
// Subcommands only parse flags and call the library.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

void add_parse_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_eval_ud_command(CLI::App& app);
void add_code_command(CLI::App& app);
void add_ingest_command(CLI::App& app);
void add_events_command(CLI::App& app);
void add_timeline_command(CLI::App& app);
void add_actors_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_model_command(CLI::App& app);

}  // namespace dyad::cli
