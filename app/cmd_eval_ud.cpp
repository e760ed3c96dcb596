#include <iostream>
#include <memory>

#include "commands.h"
#include "dyad/conllu.h"
#include "dyad/eval.h"

namespace dyad::cli {

void add_eval_ud_command(CLI::App& app) {
  auto files = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "eval-ud", "Score a system CoNLL-U file against gold with the CoNLL 2018 shared-task metrics");
  cmd->add_option("gold", files->first, "Gold CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->add_option("system", files->second, "System CoNLL-U file")->required()->check(CLI::ExistingFile);
  cmd->callback([files] {
    std::vector<Sentence> gold = read_conllu_file(files->first);
    std::vector<Sentence> system = read_conllu_file(files->second);
    std::cout << format_ud_evaluation(evaluate_ud(gold, system));
  });
}

}  // namespace dyad::cli
