#include <fstream>
#include <iostream>
#include <memory>
#include <utility>

#include "common/ordered_pool.h"
#include "commands.h"
#include "input_files.h"
#include "progress.h"
#include "dyad/conllu.h"
#include "dyad/error.h"
#include "dyad/pipeline.h"

namespace dyad::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> files;
  std::string input = "text";
  std::string model_dir;
  bool lenient = false;
  bool no_parse = false;
  unsigned jobs = 0;  // 0 = one thread per core
};

// Sentences per job: enough work (~30 ms) to outweigh the hand-off, few
// enough that a short input still spreads over the cores.
constexpr std::size_t kChunkSentences = 64;

using Chunk = std::vector<Sentence>;

// Tags and parses chunks on the pool's threads; they come back in order.
void submit_chunk(detail::OrderedPool<Chunk>& pool, const Pipeline& pipeline, Chunk chunk) {
  pool.submit([&pipeline, chunk = std::move(chunk)]() mutable {
    pipeline.annotate(chunk);
    return std::move(chunk);
  });
}

// What one run shares across its inputs: the models, the output, the
// threads' count and the terminal progress line.
struct ParseRun {
  const Pipeline& pipeline;
  std::ostream& out;
  unsigned jobs;
  TerminalProgress progress;
  std::uintmax_t bytes_before = 0;  // of the inputs already finished
  std::uintmax_t sentences = 0;
};

// Streams one text input through the pipeline block by block, so memory stays
// bounded however large the file is; each block is segmented here and its
// sentences tagged and parsed on the pool's threads.
void parse_text_stream(ParseRun& run, std::istream& in, const std::string& name) {
  int sentence_no = 0;
  std::uintmax_t bytes = run.bytes_before;
  detail::OrderedPool<Chunk> pool(run.jobs, [&](Chunk&& chunk) {
    for (Sentence& s : chunk) {
      s.id = name + "-" + std::to_string(++sentence_no);
      if (sentence_no == 1) s.new_document = true;
      write_conllu(run.out, s);
    }
    run.progress.update(bytes, run.sentences += chunk.size());
  });
  BlockReader reader(in);
  std::string block;
  std::size_t offset = 0;
  while (reader.next(block, offset)) {
    bytes = run.bytes_before + offset + block.size();
    Document doc = run.pipeline.segment(block, name, offset);
    for (std::size_t i = 0; i < doc.sentences.size(); i += kChunkSentences) {
      auto begin = doc.sentences.begin() + static_cast<std::ptrdiff_t>(i);
      auto end = doc.sentences.begin() + static_cast<std::ptrdiff_t>(std::min(i + kChunkSentences, doc.sentences.size()));
      submit_chunk(pool, run.pipeline, Chunk(std::make_move_iterator(begin), std::make_move_iterator(end)));
    }
  }
  pool.finish();
  run.bytes_before = bytes;
}

void parse_conllu_stream(ParseRun& run, std::istream& in, const std::string& name) {
  std::uintmax_t bytes = run.bytes_before;
  detail::OrderedPool<Chunk> pool(run.jobs, [&](Chunk&& chunk) {
    for (const Sentence& s : chunk) write_conllu(run.out, s);
    run.progress.update(bytes, run.sentences += chunk.size());
  });
  ConlluReader reader(in, name);
  Sentence s;
  Chunk chunk;
  while (reader.next(s)) {
    // Clear every column we predict or do not produce, so no gold value
    // survives into the output (evaluation would count it as ours).
    for (Word& w : s.words) {
      Word bare;
      bare.form = std::move(w.form);
      bare.span = w.span;
      bare.space_after = w.space_after;
      bare.misc = std::move(w.misc);
      w = std::move(bare);
    }
    chunk.push_back(std::move(s));
    if (chunk.size() == kChunkSentences) {
      if (const auto at = in.tellg(); at >= 0) bytes = run.bytes_before + static_cast<std::uintmax_t>(at);
      submit_chunk(pool, run.pipeline, std::exchange(chunk, {}));
    }
  }
  if (!chunk.empty()) submit_chunk(pool, run.pipeline, std::move(chunk));
  pool.finish();
  in.clear();
  if (const auto at = in.tellg(); at >= 0) bytes = run.bytes_before + static_cast<std::uintmax_t>(at);
  run.bytes_before = bytes;
}

void run_parse(const ParseArgs& args) {
  // Report a mistyped path before spending time on loading models.
  for (const std::string& file : args.files) {
    if (file != "-" && !std::ifstream(file)) throw Error("cannot open " + file + ": no such file or not readable");
  }
  PipelineOptions options;
  options.model_dir = args.model_dir;
  options.lenient_utf8 = args.lenient;
  options.parse = !args.no_parse;
  Pipeline pipeline = Pipeline::load(options);
  std::ios::sync_with_stdio(false);
  ParseRun run{pipeline, std::cout, args.jobs, TerminalProgress("parse", "sentences", total_input_bytes(args.files))};
  for_each_input(args.files, [&](std::istream& in, const std::string& name) {
    if (args.input == "conllu") {
      parse_conllu_stream(run, in, name);
    } else {
      parse_text_stream(run, in, name);
    }
  });
  run.progress.clear();
  std::cout.flush();
}

}  // namespace

void add_parse_command(CLI::App& app) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Tokenize, tag and parse text (or re-annotate CoNLL-U); writes CoNLL-U to stdout");
  cmd->add_option("files", args->files, "Input files; '-' or none reads stdin");
  cmd->add_option("--input", args->input, "Input format: text (default) or conllu (keeps the "
                                          "given tokens and sentences, re-predicts the rest)")
      ->check(CLI::IsMember({"text", "conllu"}));
  cmd->add_option("--model-dir", args->model_dir,
                  "Directory with tagger.dyadm and parser.dyadm (default: bundled models)");
  cmd->add_flag("--lenient", args->lenient,
                "Replace invalid UTF-8 bytes with U+FFFD instead of stopping with an error");
  cmd->add_flag("--no-parse", args->no_parse, "Tokenize and tag only");
  cmd->add_option("--jobs,-j", args->jobs,
                  "Tagging and parsing threads (default 0: one per core); the output is the same for any number");
  cmd->callback([args] { run_parse(*args); });
}

}  // namespace dyad::cli
