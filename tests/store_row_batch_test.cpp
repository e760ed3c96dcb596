// SqliteRowBatch: rows written several to a statement must arrive exactly as
// bound, whatever the count (tails use smaller statements), with NULLs that
// stay NULL where an earlier row of the same statement held a value, copies
// that survive their source, and nothing left behind by a failed statement.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/error.h"
#include "store/sqlite_db.h"
#include "store/sqlite_row_batch.h"

namespace dyad {
namespace {

using detail::SqliteDb;
using detail::SqliteRowBatch;
using detail::SqliteStmt;

// Every row as "id|n|x|t" with NULL spelled out.
std::vector<std::string> rows_of(SqliteDb& db) {
  std::vector<std::string> out;
  SqliteStmt st = db.prepare("SELECT id, n, x, t FROM t ORDER BY id");
  while (st.step()) {
    std::string r = std::to_string(st.int64(0));
    r.append("|").append(st.is_null(1) ? std::string("NULL") : std::to_string(st.int64(1)));
    r.append("|").append(st.is_null(2) ? std::string("NULL") : std::to_string(st.real(2)));
    r.append("|").append(st.is_null(3) ? std::string("NULL") : st.text(3));
    out.push_back(r);
  }
  return out;
}

TEST(SqliteRowBatch, WritesEveryCountExactlyWithNullsKept) {
  for (int count : {1, 2, 63, 64, 65, 127, 130}) {
    SqliteDb db(":memory:");
    db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, x REAL, t TEXT)");
    SqliteRowBatch batch(db, "t(id, n, x, t)", 4);
    std::vector<std::string> want;
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reuses the statements the first bound
      for (int i = 0; i < count; ++i) {
        const int id = pass * 1000 + i + 1;
        // Pass 0 binds a value where pass 1 binds none, and the other way round.
        const bool full = (i + pass) % 2 == 0;
        batch.row().bind(1, id);
        if (full) batch.bind(2, i).bind(3, 0.5).bind(4, std::string("r").append(std::to_string(i)));
        std::string row = std::to_string(id);
        if (full) {
          row.append("|").append(std::to_string(i)).append("|0.500000|r").append(std::to_string(i));
        } else {
          row.append("|NULL|NULL|NULL");
        }
        want.push_back(row);
      }
      batch.flush();
      EXPECT_EQ(batch.pending(), 0u);
    }
    EXPECT_EQ(rows_of(db), want) << count << " rows a pass";
  }
}

TEST(SqliteRowBatch, CopiesWhatItIsGivenByValue) {
  SqliteDb db(":memory:");
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, x REAL, t TEXT)");
  SqliteRowBatch batch(db, "t(id, n, x, t)", 4);
  const std::string kept = "kept by reference";
  for (int i = 1; i <= 3; ++i) {
    std::string gone = "copy ";
    gone.append(std::to_string(i)).append(40, 'x');  // longer than the small-string buffer
    batch.row().bind(1, i).bind(4, gone);
  }  // every source string is destroyed before the flush
  batch.row().bind(1, 4).bind_ref(4, kept);
  batch.flush();
  std::vector<std::string> rows = rows_of(db);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], std::string("2|NULL|NULL|copy 2").append(40, 'x'));
  EXPECT_EQ(rows[3], "4|NULL|NULL|kept by reference");
}

TEST(SqliteRowBatch, DiscardForgetsAndAFailedStatementLeavesNothingBound) {
  SqliteDb db(":memory:");
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, x REAL, t TEXT)");
  SqliteRowBatch batch(db, "t(id, n, x, t)", 4);
  batch.row().bind(1, 1).bind(4, "discarded");
  batch.discard();
  batch.row().bind(1, 1).bind(4, "first");
  batch.flush();
  // The same id again: the one-row statement fails on the primary key.
  batch.row().bind(1, 1).bind(2, 7).bind(4, "duplicate");
  EXPECT_THROW(batch.flush(), Error);
  EXPECT_EQ(batch.pending(), 1u);  // still there: the caller rolls back and discards
  batch.discard();
  batch.row().bind(1, 2);  // the one-row statement again, with nothing bound
  batch.flush();
  EXPECT_EQ(rows_of(db), (std::vector<std::string>{"1|NULL|NULL|first", "2|NULL|NULL|NULL"}));
  EXPECT_THROW(batch.row().bind(5, 1), Error);  // outside the 4 columns: a bug, reported
}

}  // namespace
}  // namespace dyad
