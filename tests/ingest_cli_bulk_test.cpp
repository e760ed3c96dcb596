// `dyad ingest --bulk`: the CLI runs a bulk load (IngestOptions::bulk) and
// leaves the same store as an ordinary ingest, query indexes included.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/store.h"
#include "store/sqlite_db.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

TEST(IngestCli, BulkFlagStoresEverythingAndRebuildsTheIndexes) {
  const fs::path dir = fs::temp_directory_path() / ("dyad_ingest_bulk_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string lines;
  for (int i = 0; i < 50; ++i)
    lines += "{\"id\":\"b" + std::to_string(i) + "\",\"text\":\"Bulk story " + std::to_string(i) +
             " starts here. It has a second sentence.\"}\n";
  std::ofstream(dir / "in.jsonl") << lines;
  const std::string dict = std::string(DYAD_TEST_DATA_DIR) + "/coder/dict";
  auto ingest = [&](const std::string& db, const std::string& extra) {
    const std::string cmd = std::string(DYAD_CLI_PATH) + " ingest " + (dir / "in.jsonl").string() + " --store " + db +
                            " --no-parse --dict-dir " + dict + " --jobs 1 " + extra + " 2>/dev/null";
    return std::system(cmd.c_str());
  };
  const std::string bulk_db = (dir / "bulk.db").string(), plain_db = (dir / "plain.db").string();
  if (ingest(plain_db, "") != 0) GTEST_SKIP() << "dyad ingest --no-parse cannot run here (models?)";
  ASSERT_EQ(ingest(bulk_db, "--bulk"), 0);
  EXPECT_EQ(EventStore::open(bulk_db)->stats().articles, 50);
  EXPECT_EQ(EventStore::open(bulk_db)->stats().articles, EventStore::open(plain_db)->stats().articles);
  detail::SqliteDb conn(bulk_db);
  auto idx = conn.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                          "('events_date', 'events_dyad', 'events_source', 'events_target', 'events_plover')");
  ASSERT_TRUE(idx.step());
  EXPECT_EQ(idx.int64(0), 5);  // built at the end of the load
  // Re-ingesting the same file adds nothing, in bulk mode too.
  ASSERT_EQ(ingest(bulk_db, "--bulk"), 0);
  EXPECT_EQ(EventStore::open(bulk_db)->stats().articles, 50);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
