// Tagger speed: words/s tagging EWT dev (gold tokenization) and model load time.
// Needs data/models/tagger.dyadm; reads /work/shared EWT dev when present and
// otherwise tags a few sentences of our own.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dyad/conllu.h"
#include "dyad/tagger.h"

namespace {

std::string model_path() { return std::string(DYAD_SOURCE_DIR) + "/data/models/tagger.dyadm"; }

std::vector<dyad::Sentence> bench_sentences() {
  std::string dev = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  std::vector<dyad::Sentence> out;
  if (std::filesystem::exists(dev)) {
    out = dyad::read_conllu_file(dev);
  } else {
    const char* text[] = {"Rebels attacked a police station near the border on Tuesday , officials said .",
                          "The minister met his Egyptian counterpart in Cairo to discuss the ceasefire ."};
    for (int rep = 0; rep < 500; ++rep) {
      for (const char* t : text) {
        dyad::Sentence s;
        std::string word;
        for (const char* p = t;; ++p) {
          if (*p == ' ' || *p == 0) {
            dyad::Word w;
            w.form = word;
            s.words.push_back(w);
            word.clear();
            if (!*p) break;
          } else {
            word += *p;
          }
        }
        out.push_back(s);
      }
    }
  }
  for (dyad::Sentence& s : out)
    for (dyad::Word& w : s.words) w.upos = w.xpos = w.feats = w.lemma = "";
  return out;
}

void BM_TagWords(benchmark::State& state) {
  if (!std::filesystem::exists(model_path())) {
    state.SkipWithError("data/models/tagger.dyadm missing");
    return;
  }
  dyad::Tagger tagger = dyad::Tagger::load(model_path());
  std::vector<dyad::Sentence> sents = bench_sentences();
  std::size_t words = 0;
  for (auto _ : state) {
    for (dyad::Sentence& s : sents) {
      tagger.tag(s);
      words += s.words.size();
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(words));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagWords)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_LoadModel(benchmark::State& state) {
  if (!std::filesystem::exists(model_path())) {
    state.SkipWithError("data/models/tagger.dyadm missing");
    return;
  }
  for (auto _ : state) {
    dyad::Tagger t = dyad::Tagger::load(model_path());
    benchmark::DoNotOptimize(&t);
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
