#include <iostream>
#include <memory>

#include "commands.h"
#include "dyad/model_file.h"

namespace dyad::cli {
namespace {

void print_summary(const std::string& path, const ModelFileSummary& s) {
  std::cout << path << "\n"
            << "  kind:        " << s.kind << " (payload format " << s.payload_version << ")\n"
            << "  container:   version " << s.container_version << ", " << s.frames << " zstd frame"
            << (s.frames == 1 ? "" : "s") << "\n"
            << "  size:        " << s.file_bytes << " bytes on disk, " << s.payload_bytes << " loaded\n"
            << "  description: " << s.description << "\n";
}

}  // namespace

void add_model_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("model", "Inspect or re-pack model files (checksums verified)");
  cmd->require_subcommand(1);

  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* info = cmd->add_subcommand("info", "Verify model files and print their kind, format, size and training description");
  info->add_option("files", *files, "Model files (.dyadm)")->required()->check(CLI::ExistingFile);
  info->callback([files] {
    for (const std::string& f : *files) print_summary(f, inspect_model_file(f));
  });

  auto io = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* repack = cmd->add_subcommand(
      "repack", "Rewrite a model file in the current container format (same model, bit for bit)");
  repack->add_option("input", io->first, "Model file to read")->required()->check(CLI::ExistingFile);
  repack->add_option("-o,--output", io->second, "File to write (default: replace the input)");
  repack->callback([io] {
    const std::string out = io->second.empty() ? io->first : io->second;
    print_summary(out, repack_model_file(io->first, out));
  });
}

}  // namespace dyad::cli
