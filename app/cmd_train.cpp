#include <chrono>
#include <iostream>
#include <memory>
#include <string_view>
#include <utility>

#include "commands.h"
#include "dyad/conllu.h"
#include "dyad/parser.h"
#include "dyad/tagger.h"
#include "dyad/text.h"

namespace dyad::cli {
namespace {

struct TrainArgs {
  std::string what;
  std::string train, dev, output, tagger;
  int epochs = 0;
  std::uint64_t seed = 1;
  int jackknife = 0;         // parser: folds of jackknifed training tags (0 = off)
  int jackknife_epochs = 5;  // parser: epochs of each fold's tagger
  bool jackknife_two_pass = false;
  bool one_pass = false;  // tagger: left-to-right pass only (no second, right-to-left pass)
  int ensemble = 1;  // tagger, parser: models averaged into one
};

std::string describe(const TrainArgs& a) {
  std::string d = "dyad train " + a.what + " --train " + a.train;
  if (!a.dev.empty()) d += " --dev " + a.dev;
  if (!a.tagger.empty()) d += " --tagger " + a.tagger;
  if (a.jackknife) {
    d += " --jackknife " + std::to_string(a.jackknife) + " --jackknife-epochs " +
         std::to_string(a.jackknife_epochs);
    if (a.jackknife_two_pass) d += " --jackknife-two-pass";
  }
  if (a.one_pass) d += " --one-pass";
  if (a.ensemble > 1) d += " --ensemble " + std::to_string(a.ensemble);
  if (a.epochs) d += " --epochs " + std::to_string(a.epochs);
  d += " --seed " + std::to_string(a.seed);
  return d;
}

void run_train(const TrainArgs& a) {
  std::vector<Sentence> train = read_conllu_file(a.train);
  std::vector<Sentence> dev = a.dev.empty() ? std::vector<Sentence>{} : read_conllu_file(a.dev);
  auto start = std::chrono::steady_clock::now();
  if (a.what == "splitter") {
    train_sentence_splitter(train, a.output, describe(a), a.epochs ? a.epochs : 5, a.seed);
  } else if (a.what == "tagger") {
    TaggerTrainOptions o;
    if (a.epochs) o.epochs = a.epochs;
    o.seed = a.seed;
    o.ensemble = a.ensemble;
    o.two_pass = !a.one_pass;
    Tagger::train(train, dev, o).save(a.output, describe(a));
  } else {
    if (a.jackknife) {
      // Each fold is tagged by a tagger that never saw it, so the training
      // tags are as noisy as the ones the parser meets at run time.
      TaggerTrainOptions t;
      t.epochs = a.jackknife_epochs;
      t.seed = a.seed;
      t.two_pass = a.jackknife_two_pass;
      train = jackknife_tags(train, {}, a.jackknife, t);
    }
    if (!a.tagger.empty()) {
      // Train (unless jackknifed) and select epochs on the tags the parser
      // will see at run time.
      Tagger tagger = Tagger::load(a.tagger);
      if (!a.jackknife)
        for (Sentence& s : train) tagger.tag(s);
      for (Sentence& s : dev) tagger.tag(s);
    }
    ParserTrainOptions o;
    if (a.epochs) o.epochs = a.epochs;
    o.seed = a.seed;
    o.ensemble = a.ensemble;
    Parser::train(train, dev, o).save(a.output, describe(a));
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "dyad train " << a.what << ": wrote " << a.output << " in " << secs << " s\n";
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto a = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train a sentence splitter, tagger or parser model from CoNLL-U");
  cmd->add_option("what", a->what, "splitter, tagger or parser")
      ->required()
      ->check(CLI::IsMember({"splitter", "tagger", "parser"}));
  cmd->add_option("--train", a->train, "Training CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--dev", a->dev, "Development CoNLL-U file (selects the best epoch)")->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", a->output, "Model file to write")->required();
  cmd->add_option("--tagger", a->tagger, "parser only: retag train/dev with this tagger model first");
  cmd->add_option("--jackknife", a->jackknife,
                  "parser only: train on tags predicted by K taggers, each trained on the other "
                  "K-1 folds of --train (jackknifing; K >= 2)")
      ->check(CLI::Range(2, 100));
  cmd->add_option("--jackknife-epochs", a->jackknife_epochs,
                  "parser only: training epochs of each jackknife tagger (default 5)")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--jackknife-two-pass", a->jackknife_two_pass,
                "parser only: jackknife taggers use the tagger's second pass (slower)");
  cmd->add_flag("--one-pass", a->one_pass,
                "tagger only: tag in one left-to-right pass (no second, right-to-left pass reading "
                "the first pass's tags): about a sixth less pipeline work");
  cmd->add_option("--ensemble", a->ensemble,
                  "tagger and parser: train N models (seeds seed..seed+N-1, in parallel threads) and "
                  "save their weight average, which works like the N-model ensemble at about one "
                  "model's size and speed (default 1)")
      ->check(CLI::Range(1, 16));
  cmd->add_option("--epochs", a->epochs, "Training epochs (default: the model's own)");
  cmd->add_option("--seed", a->seed, "Random seed (default 1)");
  // An option of another model kind is refused, not silently ignored. No
  // kind's name is part of another's, so a substring test is exact.
  const std::pair<const char*, std::string_view> kinds[] = {
      {"--tagger", "parser"},         {"--jackknife", "parser"},   {"--jackknife-epochs", "parser"},
      {"--jackknife-two-pass", "parser"}, {"--one-pass", "tagger"}, {"--ensemble", "tagger|parser"}};
  cmd->callback([a, cmd, kinds] {
    for (const auto& [name, allowed] : kinds) {
      if (cmd->get_option(name)->count() > 0 && allowed.find(a->what) == std::string_view::npos)
        throw CLI::ValidationError(name, "is for `dyad train " + std::string(allowed) + "` only, not `" + a->what + "`");
    }
    run_train(*a);
  });
}

}  // namespace dyad::cli
