// `dyad ingest`: article files / directories / stdin -> the event store.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "progress.h"
#include "dyad/engine.h"
#include "dyad/ingest.h"

namespace dyad::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string store = "dyad.db";
  int jobs = 0;
  std::string model_dir;
  std::string dict_dir;
  bool no_parse = false;
  bool bulk = false;
  double log_every = 2.0;
};

std::string progress_text(const IngestProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.stored + p.skipped) / p.seconds : 0.0;
  std::string eta = "?";
  if (p.bytes_total > 0 && p.bytes_done > 0) {
    double left = static_cast<double>(p.bytes_total - std::min(p.bytes_total, p.bytes_done));
    eta = clock_text(left * p.seconds / static_cast<double>(p.bytes_done));
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "ingest: stored %lld articles (%lld events), skipped %lld, %.1f articles/s, ETA %s",
                static_cast<long long>(p.stored), static_cast<long long>(p.events),
                static_cast<long long>(p.skipped), rate, eta.c_str());
  return buf;
}

void run_ingest(const IngestArgs& args) {
  PipelineOptions nlp;
  nlp.model_dir = args.model_dir;
  if (args.no_parse) nlp.tag = nlp.parse = false;
  CoderOptions coder;
  coder.dict_dir = args.dict_dir;
  const Engine engine = Engine::load(nlp, coder);
  IngestOptions o;
  o.paths = args.paths.empty() ? std::vector<std::string>{"-"} : args.paths;
  o.jobs = args.jobs;
  o.bulk = args.bulk;
  const bool tty = isatty(STDERR_FILENO);
  double last_log = -1e9;
  o.on_problem = [&](const IngestProblem& pr) {
    std::cerr << (tty ? "\r\033[K" : "") << "ingest: skipped " << pr.where << ": " << pr.reason << "\n";
  };
  o.on_progress = [&](const IngestProgress& p) {
    if (tty) {
      std::cerr << "\r\033[K" << progress_text(p) << std::flush;
    } else if (p.seconds - last_log >= args.log_every) {
      std::cerr << progress_text(p) << "\n" << std::flush;
      last_log = p.seconds;
    }
  };
  IngestSummary s = ingest(args.store, [&](const Article& a) { return engine.code(a); }, o);
  if (tty) std::cerr << "\r\033[K";
  std::cerr << "ingest: done in " << clock_text(s.totals.seconds) << ": read " << s.totals.read << " articles, stored "
            << s.totals.stored << " with " << s.totals.events << " events; skipped " << s.totals.skipped
            << " (already stored " << s.already_stored << ", unreadable " << s.bad << ")\n";
}

}  // namespace

void add_ingest_command(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Code article files (text, JSON, JSONL, HTML; directories recursively; - = stdin) into the store");
  cmd->add_option("paths", args->paths, "Files or directories (default: stdin)");
  cmd->add_option("--store", args->store, "sqlite:PATH, PATH or postgresql://... (default dyad.db)");
  cmd->add_option("--jobs,-j", args->jobs, "Coding threads (default: all cores)");
  cmd->add_option("--model-dir", args->model_dir, "Directory of tagger.dyadm / parser.dyadm");
  cmd->add_option("--dict-dir", args->dict_dir, "Dictionary directory (default: data/)");
  cmd->add_flag("--no-parse", args->no_parse, "Segment only (no tagging/parsing): stores text, codes nothing");
  cmd->add_flag("--bulk", args->bulk,
                "Bulk load for a large first import: the query indexes are built once at the end "
                "(queries meanwhile scan); every batch still commits whole, and an interrupted load "
                "is repaired by the next ingest");
  cmd->add_option("--log-every", args->log_every, "Seconds between progress lines when not on a terminal");
  cmd->callback([args] { run_ingest(*args); });
}

}  // namespace dyad::cli
