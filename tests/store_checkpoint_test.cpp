// WalCheckpointer: a WAL store's committed pages reach its database file from
// the checkpointer's thread while the writer stays open and keeps writing (the
// writer's own autocheckpoint, set far above what these tests write, would
// leave them in the -wal file); the writer gets its autocheckpoint back after.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "dyad/store.h"
#include "store/sqlite_checkpointer.h"
#include "store/sqlite_db.h"
#include "store_fixture.h"

namespace dyad {
namespace {

using detail::SqliteDb;
using detail::SqliteStmt;
using detail::WalCheckpointer;

// The first column of `sql`'s first row; -1 when it has none.
std::int64_t first_int(SqliteDb& db, const std::string& sql) {
  SqliteStmt st = db.prepare(sql);
  return st.step() ? st.int64(0) : -1;
}

// `sql`'s count from the database file alone: a copy without its -wal file,
// so only pages a checkpoint has copied count. -1 while the copy is torn.
std::int64_t count_in_file_alone(const std::string& path, const std::string& sql) {
  std::string copy = testing::temp_path("file_alone.db");
  std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
  try {
    SqliteDb db(copy);
    return first_int(db, sql);
  } catch (const std::exception&) {
    return -1;
  }
}

// Polls until the file alone answers at least `want` (the thread runs when it runs).
bool file_reaches(const std::string& path, const std::string& sql, std::int64_t want) {
  for (int i = 0; i < 400; ++i) {
    if (count_in_file_alone(path, sql) >= want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(WalCheckpointer, CopiesCommitsIntoTheFileWhileTheWriterStaysOpen) {
  std::string path = testing::temp_path("checkpointer.db");
  SqliteDb db(path);
  db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=100000; "
          "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT)");
  {
    WalCheckpointer checkpointer(db.raw(), path, 16, 77);
    EXPECT_EQ(first_int(db, "PRAGMA wal_autocheckpoint"), 0) << "the checkpointer's hook replaces autocheckpoint";
    SqliteStmt insert = db.prepare("INSERT INTO t(s) VALUES(?)");
    for (int tx = 0; tx < 4; ++tx) {
      db.exec("BEGIN");
      for (int i = 0; i < 40; ++i) insert.bind(1, std::string(3000, static_cast<char>('a' + tx))).run();
      db.exec("COMMIT");
    }
    EXPECT_TRUE(file_reaches(path, "SELECT count(*) FROM t", 160)) << count_in_file_alone(path, "SELECT count(*) FROM t");
    EXPECT_GE(checkpointer.completed(), 1);
    EXPECT_NO_THROW(checkpointer.rethrow_failure());
  }
  EXPECT_EQ(first_int(db, "PRAGMA wal_autocheckpoint"), 77) << "the writer's autocheckpoint is restored";
}

// The store starts one with its first write: ~8 MB of articles, over the
// 4 MB at which it checkpoints and far under the writer's own 64 MB. The
// last transactions may stay in the WAL (under 4 MB since its restart), as
// with any checkpoint threshold; a checkpoint of 4 MB holds 40 articles.
TEST(WalCheckpointer, AStoreCheckpointsInTheBackground) {
  std::string path = testing::temp_path("checkpointed_store.db");
  auto store = EventStore::open(path);
  for (int i = 0; i < 80; ++i) {
    std::string text = std::to_string(i) + std::string(100000, 'x');
    std::string id = std::to_string(i);
    std::string date = "2024-01-10";
    date.back() = static_cast<char>('1' + i % 9);
    auto f = testing::make_article(id, "Outlet", date, {text.substr(0, 50000), text.substr(0, 49999)});
    ASSERT_TRUE(store->add_article(f.article, f.coded).stored);
  }
  EXPECT_TRUE(file_reaches(path, "SELECT count(*) FROM articles", 40))
      << count_in_file_alone(path, "SELECT count(*) FROM articles");
  EXPECT_EQ(store->stats().articles, 80);
}

}  // namespace
}  // namespace dyad
