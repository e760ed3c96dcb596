#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "input_files.h"
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
};

// Streams one text input through the pipeline block by block, so memory stays
// bounded however large the file is.
void parse_text_stream(const Pipeline& pipeline, std::istream& in, const std::string& name,
                       std::ostream& out) {
  BlockReader reader(in);
  std::string block;
  std::size_t offset = 0;
  int sentence_no = 0;
  bool first = true;
  while (reader.next(block, offset)) {
    Document doc = pipeline.process(block, name, offset);
    for (Sentence& s : doc.sentences) {
      s.id = name + "-" + std::to_string(++sentence_no);
      if (first) s.new_document = true;
      first = false;
      write_conllu(out, s);
    }
  }
}

void parse_conllu_stream(const Pipeline& pipeline, std::istream& in, const std::string& name,
                         std::ostream& out) {
  ConlluReader reader(in, name);
  Sentence s;
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
    pipeline.annotate(s);
    write_conllu(out, s);
  }
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
  for_each_input(args.files, [&](std::istream& in, const std::string& name) {
    if (args.input == "conllu") {
      parse_conllu_stream(pipeline, in, name, std::cout);
    } else {
      parse_text_stream(pipeline, in, name, std::cout);
    }
  });
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
  cmd->callback([args] { run_parse(*args); });
}

}  // namespace dyad::cli
