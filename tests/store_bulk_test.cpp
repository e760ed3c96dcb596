// Bulk loading (EventStore::begin_bulk_load / end_bulk_load), on both
// backends: a store loaded in bulk answers every query exactly as one written
// batch by batch, also in the middle of the load (queries scan then), and a
// load interrupted before end_bulk_load() gets its query indexes back from the
// next ordinary write.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "store/pg_db.h"
#include "store/pg_store.h"
#include "store/sqlite_schema.h"
#include "store_fixture.h"

namespace dyad {
namespace {

class StoreBulk : public testing::StoreBackendTest {
 protected:
  std::unique_ptr<EventStore> open_named(const std::string& name, std::string& url) {
    if (GetParam() == "sqlite") {
      url = "sqlite:" + testing::temp_path(test_name() + name + ".db");
      return EventStore::open(url);
    }
    auto s = open_fresh(name);
    url = last_url();
    return s;
  }
  bool indexes_complete(const std::string& url) {
    if (GetParam() == "sqlite") {
      detail::SqliteDb db(url.substr(7));
      return detail::sqlite_query_indexes_complete(db);
    }
    detail::PgConn db(url);
    return detail::pg_query_indexes_complete(db);
  }
};

// `n` articles of 3 events from seed `seed`, in batches of 1-4; one event in
// three repeats an earlier key, so dedup counters change across batches.
void store_corpus(EventStore& s, unsigned seed, int first, int n) {
  std::mt19937 rng(seed);
  const char* codes[] = {"FRA", "FRAGOV", "AZE", "AZEMIL", "RUS", "UKR", "IGOUNO", "CHN"};
  const char* cameos[] = {"036", "042", "112", "173", "190"};
  std::vector<testing::Fixture> batch;
  auto flush = [&] {
    std::vector<const Article*> a;
    std::vector<const CodedArticle*> c;
    for (auto& f : batch) {
      a.push_back(&f.article);
      c.push_back(&f.coded);
    }
    s.add_articles(a, c);
    batch.clear();
  };
  for (int i = first; i < first + n; ++i) {
    std::string date = "2024-0" + std::to_string(1 + rng() % 3) + "-" + std::to_string(10 + rng() % 19);
    std::string id = "b" + std::to_string(i);
    auto f = testing::make_article(id, "Outlet" + std::to_string(rng() % 3), date,
                                   {"Talks in " + id + " failed.", "Troops moved.", "Envoys met."});
    for (int si = 0; si < 3; ++si) {
      std::string src = codes[rng() % 8], tgt = codes[rng() % 8], cameo = cameos[rng() % 5];
      if (rng() % 3 == 0) src = "FRA", tgt = "AZE", cameo = "036";
      testing::add_event(f, si, src, tgt, cameo, rng() % 5 ? date : std::string(), 1 + static_cast<int>(rng() % 4),
                         static_cast<double>(static_cast<int>(rng() % 201) - 100) / 10.0);
    }
    batch.push_back(std::move(f));
    if (batch.size() >= 1 + rng() % 4) flush();
  }
  if (!batch.empty()) flush();
}

// Everything a reader sees, as text: pages under several filters (walking
// every cursor), timelines (aggregate and scan paths) and counts.
std::string snapshot(EventStore& s) {
  std::vector<EventFilter> filters(7);
  filters[1].source = "FRA";
  filters[2].target = "AZE";
  set_dyad(filters[3], "FRA:AZE");
  filters[4].plover = "SANCTION";
  filters[5].from = "2024-02-01";
  filters[6].text = "troops";
  std::string out;
  for (const EventFilter& f : filters) {
    std::string cursor;
    do {
      EventPage page = s.events(f, 20, cursor);
      for (const StoredEvent& e : page.events) {
        out += std::to_string(e.id) + " " + (e.event.source ? e.event.source->code : "-") + " " + e.event.cameo + " " + e.event.date + " " +
               std::to_string(e.num_mentions) + "/" + std::to_string(e.num_articles) + "/" +
               std::to_string(e.num_sources) + "\n";
      }
      cursor = page.next_cursor;
    } while (!cursor.empty());
    for (const TimelineBucket& b : s.timeline(f, "week")) {
      out += b.period + " " + std::to_string(b.events) + " " + std::to_string(b.mentions) + "\n";
    }
    out += "--\n";
  }
  StoreStats st = s.stats();
  out += std::to_string(st.articles) + " " + std::to_string(st.events) + " " + std::to_string(st.mentions);
  return out;
}

TEST_P(StoreBulk, BulkLoadAnswersLikeOrdinaryWrites) {
  std::string ref_url, bulk_url;
  auto ref = open_named("ref", ref_url);
  auto bulk = open_named("bulk", bulk_url);
  store_corpus(*ref, 3, 0, 25);
  bulk->begin_bulk_load();
  EXPECT_FALSE(indexes_complete(bulk_url));
  store_corpus(*bulk, 3, 0, 25);
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));  // mid-load: correct, without the indexes
  store_corpus(*ref, 5, 25, 15);
  store_corpus(*bulk, 5, 25, 15);
  bulk->end_bulk_load();
  EXPECT_TRUE(indexes_complete(bulk_url));
  std::string want = snapshot(*ref);
  EXPECT_GT(std::count(want.begin(), want.end(), '\n'), 100);  // the filters select something
  EXPECT_EQ(snapshot(*bulk), want);
  store_corpus(*ref, 7, 40, 5);  // ordinary writes after the load
  store_corpus(*bulk, 7, 40, 5);
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));
}

// A bulk load that never reached end_bulk_load() (the process died): the rows
// committed so far are all there, and the next ordinary write rebuilds the
// indexes before it writes.
TEST_P(StoreBulk, InterruptedLoadIsRepairedByTheNextWriter) {
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  store_corpus(*ref, 11, 0, 30);
  {
    auto s = open_named("crashed", url);
    s->begin_bulk_load();
    store_corpus(*s, 11, 0, 30);
  }  // closed without end_bulk_load()
  EXPECT_FALSE(indexes_complete(url));
  auto s = EventStore::open(url);
  EXPECT_EQ(snapshot(*s), snapshot(*ref));
  store_corpus(*ref, 13, 30, 5);
  store_corpus(*s, 13, 30, 5);
  EXPECT_TRUE(indexes_complete(url));
  EXPECT_EQ(snapshot(*s), snapshot(*ref));
  s->end_bulk_load();  // idempotent
  EXPECT_TRUE(indexes_complete(url));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBulk, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dyad
