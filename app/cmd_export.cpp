// `dyad export`: stored events as GDELT 2.0 rows, PLOVER JSON records or CSV.
#include <iostream>

#include "commands.h"
#include "dyad/error.h"
#include "dyad/export.h"
#include "store_filter.h"

namespace dyad::cli {
namespace {

struct ExportArgs {
  StoreFilterArgs store;
  std::string format = "csv";
  bool header = false;
};

void run_export(const ExportArgs& a) {
  if (a.format != "gdelt" && a.format != "plover" && a.format != "csv") {
    throw Error("--format must be gdelt, plover or csv, not '" + a.format + "'");
  }
  auto store = EventStore::open(a.store.store);
  if (a.format == "csv") std::cout << csv_line(csv_columns()) << "\n";
  if (a.format == "gdelt" && a.header) std::cout << tsv_line(gdelt_columns()) << "\n";
  std::size_t n = 0;
  store->for_each_event(a.store.resolve(), [&](const StoredEvent& s) {
    if (a.format == "gdelt") std::cout << tsv_line(gdelt_row(s)) << "\n";
    else if (a.format == "plover") std::cout << plover_record(s).dump() << "\n";
    else std::cout << csv_line(csv_row(s)) << "\n";
    ++n;
  });
  std::cout.flush();
  std::cerr << "export: " << n << " events\n";
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Export stored events (oldest first): gdelt | plover (JSONL) | csv");
  add_store_filter_options(cmd, a->store);
  cmd->add_option("--format", a->format, "gdelt (GDELT 2.0 event table, TSV) | plover | csv (default csv)");
  cmd->add_flag("--header", a->header, "gdelt: print the column names first (GDELT files have none)");
  cmd->callback([a] { run_export(*a); });
}

}  // namespace dyad::cli
