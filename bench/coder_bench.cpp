// Coder benchmarks: dictionary load time (data/), coding throughput over the
// sample article's parse, and the full raw text -> events path (one core).
// Run: build/bin/coder_bench --benchmark_counters_tabular=true
// Without data/models/*.dyadm the parse-based benchmarks are skipped.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/coder.h"
#include "dyad/conllu.h"
#include "dyad/pipeline.h"

namespace {

const char* kSample = "/samples/000_f04b992bf11de041.txt";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool models_present() {
  return std::filesystem::exists(dyad::default_model_dir() + "/parser.dyadm") &&
         std::filesystem::exists(dyad::default_model_dir() + "/tagger.dyadm");
}

dyad::ArticleInfo sample_info() {
  dyad::ArticleInfo info;
  info.id = "sample";
  info.date = "2023-12-27";
  info.outlet_country = "AZE";
  return info;
}

void BM_CoderLoad(benchmark::State& state) {
  for (auto _ : state) {
    dyad::Coder c = dyad::Coder::load({});
    benchmark::DoNotOptimize(&c);
  }
}
BENCHMARK(BM_CoderLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

// Coding only: the sample is parsed once, then coded repeatedly.
void BM_CodeSampleParsed(benchmark::State& state) {
  std::string text = read_file(std::string(DYAD_SHARED_DIR) + kSample);
  if (text.empty() || !models_present()) {
    state.SkipWithError("sample article or data/models absent");
    return;
  }
  dyad::Pipeline pipeline = dyad::Pipeline::load({});
  dyad::Document doc = pipeline.process(text, "sample");
  dyad::Coder coder = dyad::Coder::load({});
  std::size_t events = 0, sentences = 0;
  for (auto _ : state) {
    std::vector<dyad::Event> ev = coder.code(doc, sample_info());
    events += ev.size();
    sentences += doc.sentences.size();
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events/doc"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_CodeSampleParsed)->Unit(benchmark::kMicrosecond);

// Coding only, over the hand-written parses of tests/data/coder (runs without models).
void BM_CodeTestParses(benchmark::State& state) {
  std::vector<dyad::Document> docs;
  std::string dir = std::string(DYAD_SOURCE_DIR) + "/tests/data/coder";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".conllu") continue;
    dyad::Document doc;
    doc.id = e.path().stem().string();
    doc.sentences = dyad::read_conllu_file(e.path().string());
    docs.push_back(std::move(doc));
  }
  dyad::Coder coder = dyad::Coder::load({});
  std::size_t events = 0, sentences = 0;
  for (auto _ : state) {
    for (const dyad::Document& doc : docs) {
      events += coder.code(doc, sample_info()).size();
      sentences += doc.sentences.size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeTestParses)->Unit(benchmark::kMicrosecond);

// The whole path: raw text -> tokens -> tags -> parse -> events.
void BM_TextToEvents(benchmark::State& state) {
  std::string text = read_file(std::string(DYAD_SHARED_DIR) + kSample);
  if (text.empty() || !models_present()) {
    state.SkipWithError("sample article or data/models absent");
    return;
  }
  dyad::Pipeline pipeline = dyad::Pipeline::load({});
  dyad::Coder coder = dyad::Coder::load({});
  std::size_t events = 0, sentences = 0;
  for (auto _ : state) {
    dyad::Document doc = pipeline.process(text, "sample");
    std::vector<dyad::Event> ev = coder.code(doc, sample_info());
    events += ev.size();
    sentences += doc.sentences.size();
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextToEvents)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
