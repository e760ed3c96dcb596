// The timeline's pre-aggregated table (event_days, schema v4) against the scan
// over events, on both backends: randomized articles with repeated events
// across batches, outlets and articles, whose repeats carry their own (other)
// quad class and Goldstein score, which must not count: an event counts once,
// under its group's first mention. A PLOVER filter that every event matches
// sends the same timeline down the scan path, so the two paths are compared
// through the public API.
#include <gtest/gtest.h>

#include <random>

#include "store/pg_db.h"
#include "store/sqlite_db.h"
#include "store_fixture.h"

namespace dyad {
namespace {

class StoreTimeline : public testing::StoreBackendTest {};

// Random articles whose events often repeat earlier ones (dedup keys).
struct RandomCorpus {
  explicit RandomCorpus(unsigned seed) : rng(seed) {}
  void store(EventStore& s, int n);

  struct Key { std::string src, tgt, cameo, date; };
  std::mt19937 rng;
  std::vector<Key> seen;  // keys of earlier events, also of earlier calls
  int next_id = 0;
};

// `n` articles in random batches; one event in three repeats an earlier key.
void RandomCorpus::store(EventStore& s, int n) {
  const char* codes[] = {"FRA", "FRAGOV", "AZE", "AZEMIL", "RUS", "UKR", "IGOUNO", "CHN"};
  const char* cameos[] = {"036", "042", "112", "173", "190"};
  std::vector<testing::Fixture> batch;
  auto flush = [&] {
    testing::store_batch(s, batch);
    batch.clear();
  };
  for (int i = 0; i < n; ++i) {
    std::string date = "2024-0" + std::to_string(1 + rng() % 3) + "-" + std::to_string(10 + rng() % 19);
    std::string id = "r" + std::to_string(next_id++);
    auto f = testing::make_article(id, "Outlet" + std::to_string(rng() % 3), date,
                                   {"One happened in " + id + ".", "Two happened.", "Three happened."});
    for (int si = 0; si < 3; ++si) {
      Key k{codes[rng() % 8], codes[rng() % 8], cameos[rng() % 5], rng() % 7 ? date : std::string()};
      if (!seen.empty() && rng() % 3 == 0) k = seen[rng() % seen.size()];
      seen.push_back(k);
      int quad = 1 + static_cast<int>(rng() % 4);
      double goldstein = static_cast<double>(static_cast<int>(rng() % 201) - 100) / 10.0;
      testing::add_event(f, si, k.src, k.tgt, k.cameo, k.date, quad, goldstein).plover = "CONSULT";
    }
    batch.push_back(std::move(f));
    if (rng() % 4 == 0) batch.push_back(batch.back());  // the same article twice in one batch: skipped
    if (batch.size() >= 1 + rng() % 6) flush();
  }
  if (!batch.empty()) flush();
}

void expect_same(const std::vector<TimelineBucket>& got, const std::vector<TimelineBucket>& want,
                 const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].period, want[i].period) << what;
    EXPECT_EQ(got[i].events, want[i].events) << what << " " << got[i].period;
    EXPECT_EQ(got[i].mentions, want[i].mentions) << what << " " << got[i].period;
    for (int q = 0; q < 4; ++q) EXPECT_EQ(got[i].quad[q], want[i].quad[q]) << what << " " << got[i].period;
    EXPECT_NEAR(got[i].goldstein_sum, want[i].goldstein_sum, 1e-9) << what;
    EXPECT_NEAR(got[i].goldstein_mean, want[i].goldstein_mean, 1e-9) << what;
  }
}

// Every filter event_days answers, compared with the scan (the PLOVER filter
// matches every event but is not answerable, so it forces the scan).
void expect_aggregate_matches_scan(EventStore& s) {
  std::vector<EventFilter> filters(7);
  set_dyad(filters[1], "FRA:AZE");
  filters[2].source = "RUS";
  filters[3].target = "UKR";
  filters[4].actor = "FRA";
  filters[5].from = "2024-02-01";
  filters[5].to = "2024-03-15";
  set_dyad(filters[6], "AZE:AZE");
  filters[6].from = "2024-02-15";
  std::size_t nonempty = 0;
  for (std::size_t i = 0; i < filters.size(); ++i) {
    for (const char* by : {"day", "week", "month"}) {
      EventFilter scan = filters[i];
      scan.plover = "CONSULT";
      auto want = s.timeline(scan, by);
      nonempty += !want.empty();
      expect_same(s.timeline(filters[i], by), want, "filter " + std::to_string(i) + " by " + by);
    }
  }
  EXPECT_GE(nonempty, 18u);  // the filters select something
}

TEST_P(StoreTimeline, AggregateAgreesWithScan) {
  auto s = open_fresh();
  RandomCorpus corpus(4);
  corpus.store(*s, 60);
  expect_aggregate_matches_scan(*s);
  corpus.store(*s, 40);  // later batches merge into groups committed before
  expect_aggregate_matches_scan(*s);
  auto all = s->timeline({}, "month");
  std::int64_t events = 0;
  for (const auto& b : all) events += b.events;
  EXPECT_GT(events, 100);
  EXPECT_LT(events, s->stats().mentions);  // some mentions merged
}

// A v3 store (no event_days) gains the table filled from its events; later
// writes keep it in step.
TEST_P(StoreTimeline, MigrationFillsAggregate) {
  RandomCorpus corpus(9);
  std::string url = GetParam() == "sqlite" ? "sqlite:" + testing::temp_path("migrate_days.db") : "";
  {
    auto s = url.empty() ? open_fresh() : EventStore::open(url);
    if (url.empty()) url = last_url();
    corpus.store(*s, 50);
  }
  // Back to what a v3 store has: no event_days, version 3.
  if (GetParam() == "sqlite") {
    detail::SqliteDb db(url.substr(7));
    db.exec("DROP TABLE event_days; PRAGMA user_version = 3");
  } else {
    detail::PgConn db(url);
    db.exec("DROP TABLE event_days; UPDATE dyad_schema SET version = 3");
  }
  auto s = EventStore::open(url);
  EXPECT_EQ(s->stats().schema_version, 4);
  expect_aggregate_matches_scan(*s);
  corpus.store(*s, 20);
  expect_aggregate_matches_scan(*s);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTimeline, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dyad
