// Bulk loading (EventStore::begin_bulk_load / end_bulk_load), on both
// backends: a store loaded in bulk (into an empty store, or appended to a
// populated one) answers every query exactly as one written batch by batch,
// including full text, timelines and article pages; in the middle of the load
// it answers pages and timelines alike too (they scan), while SQLite's full
// text does not see the load yet (deferred to the end). A load interrupted
// before end_bulk_load() is finished by the next open() (SQLite) or the next
// ordinary write.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "dyad/error.h"
#include "store/pg_db.h"
#include "store/pg_store.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"
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
    testing::store_batch(s, batch);
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

// The same corpus into each store in turn (a reference and the store under test).
void store_corpus(std::initializer_list<EventStore*> stores, unsigned seed, int first, int n) {
  for (EventStore* s : stores) store_corpus(*s, seed, first, n);
}

// Everything a reader sees, as text: pages under several filters (walking
// every cursor), timelines (aggregate and scan paths) and counts.
// With `text` false, the full-text filters are left out (SQLite defers them
// during a load).
std::string snapshot(EventStore& s, bool text = true) {
  std::vector<EventFilter> filters(text ? 8 : 6);
  filters[1].source = "FRA";
  filters[2].target = "AZE";
  set_dyad(filters[3], "FRA:AZE");
  filters[4].plover = "SANCTION";
  filters[5].from = "2024-02-01";
  if (text) {
    filters[6].text = "troops";
    filters[7].text = "b3 OR b27 OR b33 OR b41";  // one article each, before, in and after the loads
  }
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
      char gold[32];
      // Sums may differ in the last bits (another order of addition), so may a zero's sign.
      std::snprintf(gold, sizeof gold, "%.6f", b.goldstein_sum);
      std::string g = std::string(gold) == "-0.000000" ? "0.000000" : gold;
      out += b.period + " " + std::to_string(b.events) + " " + std::to_string(b.mentions) + " " + g + "\n";
    }
    out += "--\n";
  }
  std::vector<ArticleFilter> article_filters(text ? 2 : 1);
  if (text) article_filters[1].text = "b5 OR b30 OR failed";
  for (const ArticleFilter& f : article_filters) {
    std::string cursor;
    do {
      ArticlePage page = s.articles(f, 7, cursor);
      for (const ArticleSummary& a : page.articles) out += a.doc_id + "\n";
      cursor = page.next_cursor;
    } while (!cursor.empty());
    out += "--\n";
  }
  for (std::int64_t id : {1, 2, 17, 30, 44}) {  // article pages list their mentions (mentions_article)
    if (auto a = s.article(id)) {
      out += a->info.doc_id;
      for (const ArticleMention& m : a->mentions) out += " " + std::to_string(m.event_id);
      out += "\n";
    }
  }
  StoreStats st = s.stats();
  out += std::to_string(st.articles) + " " + std::to_string(st.events) + " " + std::to_string(st.mentions);
  return out;
}

// SQLite's derived tables as text: event_days (Goldstein sums rounded), after
// FTS5's own check that its index holds exactly the rows of `sentences` (it
// throws on a missing or doubled row). Empty for PostgreSQL.
std::string derived_tables(const std::string& url) {
  if (url.rfind("sqlite:", 0) != 0) return {};
  detail::SqliteDb db(url.substr(7));
  db.exec("INSERT INTO sentence_fts(sentence_fts, rank) VALUES('integrity-check', 1)");
  auto st = db.prepare("SELECT source_country, target_country, date, quad_class, events, mentions, "
                       "replace(printf('%.6f', goldstein_sum), '-0.000000', '0.000000') FROM event_days ORDER BY 1, 2, 3, 4");
  std::string out;
  while (st.step()) {
    for (int c = 0; c < 7; ++c) out += st.text(c) + (c < 6 ? " " : "\n");
  }
  return out;
}

// SQLite: whether the dedup key's UNIQUE index exists (a load into an empty
// store drops it until its end); PostgreSQL keeps it, always true.
bool has_dedup_index(const std::string& url) {
  if (url.rfind("sqlite:", 0) != 0) return true;
  detail::SqliteDb db(url.substr(7));
  return detail::sqlite_has_dedup_index(db);
}

bool load_marker(const std::string& url) {
  if (url.rfind("sqlite:", 0) != 0) return false;
  detail::SqliteDb db(url.substr(7));
  auto st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'bulk_load'");
  return st.step() && st.int64(0) > 0;
}

// The index definitions (and SQLite's planner statistics) of a store, as text.
std::string index_definitions(const std::string& url) {
  std::string out;
  if (url.rfind("sqlite:", 0) == 0) {
    detail::SqliteDb db(url.substr(7));
    auto st = db.prepare("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' "
                         "UNION ALL SELECT tbl || ' ' || idx || ': ' || stat FROM sqlite_stat1 ORDER BY 1");
    while (st.step()) out += st.text(0) + "\n";
    return out;
  }
  detail::PgConn db(url);
  detail::PgResult r = db.query("SELECT indexname || ': ' || indexdef FROM pg_indexes "
                                "WHERE schemaname = current_schema() ORDER BY 1");
  for (int i = 0; i < r.rows(); ++i) out += r.text(i, 0) + "\n";
  return out;
}

// The indexes a bulk load drops are rebuilt from their own definitions, not
// from the migrations': both must give the schema a fresh store has.
TEST_P(StoreBulk, RebuiltQueryIndexesAreTheMigratedOnes) {
  std::string url;
  auto s = open_named("idx", url);
  std::string migrated = index_definitions(url);
  ASSERT_NE(migrated.find("events_plover"), std::string::npos) << migrated;
  if (GetParam() == "sqlite") {
    detail::SqliteDb db(url.substr(7));
    detail::sqlite_drop_query_indexes(db);
    EXPECT_FALSE(detail::sqlite_query_indexes_complete(db));
    detail::sqlite_create_query_indexes(db);
  } else {
    detail::PgConn db(url);
    db.exec("BEGIN");
    detail::pg_drop_query_indexes(db);
    EXPECT_FALSE(detail::pg_query_indexes_complete(db));
    detail::pg_create_query_indexes(db);
    db.exec("COMMIT");
  }
  EXPECT_TRUE(indexes_complete(url));
  EXPECT_EQ(index_definitions(url), migrated);
}

TEST_P(StoreBulk, BulkLoadAnswersLikeOrdinaryWrites) {
  std::string ref_url, bulk_url;
  auto ref = open_named("ref", ref_url);
  auto bulk = open_named("bulk", bulk_url);
  store_corpus(*ref, 3, 0, 25);
  bulk->begin_bulk_load();
  EXPECT_FALSE(indexes_complete(bulk_url));
  EXPECT_EQ(has_dedup_index(bulk_url), GetParam() != "sqlite");  // an empty store: dedup in memory
  store_corpus(*bulk, 3, 0, 25);
  EXPECT_EQ(snapshot(*bulk, false), snapshot(*ref, false));  // mid-load: correct, without the indexes
  EventFilter text;
  text.text = "troops";
  // Mid-load full text: PostgreSQL indexes row by row; SQLite defers it to the end.
  EXPECT_EQ(bulk->events(text, 5).events.empty(), GetParam() == "sqlite");
  store_corpus({ref.get(), bulk.get()}, 5, 25, 15);
  bulk->end_bulk_load();
  EXPECT_TRUE(indexes_complete(bulk_url));
  EXPECT_FALSE(load_marker(bulk_url));
  if (GetParam() == "sqlite") {  // PostgreSQL's definitions name each store's schema
    EXPECT_EQ(index_definitions(bulk_url), index_definitions(ref_url));  // events_key and its statistics too
  }
  std::string want = snapshot(*ref);
  EXPECT_GT(std::count(want.begin(), want.end(), '\n'), 100);  // the filters select something
  EXPECT_EQ(snapshot(*bulk), want);
  EXPECT_EQ(derived_tables(bulk_url), derived_tables(ref_url));
  store_corpus({ref.get(), bulk.get()}, 7, 40, 5);  // ordinary writes after the load
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));
  EXPECT_EQ(derived_tables(bulk_url), derived_tables(ref_url));
}

// A bulk load appended to a populated store: event_days rows that existed
// before the load and got more mentions during it are recounted, not doubled.
TEST_P(StoreBulk, BulkLoadAppendedToAStoreAnswersLikeOrdinaryWrites) {
  std::string ref_url, bulk_url;
  auto ref = open_named("ref", ref_url);
  auto bulk = open_named("bulk", bulk_url);
  store_corpus({ref.get(), bulk.get()}, 17, 0, 20);
  bulk->begin_bulk_load();
  store_corpus({ref.get(), bulk.get()}, 19, 20, 20);
  EXPECT_EQ(snapshot(*bulk, false), snapshot(*ref, false));
  bulk->end_bulk_load();
  std::string want = snapshot(*ref);
  EXPECT_EQ(snapshot(*bulk), want);
  std::string days = derived_tables(ref_url);
  EXPECT_EQ(derived_tables(bulk_url), days);
  if (GetParam() == "sqlite") {
    EXPECT_GT(std::count(days.begin(), days.end(), '\n'), 40);
  }
  store_corpus({ref.get(), bulk.get()}, 23, 40, 5);
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));
  EXPECT_EQ(derived_tables(bulk_url), derived_tables(ref_url));
}

// Another store writing to the store during someone's load (SQLite: it sees
// the marker and defers too), and opening it then: it does not finish the
// live load (the loader holds the lock), and the loader's end covers both.
TEST_P(StoreBulk, SecondWriterDuringALoadDefersToo) {
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto loader = open_named("load", url);
  store_corpus({ref.get(), loader.get()}, 29, 0, 15);
  loader->begin_bulk_load();
  store_corpus({ref.get(), loader.get()}, 31, 15, 10);
  {
    auto other = EventStore::open(url);
    EXPECT_EQ(load_marker(url), GetParam() == "sqlite");  // opening left the live load alone
    EXPECT_EQ(snapshot(*other, false), snapshot(*ref, false));
    store_corpus({ref.get(), other.get()}, 37, 25, 10);
    other->end_bulk_load();  // not its load: a no-op on SQLite
    EXPECT_EQ(load_marker(url), GetParam() == "sqlite");
    if (GetParam() == "sqlite") {
      EXPECT_THROW(other->begin_bulk_load(), Error);  // one load at a time (the lock)
    }
  }
  store_corpus({ref.get(), loader.get()}, 41, 35, 10);
  loader->end_bulk_load();
  EXPECT_TRUE(indexes_complete(url));
  EXPECT_EQ(snapshot(*loader), snapshot(*ref));
  EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
}

// A bulk load that never reached end_bulk_load() (the process died, or the
// store was closed): the rows committed so far are all there, and the next
// open() finishes the deferred work (indexes, full text, event_days) before
// anything is read; PostgreSQL's next ordinary write rebuilds its indexes.
// Into an empty store, and appended to a populated one.
TEST_P(StoreBulk, InterruptedLoadIsFinishedOnReopen) {
  for (int appended = 0; appended < 2; ++appended) {
    SCOPED_TRACE(appended ? "appended" : "empty store");
    std::string ref_url, url, tag = appended ? "a" : "e";
    auto ref = open_named("ref" + tag, ref_url);
    {
      auto s = open_named("crashed" + tag, url);
      if (appended) {
        store_corpus({ref.get(), s.get()}, 43, 0, 15);
      }
      s->begin_bulk_load();
      store_corpus(*s, 11, 15, 25);
    }  // destroyed without end_bulk_load()
    store_corpus(*ref, 11, 15, 25);
    EXPECT_FALSE(indexes_complete(url));
    EXPECT_EQ(load_marker(url), GetParam() == "sqlite");
    auto s = EventStore::open(url);
    EXPECT_FALSE(load_marker(url));
    EXPECT_EQ(indexes_complete(url), GetParam() == "sqlite");
    EXPECT_TRUE(has_dedup_index(url));
    EXPECT_EQ(snapshot(*s), snapshot(*ref));
    EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
    store_corpus({ref.get(), s.get()}, 13, 40, 5);
    EXPECT_TRUE(indexes_complete(url));
    EXPECT_EQ(snapshot(*s), snapshot(*ref));
    EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
    s->end_bulk_load();  // idempotent
    EXPECT_TRUE(indexes_complete(url));
  }
}

// SQLite: the loader died while another store had the file open; that
// store's next write finishes the load first (it can take the lock now).
TEST_P(StoreBulk, InterruptedLoadIsFinishedByAWriterThatWasOpen) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's deferred work only";
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto writer = open_named("store", url);
  store_corpus(*ref, 47, 0, 30);
  {
    auto loader = EventStore::open(url);
    loader->begin_bulk_load();
    store_corpus(*loader, 47, 0, 30);
  }
  EXPECT_TRUE(load_marker(url));
  store_corpus({ref.get(), writer.get()}, 53, 30, 3);
  EXPECT_FALSE(load_marker(url));
  EXPECT_TRUE(indexes_complete(url));
  EXPECT_EQ(snapshot(*writer), snapshot(*ref));
  EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
}

// SQLite, a load into an empty store: dedup in memory by a hash of the key,
// confirmed against the row. With 3-bit hashes nearly every key collides with
// another; no two groups may merge, and none may be split.
TEST_P(StoreBulk, KeylessLoadWithCollidingHashesMergesNothing) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's in-memory dedup only";
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto bulk = open_named("bulk", url);
  dynamic_cast<detail::SqliteStore&>(*bulk).set_load_hash_bits_for_test(3);
  bulk->begin_bulk_load();
  ASSERT_FALSE(has_dedup_index(url));
  store_corpus({ref.get(), bulk.get()}, 59, 0, 40);
  EXPECT_EQ(snapshot(*bulk, false), snapshot(*ref, false));
  bulk->end_bulk_load();
  ASSERT_GT(ref->stats().events, 60);  // many groups share each of the 8 hash values
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));
  EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
}

// SQLite: a keyless load whose day totals outgrow their memory cap drops
// them and recounts event_days from `events` at its end, with the same rows.
TEST_P(StoreBulk, KeylessLoadPastItsDayTotalsCapRecounts) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's in-memory dedup only";
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto bulk = open_named("bulk", url);
  dynamic_cast<detail::SqliteStore&>(*bulk).set_load_days_max_for_test(5);
  bulk->begin_bulk_load();
  store_corpus({ref.get(), bulk.get()}, 83, 0, 30);
  bulk->end_bulk_load();
  std::string days = derived_tables(ref_url);
  ASSERT_GT(std::count(days.begin(), days.end(), '\n'), 20);
  EXPECT_EQ(derived_tables(url), days);
  EXPECT_EQ(snapshot(*bulk), snapshot(*ref));
}

// SQLite: while a load into an empty store runs, nobody else can dedup (no
// events_key, and the loader's map is in its memory), so other writers are
// refused with the reason, and write normally once the load has ended.
TEST_P(StoreBulk, WriterDuringAKeylessLoadIsRefused) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's in-memory dedup only";
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto loader = open_named("load", url);
  loader->begin_bulk_load();
  store_corpus({ref.get(), loader.get()}, 61, 0, 10);
  auto other = EventStore::open(url);
  std::int64_t mentions = other->stats().mentions;
  try {
    store_corpus(*other, 67, 10, 1);
    ADD_FAILURE() << "a second writer was let in during a keyless load";
  } catch (const StoreBusy& e) {  // the subclass a server turns into 503 + Retry-After
    EXPECT_NE(std::string(e.what()).find("-bulk"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("end_bulk_load"), std::string::npos) << e.what();
  }
  EXPECT_EQ(other->stats().mentions, mentions);  // nothing of the refused batch
  loader->end_bulk_load();
  store_corpus({ref.get(), other.get()}, 67, 10, 5);
  EXPECT_EQ(snapshot(*other), snapshot(*ref));
  EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
}

// SQLite: a keyless load's loader died while another store was open; that
// store's own bulk load first finishes the dead one (events_key back), then
// runs with the key index, the store no longer being empty.
TEST_P(StoreBulk, LoadAfterAnInterruptedKeylessLoad) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's in-memory dedup only";
  std::string ref_url, url;
  auto ref = open_named("ref", ref_url);
  auto second = open_named("second", url);
  {
    auto first = EventStore::open(url);
    first->begin_bulk_load();
    store_corpus({ref.get(), first.get()}, 71, 0, 15);
  }  // died without end_bulk_load()
  ASSERT_FALSE(has_dedup_index(url));
  second->begin_bulk_load();
  EXPECT_TRUE(has_dedup_index(url));
  store_corpus({ref.get(), second.get()}, 73, 15, 15);
  second->end_bulk_load();
  EXPECT_EQ(snapshot(*second), snapshot(*ref));
  EXPECT_EQ(derived_tables(url), derived_tables(ref_url));
  EXPECT_EQ(index_definitions(url), index_definitions(ref_url));
}

// Rebuilding events_key over a table that holds one key twice (what a second
// writer during a keyless load would have left) fails with the cause, not
// with SQLite's bare constraint message.
TEST_P(StoreBulk, DuplicateDedupKeysAreReportedWhenTheKeyIsRebuilt) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite's in-memory dedup only";
  std::string url;
  auto s = open_named("dup", url);
  store_corpus(*s, 79, 0, 5);
  detail::SqliteDb db(url.substr(7));
  detail::sqlite_drop_dedup_index(db);
  db.exec("INSERT INTO events(source_code, target_code, cameo, date, place) "
          "SELECT source_code, target_code, cameo, date, place FROM events WHERE id = 1");
  try {
    detail::sqlite_create_dedup_index(db);
    ADD_FAILURE() << "events_key was built over duplicate keys";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("two dedup groups with the same key"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(url.substr(7)), std::string::npos) << e.what();
  }
  EXPECT_FALSE(detail::sqlite_has_dedup_index(db));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBulk, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dyad
