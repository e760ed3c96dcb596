// Parser speed: words/s parsing EWT test (gold tags) and model load time.
// Model: $DYAD_PARSER_MODEL or data/models/parser.dyadm.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "dyad/conllu.h"
#include "dyad/parser.h"

namespace {

std::string model_path() {
  if (const char* p = std::getenv("DYAD_PARSER_MODEL"); p && *p) return p;
  return std::string(DYAD_SOURCE_DIR) + "/data/models/parser.dyadm";
}

const std::string kTest = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-test.conllu";

void BM_ParserLoad(benchmark::State& state) {
  if (!std::filesystem::exists(model_path())) {
    state.SkipWithError("no parser model");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(dyad::Parser::load(model_path()));
}
BENCHMARK(BM_ParserLoad)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

void BM_ParserParse(benchmark::State& state) {
  if (!std::filesystem::exists(model_path()) || !std::filesystem::exists(kTest)) {
    state.SkipWithError("no parser model or EWT test file");
    return;
  }
  const dyad::Parser parser = dyad::Parser::load(model_path());
  std::vector<dyad::Sentence> sentences = dyad::read_conllu_file(kTest);
  std::size_t words = 0;
  for (auto _ : state) {
    for (dyad::Sentence& s : sentences) {
      parser.parse(s);
      words += s.words.size();
    }
  }
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParserParse)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
