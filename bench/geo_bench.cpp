// Gazetteer speed: load time of the generated file and lookups per second
// over a fixed mix of names (capitals, big and small cities, subdivisions,
// aliases, type-word phrases, unknown names).
//   build/bin/geo_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

#include "dyad/geo.h"

namespace {

bool have_gazetteer(benchmark::State& state) {
  if (std::filesystem::exists(dyad::Gazetteer::default_path())) return true;
  state.SkipWithError(("no gazetteer at " + dyad::Gazetteer::default_path() +
                       " (bash tools/install-deps.sh, then rebuild)").c_str());
  return false;
}

void BM_GazetteerLoad(benchmark::State& state) {
  if (!have_gazetteer(state)) return;
  for (auto _ : state) {
    dyad::Gazetteer g = dyad::Gazetteer::load();
    benchmark::DoNotOptimize(g.size());
  }
  state.SetLabel(std::to_string(std::filesystem::file_size(dyad::Gazetteer::default_path())) + " bytes");
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_GazetteerLookup(benchmark::State& state) {
  if (!have_gazetteer(state)) return;
  static const dyad::Gazetteer g = dyad::Gazetteer::load();
  static const char* kNames[] = {"Niamey", "Paris", "Kiev", "New Caledonia", "Donetsk region", "Tripoli",
                                 "Nouméa", "Springfield", "Georgia", "Bavaria", "Atlantis", "the Gaza Strip",
                                 "Hyderabad", "San Jose", "Khan Younis", "Crimea"};
  constexpr std::size_t kCount = sizeof(kNames) / sizeof(kNames[0]);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto m = g.lookup(kNames[i % kCount], i % 3 == 0 ? "USA" : "");
    ++i;
    found += m.size();
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["candidates/lookup"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GazetteerLookup);

}  // namespace

BENCHMARK_MAIN();
