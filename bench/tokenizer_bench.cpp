// Text-layer benchmarks on one core: UTF-8 validation and Tokenizer::segment
// (paragraphs, sentences, EWT-style tokens; rules alone and with the model) over the raw text of UD
// English EWT train read from ../shared at run time, or a synthetic news-like text when ../shared
// is absent. Run: build/bin/tokenizer_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "dyad/conllu.h"
#include "dyad/text.h"

namespace {

std::string synthetic_text() {
  static const char* const kParagraph =
      "Gen. Ortiz's forces didn't withdraw from the U.S.-backed zone on Jan. 5, officials said. "
      "\"We can't confirm it,\" a spokesman told reporters at 10:30 a.m.; casualties rose 4.5% "
      "to 1,250 -- the highest since 2003. Details: https://example.org/report or "
      "press@example.org :)\n\n";
  std::string text;
  while (text.size() < (2u << 20)) text += kParagraph;
  return text;
}

// EWT train as the shared task reconstructs raw text: sentences of a
// paragraph joined by a space, paragraphs separated by a blank line.
const std::string& bench_text() {
  static const std::string text = [] {
    std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-train.conllu";
    if (!std::filesystem::exists(path)) return synthetic_text();
    std::string t;
    for (const dyad::Sentence& s : dyad::read_conllu_file(path)) {
      if (!t.empty()) t += (s.new_paragraph || s.new_document) ? "\n\n" : " ";
      t += s.text;
    }
    return t + "\n";
  }();
  return text;
}

void BM_ValidateUtf8(benchmark::State& state) {
  const std::string& text = bench_text();
  for (auto _ : state) dyad::validate_utf8(text);
  state.SetBytesProcessed(static_cast<int64_t>(text.size() * state.iterations()));
}
BENCHMARK(BM_ValidateUtf8)->Unit(benchmark::kMicrosecond);

void run_segment(benchmark::State& state, const dyad::Tokenizer& tokenizer) {
  const std::string& text = bench_text();
  std::size_t words = 0, sentences = 0;
  for (auto _ : state) {
    std::vector<dyad::Sentence> out = tokenizer.segment(text);
    for (const dyad::Sentence& s : out) words += s.words.size();
    sentences += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(text.size() * state.iterations()));
}
void BM_SegmentRules(benchmark::State& state) { run_segment(state, dyad::Tokenizer()); }
BENCHMARK(BM_SegmentRules)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// With the statistical sentence-boundary model (data/models/splitter.dyadm).
void BM_SegmentModel(benchmark::State& state) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/data/models/splitter.dyadm";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("data/models/splitter.dyadm absent");
    return;
  }
  run_segment(state, dyad::Tokenizer::load(path));
}
BENCHMARK(BM_SegmentModel)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The streaming path of `dyad parse`: 64 KiB blocks, each segmented on its own.
void BM_BlockReaderSegment(benchmark::State& state) {
  const std::string& text = bench_text();
  const dyad::Tokenizer tokenizer;
  std::size_t words = 0;
  for (auto _ : state) {
    std::istringstream in(text);
    dyad::BlockReader reader(in, 1 << 16);
    std::string block;
    std::size_t offset = 0;
    while (reader.next(block, offset)) {
      for (const dyad::Sentence& s : tokenizer.segment(block, offset)) words += s.words.size();
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(text.size() * state.iterations()));
}
BENCHMARK(BM_BlockReaderSegment)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
