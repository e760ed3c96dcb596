// Rows of one INSERT, collected and written several to a statement.
//
// Why: in SQLite each execution of a statement costs about as much again as
// the row it inserts (opening cursors, the transaction check, halting and
// resetting; ~5k instructions measured with callgrind on the 50k-event
// store_bench load), so a multi-row VALUES list halves the cost of a narrow
// row. The writer assigns the rowids itself (it holds the write lock), so
// nothing needs last_insert_rowid() between rows.
//
// Values are kept until flush(): a bind_ref() string must stay alive and
// unchanged until then; bind() copies. Pending rows are written by
// statements of 64, 32, ..., 1 rows (prepared once each), so a transaction's
// tail needs no statement of its own size. Whoever reads the table inside the
// transaction must flush() first.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_db.h"

namespace dyad::detail {

/// "?,?,?" for `count` parameters.
std::string sql_placeholders(int count);

class SqliteRowBatch {
 public:
  static constexpr int kMaxRows = 64;

  SqliteRowBatch() = default;
  /// `columns`: the table's column list, e.g. "t(a, b, c)"; `count`: how many;
  /// `suffix`: what follows the VALUES list, e.g. an upsert's "ON CONFLICT ...
  /// DO UPDATE" (applied row by row, so rows may repeat a key).
  SqliteRowBatch(SqliteDb& db, std::string columns, int count, std::string suffix = {});

  /// Starts a new row (writing the pending ones first when kMaxRows are
  /// waiting); the binders address its columns from 1.
  SqliteRowBatch& row();
  SqliteRowBatch& bind(int col, std::int64_t v);
  SqliteRowBatch& bind(int col, int v) { return bind(col, static_cast<std::int64_t>(v)); }
  SqliteRowBatch& bind(int col, double v);
  SqliteRowBatch& bind(int col, std::string_view v);  ///< copied
  SqliteRowBatch& bind(int col, const std::string& v) { return bind(col, std::string_view(v)); }
  SqliteRowBatch& bind(int col, const char* v) { return bind(col, std::string_view(v)); }
  SqliteRowBatch& bind_ref(int col, const std::string& v);  ///< not copied: must outlive flush()
  SqliteRowBatch& bind_null(int col);
  template <class T>
  SqliteRowBatch& bind(int col, const std::optional<T>& v) { return v ? bind(col, *v) : bind_null(col); }

  void flush();    ///< Inserts the pending rows.
  void discard();  ///< Forgets them (the transaction rolled back).
  std::size_t pending() const { return rows_; }

 private:
  struct Cell {
    enum class Kind : std::uint8_t { kNull, kInt, kReal, kText };
    Kind kind = Kind::kNull;
    std::int64_t i = 0;
    double r = 0.0;
    std::string_view t;
  };
  Cell& cell(int col);
  SqliteStmt& statement(int log2_rows);
  void write(int log2_rows, std::size_t first_row);

  SqliteDb* db_ = nullptr;
  std::string columns_, suffix_;
  int count_ = 0;
  std::size_t rows_ = 0;
  std::vector<Cell> cells_;       // rows_ x count_
  std::deque<std::string> owned_;  // copies for bind(); a deque keeps their addresses
  std::array<SqliteStmt, 7> by_log2_;  // 1, 2, 4, ..., 64 rows
  // Per statement, which parameters hold a non-NULL value from its last run:
  // bindings are kept between runs (clearing them all cost more than
  // re-nulling the few that change), so only those need an explicit NULL.
  std::array<std::vector<std::uint8_t>, 7> bound_;
};

}  // namespace dyad::detail
