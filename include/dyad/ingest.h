// dyad — ingest: article collections on disk -> coded, stored events.
//
// Reads directories (recursively), plain text, JSON and JSONL articles and HTML
// pages; codes each article with the caller's coding function (Engine::code)
// on a worker pool; one writer stores each article with its events atomically.
// Idempotent (content hash) and resumable: rerun the same command after a
// crash and only the missing articles are coded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "dyad/store.h"

namespace dyad {

struct IngestProgress {
  std::int64_t read = 0;          ///< Articles read so far.
  std::int64_t stored = 0;        ///< Committed (safe on disk).
  std::int64_t skipped = 0;       ///< Already stored, duplicates, bad inputs.
  std::int64_t events = 0;        ///< Mentions committed.
  std::uint64_t bytes_done = 0;   ///< Input bytes consumed...
  std::uint64_t bytes_total = 0;  ///< ...out of (file sizes; 0 for stdin).
  double seconds = 0.0;
};

struct IngestProblem {
  std::string where;   ///< "path" or "path:line".
  std::string reason;
};

struct IngestSummary {
  IngestProgress totals;
  std::int64_t already_stored = 0;  ///< Same content hash in the store.
  std::int64_t bad = 0;             ///< Unreadable inputs (see problems).
  std::vector<IngestProblem> problems;
};

struct IngestOptions {
  std::vector<std::string> paths;  ///< Files, directories, or "-" for stdin.
  int jobs = 0;                    ///< Coding threads; 0 = all cores.
  std::size_t max_batch = 256;     ///< Articles per write transaction at most.
  std::uint64_t max_file_bytes = 200ull << 20;
  /// Load as a bulk load (EventStore::begin_bulk_load): the query indexes are
  /// built once at the end. For initial imports; every batch still commits whole.
  bool bulk = false;
  /// Called after every commit (on the writer thread).
  std::function<void(const IngestProgress&)> on_progress;
  /// Called for each skipped input as it happens.
  std::function<void(const IngestProblem&)> on_problem;
};

using CodeFunction = std::function<CodedArticle(const Article&)>;

/// Ingests into the store at `store_url` (opened twice: a writer and a reader
/// for the "already stored?" check). Bad inputs are reported, never fatal.
IngestSummary ingest(const std::string& store_url, const CodeFunction& code, const IngestOptions& options);

}  // namespace dyad
