// Query latency on a 10-million-event SQLite store (issue 4 targets: a dyad
// timeline by week < 200 ms, a filtered page of 100 events < 50 ms).
//
//   build/bin/store_scale_bench --events=10000000 --store=/tmp/dyad_scale_10m.db
//
// Filling 10M events through EventStore::add_articles would take longer than
// a benchmark should (bench/store_bench measures that write path), so the
// store is bulk-loaded: the schema comes from EventStore::open (v4, with its
// planner statistics), rows go in with the indexes dropped and are indexed
// afterwards, journal off (a benchmark file, rebuilt if the run dies), and
// event_days is filled by the v4 migration's statement. The
// queries then run through the normal EventStore API. The file is kept and
// reused by later runs with the same --events; delete it when done (~9 GB).
//
// Synthetic but shaped like news event data: 60 countries with Zipf-like
// popularity (so dyads range from ~250k events to a handful), 8 sectors, 40
// CAMEO codes, 50 outlets, dates over three years (2022-2024), a place on one
// event in four, and one mention in six repeating a recent event (dedup
// groups with several mentions, articles and outlets). No full-text index is
// built (sentence_fts stays empty); --text is not measured here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <random>
#include <unordered_set>

#include "dyad/store.h"
#include "store/sqlite_db.h"

#include "synthetic_events.h"

namespace {

using dyad::detail::SqliteDb;
using dyad::detail::SqliteStmt;

using dyad::bench::kCameo;
using dyad::bench::kCountries;
using dyad::bench::kSectors;

struct Group {
  std::int64_t id;
  std::string src, tgt, cameo, date, place, sc, ss, tc, ts, plover, place_country, place_text;
  int quad;
  double goldstein;
  int mentions = 1, sources = 1, articles = 1;
  std::string outlet, first_seen, last_seen;
  std::int64_t first_mention;
};

std::string day(int d) {  // 0..1095 -> 2022-01-01 + d
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 2022;
  for (;;) {
    int len = (y % 4 == 0) ? 366 : 365;
    if (d < len) break;
    d -= len;
    ++y;
  }
  int m = 0;
  for (;; ++m) {
    int len = mdays[m] + (m == 1 && y % 4 == 0 ? 1 : 0);
    if (d < len) break;
    d -= len;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m + 1, d + 1);
  return buf;
}

class Loader {
 public:
  explicit Loader(SqliteDb& db) : db_(db) {
    std::vector<double> w;
    for (int i = 0; i < 60; ++i) w.push_back(1.0 / (i + 1));
    country_ = std::discrete_distribution<int>(w.begin(), w.end());
    art_ = db.prepare("INSERT INTO articles(id, hash, doc_id, url, title, outlet, date, text, ingested_at, "
                      "num_sentences, num_events) VALUES(?,?,?,?,?,?,?,?,'2025-01-01 00:00:00',10,10)");
    sent_ = db.prepare("INSERT INTO sentences(id, article_id, idx, start, end, text) VALUES(?,?,?,?,?,?)");
    ment_ = db.prepare("INSERT INTO mentions(id, event_id, article_id, outlet, sentence, sentence_start, "
                       "sentence_end, src_code, src_country, src_sector, src_text, src_start, src_end, src_via, "
                       "src_word, tgt_code, tgt_country, tgt_sector, tgt_text, tgt_start, tgt_end, tgt_via, "
                       "tgt_word, cameo, label, plover, mode, context, goldstein, quad_class, trigger_text, "
                       "trigger_start, trigger_end, date, date_precision, date_is_publication, date_cue, "
                       "place_text, place_start, place_end, place_country, place_kind, modality, rule, "
                       "confidence) VALUES(?,?,?,?,?,?,?,?,?,?,?,0,3,'name',0,?,?,?,?,4,7,'name',1,?,?,?,'',"
                       "'diplomatic',?,?,'met',8,11,?,'day',1,'',?,?,?,?,?,'asserted','events/x.txt:1',0.8)");
    event_ = db.prepare("INSERT INTO events(id, source_code, target_code, cameo, date, place, source_country, "
                        "source_sector, target_country, target_sector, root, plover, quad_class, goldstein, "
                        "modality, date_precision, place_country, place_text, num_mentions, num_sources, "
                        "num_articles, first_seen, last_seen, first_mention) "
                        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,'asserted','day',?,?,?,?,?,?,?,?)");
  }

  void load(std::int64_t events) {
    std::int64_t article = 0, sentence = 0, mention = 0;
    db_.exec("BEGIN");
    while (next_group_ <= events) {
      ++article;
      std::string outlet = "Outlet" + std::to_string(rng_() % 50);
      int pub = static_cast<int>(rng_() % 1096);
      std::string date = day(pub), text;
      art_.bind(1, article).bind(2, "h" + std::to_string(article)).bind(3, "a" + std::to_string(article));
      art_.bind(4, "https://example.org/" + std::to_string(article)).bind(5, "Title " + std::to_string(article));
      art_.bind(6, outlet).bind(7, date);
      for (int s = 0; s < 10 && next_group_ <= events; ++s) {
        std::string st = "Sentence " + std::to_string(s) + " of article " + std::to_string(article) + ".";
        sent_.bind(1, ++sentence).bind(2, article).bind(3, s).bind(4, static_cast<std::int64_t>(text.size()));
        sent_.bind(5, static_cast<std::int64_t>(text.size() + st.size())).bind(6, st).run();
        Group& g = group_for(outlet, date, pub, ++mention);
        add_mention(g, mention, article, outlet, s, text.size(), st.size());
        text += st + " ";
      }
      art_.bind(8, text).run();
      if (article % 20000 == 0) {
        db_.exec("COMMIT; BEGIN");
        std::fprintf(stderr, "\rstore_scale_bench: %lld events", static_cast<long long>(next_group_ - 1));
      }
    }
    while (!recent_.empty()) flush_oldest();
    db_.exec("COMMIT");
    std::fprintf(stderr, "\nstore_scale_bench: %lld articles, %lld mentions\n", static_cast<long long>(article),
                 static_cast<long long>(mention));
  }

 private:
  // One mention in six repeats one of the last 2,000 events (another outlet or article reporting it).
  Group& group_for(const std::string& outlet, const std::string& date, int pub, std::int64_t mention) {
    if (!recent_.empty() && rng_() % 6 == 0) {
      Group& g = recent_[rng_() % recent_.size()];
      ++g.mentions;
      ++g.articles;  // mentions of a repeat come from another article
      if (outlet != g.outlet) ++g.sources;
      g.first_seen = std::min(g.first_seen, date);
      g.last_seen = std::max(g.last_seen, date);
      return g;
    }
    if (recent_.size() >= 2000) flush_oldest();
    Group g;
    do random_group(g, date, pub); while (!keys_.insert(std::hash<std::string>()(key(g))).second);
    g.id = next_group_++;
    g.outlet = outlet;
    g.first_seen = g.last_seen = date;
    g.first_mention = mention;
    recent_.push_back(std::move(g));
    return recent_.back();
  }

  static std::string key(const Group& g) { return g.src + '\t' + g.tgt + '\t' + g.cameo + '\t' + g.date + '\t' + g.place; }

  // A new dedup key; the caller redraws on a (hash) collision, as events_key is unique.
  void random_group(Group& g, const std::string& date, int pub) {
    g.sc = kCountries[country_(rng_)];
    g.ss = kSectors[rng_() % 8];
    do { g.tc = kCountries[country_(rng_)]; } while (g.tc == g.sc && rng_() % 4);
    g.ts = kSectors[rng_() % 8];
    g.src = g.sc + g.ss;
    g.tgt = g.tc + g.ts;
    g.cameo = kCameo[rng_() % 40];
    g.plover = g.cameo[0] == '1' || g.cameo[0] == '2' ? "SANCTION" : "CONSULT";
    g.quad = static_cast<int>(rng_() % 4) + 1;
    g.goldstein = static_cast<double>(static_cast<int>(rng_() % 200) - 100) / 10.0;
    g.date = rng_() % 3 ? date : day(std::max(0, pub - static_cast<int>(rng_() % 7)));
    if (rng_() % 4 == 0) {
      g.place_country = g.tc;
      g.place_text = "City" + std::to_string(rng_() % 20);
      g.place = g.place_country + ":" + g.place_text;
    } else {
      g.place.clear();
      g.place_country.clear();
      g.place_text.clear();
    }
  }

  void add_mention(const Group& g, std::int64_t id, std::int64_t article, const std::string& outlet, int s,
                   std::size_t start, std::size_t len) {
    auto& m = ment_;
    m.bind(1, id).bind(2, g.id).bind(3, article).bind(4, outlet).bind(5, s);
    m.bind(6, static_cast<std::int64_t>(start)).bind(7, static_cast<std::int64_t>(start + len));
    m.bind(8, g.src).bind(9, g.sc).bind(10, g.ss).bind(11, g.src);
    m.bind(12, g.tgt).bind(13, g.tc).bind(14, g.ts).bind(15, g.tgt);
    m.bind(16, g.cameo).bind(17, "label " + g.cameo).bind(18, g.plover).bind(19, g.goldstein).bind(20, g.quad);
    m.bind(21, g.date);
    if (g.place.empty()) {
      for (int k = 22; k <= 26; ++k) m.bind_null(k);
    } else {
      m.bind(22, g.place_text).bind(23, 0).bind(24, 4).bind(25, g.place_country).bind(26, "city");
    }
    m.run();
  }

  void flush_oldest() {
    const Group& g = recent_.front();
    auto& e = event_;
    e.bind(1, g.id).bind(2, g.src).bind(3, g.tgt).bind(4, g.cameo).bind(5, g.date).bind(6, g.place);
    e.bind(7, g.sc).bind(8, g.ss).bind(9, g.tc).bind(10, g.ts).bind(11, g.cameo.substr(0, 2)).bind(12, g.plover);
    e.bind(13, g.quad).bind(14, g.goldstein).bind(15, g.place_country).bind(16, g.place_text);
    e.bind(17, g.mentions).bind(18, g.sources).bind(19, g.articles).bind(20, g.first_seen).bind(21, g.last_seen);
    e.bind(22, g.first_mention).run();
    recent_.pop_front();
  }

  SqliteDb& db_;
  std::mt19937_64 rng_{20260101};
  std::discrete_distribution<int> country_;
  SqliteStmt art_, sent_, ment_, event_;
  std::deque<Group> recent_;
  std::unordered_set<std::uint64_t> keys_;
  std::int64_t next_group_ = 1;
};

// Indexes dropped for the load and rebuilt after it (sorted builds, much faster than random inserts).
const char* kIndexes[] = {
    "events_key", "CREATE UNIQUE INDEX events_key ON events(source_code, target_code, cameo, date, place)",
    "events_date", "CREATE INDEX events_date ON events(date)",
    "events_dyad", "CREATE INDEX events_dyad ON events(source_country, target_country, date)",
    "events_source", "CREATE INDEX events_source ON events(source_country, date)",
    "events_target", "CREATE INDEX events_target ON events(target_country, date)",
    "events_plover", "CREATE INDEX events_plover ON events(plover, date)",
    "mentions_event", "CREATE INDEX mentions_event ON mentions(event_id, outlet, article_id)",
    "mentions_article", "CREATE INDEX mentions_article ON mentions(article_id, sentence)"};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void build(const std::string& path, std::int64_t events) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  dyad::EventStore::open(path).reset();  // the current schema (v4) and its planner statistics
  auto t0 = std::chrono::steady_clock::now();
  {
    SqliteDb db(path);
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=FILE");
    // DROP INDEX also drops the index's planner statistics: keep the schema's fixed ones.
    db.exec("CREATE TABLE stat_keep AS SELECT * FROM sqlite_stat1");
    for (std::size_t i = 0; i < std::size(kIndexes); i += 2) db.exec(std::string("DROP INDEX ") + kIndexes[i]);
    Loader(db).load(events);
    std::fprintf(stderr, "store_scale_bench: rows loaded in %.0f s; filling event_days...\n", seconds_since(t0));
    auto t1 = std::chrono::steady_clock::now();
    // The timeline's pre-aggregated table, filled by the schema v3 -> v4 migration's own statement
    // (before the indexes exist, so this is one scan and one sort, not 10M index-ordered lookups).
    db.exec("INSERT INTO event_days(source_country, target_country, date, quad_class, events, mentions, "
            "goldstein_sum) SELECT source_country, target_country, date, quad_class, count(*), sum(num_mentions), "
            "sum(goldstein) FROM events GROUP BY source_country, target_country, date, quad_class");
    std::fprintf(stderr, "store_scale_bench: event_days filled in %.0f s\n", seconds_since(t1));
    std::fprintf(stderr, "store_scale_bench: indexing...\n");
    for (std::size_t i = 0; i < std::size(kIndexes); i += 2) db.exec(kIndexes[i + 1]);
    db.exec("DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 SELECT * FROM stat_keep; DROP TABLE stat_keep; "
            "ANALYZE sqlite_schema");
    db.exec("PRAGMA journal_mode=WAL");
  }
  std::fprintf(stderr, "store_scale_bench: built in %.0f s\n", seconds_since(t0));
}

// Median and worst of `runs` timed calls after one warm-up call.
template <class F>
void measure(const char* what, int runs, F&& f) {
  std::size_t n = f();
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    n = f();
    ms.push_back(seconds_since(t0) * 1000.0);
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-36s %10zu rows  median %8.1f ms  max %8.1f ms\n", what, n, ms[ms.size() / 2], ms.back());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t events = 10000000;
  std::string path = "/tmp/dyad_scale_10m.db";
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--events=", 9) == 0) events = std::atoll(argv[i] + 9);
    else if (std::strncmp(argv[i], "--store=", 8) == 0) path = argv[i] + 8;
    else if (std::strncmp(argv[i], "--runs=", 7) == 0) runs = std::max(1, std::atoi(argv[i] + 7));
    else {
      std::fprintf(stderr, "usage: store_scale_bench [--events=N] [--store=PATH] [--runs=N]\n");
      return 2;
    }
  }
  bool have = false;
  if (std::filesystem::exists(path)) have = dyad::EventStore::open(path)->stats().events == events;
  if (!have) build(path, events);
  auto store = dyad::EventStore::open(path);
  dyad::StoreStats st = store->stats();
  std::printf("store %s: %lld events, %lld mentions, %lld articles\n", path.c_str(),
              static_cast<long long>(st.events), static_cast<long long>(st.mentions),
              static_cast<long long>(st.articles));
  for (const char* dy : {"USA:CHN", "RUS:UKR", "AZE:FRA"}) {
    dyad::EventFilter f;
    dyad::set_dyad(f, dy);
    std::string label = std::string("timeline week ") + dy;
    measure(label.c_str(), runs, [&] { return store->timeline(f, "week").size(); });
  }
  {
    dyad::EventFilter src, tgt, scan;
    src.source = "USA";
    tgt.target = "CHN";
    measure("timeline week source USA", runs, [&] { return store->timeline(src, "week").size(); });
    measure("timeline week target CHN", runs, [&] { return store->timeline(tgt, "week").size(); });
    // A filter event_days cannot answer: the scan over the dyad's events.
    dyad::set_dyad(scan, "USA:CHN");
    scan.plover = "SANCTION";
    measure("timeline week USA:CHN SANCTION (scan)", runs, [&] { return store->timeline(scan, "week").size(); });
  }
  struct Page { const char* name; dyad::EventFilter f; };
  std::vector<Page> pages(9);
  pages[0].name = "page all";
  pages[1].name = "page source RUS"; pages[1].f.source = "RUS";
  pages[2].name = "page dyad USA:CHN"; dyad::set_dyad(pages[2].f, "USA:CHN");
  pages[3].name = "page dyad AZE:FRA"; dyad::set_dyad(pages[3].f, "AZE:FRA");
  pages[4].name = "page plover SANCTION since 2024"; pages[4].f.plover = "SANCTION"; pages[4].f.from = "2024-01-01";
  pages[5].name = "page actor IRN"; pages[5].f.actor = "IRN";
  pages[6].name = "page cameo root 16"; pages[6].f.cameo = "16";
  pages[7].name = "page target UZB"; pages[7].f.target = "UZB";
  pages[8].name = "page source USAGOV 2023"; pages[8].f.source = "USAGOV"; pages[8].f.from = "2023-01-01";
  pages[8].f.to = "2023-12-31";
  for (auto& p : pages) measure(p.name, runs, [&] { return store->events(p.f, 100).events.size(); });
  dyad::EventPage first = store->events(pages[2].f, 100);
  measure("page dyad USA:CHN, 2nd page (cursor)", runs,
          [&] { return store->events(pages[2].f, 100, first.next_cursor).events.size(); });
  return 0;
}
