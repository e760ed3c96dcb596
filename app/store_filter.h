// Filter flags shared by `dyad events`, `timeline`, `actors` and `export`.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "dyad/store.h"

namespace dyad::cli {

struct StoreFilterArgs {
  std::string store = "dyad.db";
  std::string dyad;
  EventFilter filter;
  EventFilter resolve() const {
    EventFilter f = filter;
    if (!dyad.empty()) set_dyad(f, dyad);
    return f;
  }
};

inline void add_store_filter_options(CLI::App* cmd, StoreFilterArgs& a, bool dates_only = false) {
  cmd->add_option("--store", a.store, "sqlite:PATH, PATH or postgresql://... (default dyad.db)");
  cmd->add_option("--from", a.filter.from, "Event date >= YYYY-MM-DD");
  cmd->add_option("--to", a.filter.to, "Event date <= YYYY-MM-DD");
  if (dates_only) return;
  cmd->add_option("--actor", a.filter.actor, "Source or target: country (FRA) or code prefix (FRAGOV, IGO*)");
  cmd->add_option("--source", a.filter.source, "Source country or code prefix");
  cmd->add_option("--target", a.filter.target, "Target country or code prefix");
  cmd->add_option("--dyad", a.dyad, "SOURCE:TARGET, e.g. AZE:FRA");
  cmd->add_option("--cameo", a.filter.cameo, "CAMEO code or root/base prefix (16, 166)");
  cmd->add_option("--plover", a.filter.plover, "PLOVER event type (SANCTION)");
  cmd->add_option("--modality", a.filter.modality, "asserted|reported|alleged|denied|negated|conditional|future|hypothetical");
  cmd->add_option("--place", a.filter.place, "Place country (ISO3) or place name");
  cmd->add_option("--outlet", a.filter.outlet, "Some mention comes from this outlet");
  cmd->add_option("--text", a.filter.text, "Full-text query (SQLite FTS5 syntax) over the mention sentences");
}

}  // namespace dyad::cli
