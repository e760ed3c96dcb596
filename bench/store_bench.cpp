// Event store benchmarks: insert rate, and timeline / page query latency on a
// synthetic store.
//
//   build-store/bin/store_bench --events=10000000 --store=/tmp/dyad_bench_10m.db [--bulk]
//
// The store is generated through the real write path (EventStore::add_articles,
// 10 events per article, 200 articles per transaction) unless the file already
// holds at least --events mentions; the generation rate is printed. Synthetic
// distribution: 60 countries with Zipf-like popularity, 8 sectors, 40 CAMEO
// codes, dates over 10 years, a place on 1 event in 4.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "dyad/store.h"

#include "synthetic_events.h"

namespace {

std::int64_t g_events = 1000000;
std::string g_path = "/tmp/dyad_store_bench.db";
bool g_bulk = false;  // --bulk: generate the big store as a bulk load

using dyad::bench::kCameo;
using dyad::bench::kCountries;
using dyad::bench::kSectors;

struct Gen {
  std::mt19937_64 rng{42};
  std::discrete_distribution<int> country;
  Gen() {
    std::vector<double> w;
    for (int i = 0; i < 60; ++i) w.push_back(1.0 / (i + 1));
    country = std::discrete_distribution<int>(w.begin(), w.end());
  }
  std::string date() {
    int day = static_cast<int>(rng() % 3650);
    int y = 2015 + day / 365, doy = day % 365, m = doy / 31 + 1, d = doy % 28 + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, std::min(m, 12), d);
    return buf;
  }
  dyad::Actor actor() {
    dyad::Actor a;
    a.country = kCountries[country(rng)];
    a.sector = kSectors[rng() % 8];
    a.code = a.country + a.sector;
    a.text = a.code;
    a.via = "name";
    return a;
  }
  // One article of 10 sentences with one event each.
  std::pair<dyad::Article, dyad::CodedArticle> article(std::int64_t n) {
    dyad::Article a;
    a.id = "bench-" + std::to_string(n);
    a.outlet = "Outlet" + std::to_string(rng() % 50);
    std::string date_text = date();
    a.date = date_text;
    dyad::CodedArticle c;
    for (int s = 0; s < 10; ++s) {
      dyad::Sentence sent;
      sent.text = "Sentence " + std::to_string(s) + " of article " + std::to_string(n) + " about a dyad.";
      sent.span = {a.text.size(), a.text.size() + sent.text.size()};
      a.text += sent.text + " ";
      dyad::Event e;
      e.doc = a.id;
      e.sentence = s;
      e.sentence_span = sent.span;
      e.source = actor();
      e.target = actor();
      e.cameo = kCameo[rng() % 40];
      e.plover = e.cameo[0] == '1' || e.cameo[0] == '2' ? "SANCTION" : "CONSULT";
      e.quad_class = static_cast<int>(rng() % 4) + 1;
      e.goldstein = static_cast<double>(static_cast<int>(rng() % 200) - 100) / 10.0;
      e.date = rng() % 3 ? date_text : date();
      e.date_precision = "day";
      e.trigger = {sent.span.start, sent.span.start + 8};
      e.trigger_text = "Sentence";
      if (rng() % 4 == 0) {
        dyad::Place p;  // assigned field by field: Place grows with the gazetteer
        p.text = "City";
        p.country = e.target->country;
        p.kind = "city";
        e.location = p;
      }
      e.outlet = a.outlet;
      e.confidence = 0.8;
      c.document.sentences.push_back(std::move(sent));
      c.events.push_back(std::move(e));
    }
    c.document.text = a.text;
    return {std::move(a), std::move(c)};
  }
};

using Batch = std::vector<std::pair<dyad::Article, dyad::CodedArticle>>;

Batch make_batch(Gen& gen, std::int64_t first, std::int64_t count) {
  Batch batch;
  for (std::int64_t i = 0; i < count; ++i) batch.push_back(gen.article(first + i));
  return batch;
}

void write_batch(dyad::EventStore& store, const Batch& batch) {
  std::vector<const dyad::Article*> a;
  std::vector<const dyad::CodedArticle*> c;
  for (const auto& [x, y] : batch) {
    a.push_back(&x);
    c.push_back(&y);
  }
  store.add_articles(a, c);
}

// Writes `articles` generated articles in transactions of `per_tx`; returns events/s.
double fill(dyad::EventStore& store, Gen& gen, std::int64_t first, std::int64_t articles, int per_tx) {
  auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t done = 0; done < articles; done += per_tx) {
    write_batch(store, make_batch(gen, first + done, std::min<std::int64_t>(per_tx, articles - done)));
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return static_cast<double>(articles * 10) / s;
}

dyad::EventStore& big_store() {
  static std::unique_ptr<dyad::EventStore> store = [] {
    auto s = dyad::EventStore::open(g_path);
    std::int64_t have = s->stats().mentions;
    if (have < g_events) {
      Gen gen;
      gen.rng.seed(static_cast<unsigned long>(have) + 7);
      std::fprintf(stderr, "store_bench: generating %lld events into %s ...\n",
                   static_cast<long long>(g_events - have), g_path.c_str());
      auto t0 = std::chrono::steady_clock::now();
      if (g_bulk) s->begin_bulk_load();
      double rate = fill(*s, gen, have / 10, (g_events - have) / 10, 200);
      if (g_bulk) {
        s->end_bulk_load();
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rate = static_cast<double>(g_events - have) / secs;  // index build included
      }
      std::fprintf(stderr, "store_bench: generation inserted %.0f events/s\n", rate);
    }
    auto st = s->stats();
    std::fprintf(stderr, "store_bench: %lld mentions, %lld events, %lld articles\n",
                 static_cast<long long>(st.mentions), static_cast<long long>(st.events),
                 static_cast<long long>(st.articles));
    return s;
  }();
  return *store;
}

// Into a fresh store, closing (final checkpoint) included; the articles are
// generated before the clock starts (the store's writes are what is measured).
// range(1) = 1: as a bulk load (EventStore::begin_bulk_load ... end_bulk_load,
// both timed).
void BM_Insert(benchmark::State& state) {
  std::string path = "/tmp/dyad_store_bench_insert.db";
  std::int64_t events = 0;
  bool bulk = state.range(1) != 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto store = dyad::EventStore::open(path);
    Gen gen;
    std::vector<Batch> batches;
    for (std::int64_t done = 0; done < state.range(0); done += 200) {
      batches.push_back(make_batch(gen, done, std::min<std::int64_t>(200, state.range(0) - done)));
    }
    state.ResumeTiming();
    if (bulk) store->begin_bulk_load();
    for (const Batch& b : batches) write_batch(*store, b);
    if (bulk) store->end_bulk_load();
    store.reset();
    events += state.range(0) * 10;
  }
  state.SetItemsProcessed(events);
}
// Rates from wall time: the store copies its WAL back on a thread of its own
// (store/sqlite_checkpointer.h), which the main thread's CPU time would not count.
BENCHMARK(BM_Insert)->ArgNames({"articles", "bulk"})->Args({5000, 0})->Args({5000, 1})
    ->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_Timeline(benchmark::State& state, const char* dyad) {
  auto& s = big_store();
  dyad::EventFilter f;
  dyad::set_dyad(f, dyad);
  std::size_t buckets = 0;
  for (auto _ : state) buckets = s.timeline(f, "week").size();
  state.counters["buckets"] = static_cast<double>(buckets);
}
BENCHMARK_CAPTURE(BM_Timeline, USA_CHN, "USA:CHN")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Timeline, AZE_FRA, "AZE:FRA")->Unit(benchmark::kMillisecond);

void BM_Page(benchmark::State& state, int which) {
  auto& s = big_store();
  dyad::EventFilter f;
  switch (which) {
    case 1: f.source = "RUS"; break;
    case 2: dyad::set_dyad(f, "AZE:FRA"); break;
    case 3: f.plover = "SANCTION"; f.from = "2018-01-01"; break;
    case 4: f.actor = "IRN"; break;
    case 5: f.cameo = "16"; break;
    default: break;
  }
  std::size_t n = 0;
  for (auto _ : state) n = s.events(f, 100).events.size();
  state.counters["rows"] = static_cast<double>(n);
}
BENCHMARK_CAPTURE(BM_Page, all, 0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Page, source_RUS, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Page, dyad_AZE_FRA, 2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Page, plover_since_2018, 3)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Page, actor_IRN, 4)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Page, cameo_root_16, 5)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--events=", 9) == 0) g_events = std::atoll(argv[i] + 9);
    else if (std::strncmp(argv[i], "--store=", 8) == 0) g_path = argv[i] + 8;
    else if (std::strcmp(argv[i], "--bulk") == 0) g_bulk = true;
    else rest.push_back(argv[i]);
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
