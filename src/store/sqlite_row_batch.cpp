// Multi-row INSERTs for the write path (see sqlite_row_batch.h).
#include "store/sqlite_row_batch.h"

#include "dyad/error.h"

namespace dyad::detail {

static_assert(SqliteRowBatch::kMaxRows == 1 << 6, "by_log2_ holds statements of 2^0 .. 2^6 rows");

std::string sql_placeholders(int count) {
  std::string q;
  for (int i = 0; i < count; ++i) q += i ? ",?" : "?";
  return q;
}

SqliteRowBatch::SqliteRowBatch(SqliteDb& db, std::string columns, int count, std::string suffix)
    : db_(&db), columns_(std::move(columns)), suffix_(std::move(suffix)), count_(count) {
  cells_.reserve(static_cast<std::size_t>(kMaxRows * count_));
}

SqliteRowBatch& SqliteRowBatch::row() {
  if (rows_ == kMaxRows) flush();
  ++rows_;
  cells_.resize(rows_ * static_cast<std::size_t>(count_));
  return *this;
}

SqliteRowBatch::Cell& SqliteRowBatch::cell(int col) {
  if (rows_ == 0 || col < 1 || col > count_) {
    throw Error("SqliteRowBatch: column " + std::to_string(col) + " of " + columns_ + " bound outside a row");
  }
  return cells_[(rows_ - 1) * static_cast<std::size_t>(count_) + static_cast<std::size_t>(col - 1)];
}

SqliteRowBatch& SqliteRowBatch::bind(int col, std::int64_t v) {
  Cell& c = cell(col);
  c.kind = Cell::Kind::kInt;
  c.i = v;
  return *this;
}

SqliteRowBatch& SqliteRowBatch::bind(int col, double v) {
  Cell& c = cell(col);
  c.kind = Cell::Kind::kReal;
  c.r = v;
  return *this;
}

SqliteRowBatch& SqliteRowBatch::bind(int col, std::string_view v) {
  Cell& c = cell(col);
  c.kind = Cell::Kind::kText;
  c.t = owned_.emplace_back(v);
  return *this;
}

SqliteRowBatch& SqliteRowBatch::bind_ref(int col, const std::string& v) {
  Cell& c = cell(col);
  c.kind = Cell::Kind::kText;
  c.t = v;
  return *this;
}

SqliteRowBatch& SqliteRowBatch::bind_null(int col) {
  cell(col).kind = Cell::Kind::kNull;
  return *this;
}

SqliteStmt& SqliteRowBatch::statement(int log2_rows) {
  SqliteStmt& st = by_log2_[static_cast<std::size_t>(log2_rows)];
  if (!st.prepared()) {
    std::string one = "(";
    one.append(sql_placeholders(count_)).append(")");
    std::string sql = "INSERT INTO " + columns_ + " VALUES" + one;
    for (int r = 1; r < 1 << log2_rows; ++r) sql += "," + one;
    st = db_->prepare(sql + suffix_);
  }
  return st;
}

void SqliteRowBatch::write(int log2_rows, std::size_t first_row) {
  SqliteStmt& st = statement(log2_rows);
  std::vector<std::uint8_t>& bound = bound_[static_cast<std::size_t>(log2_rows)];
  const Cell* c = &cells_[first_row * static_cast<std::size_t>(count_)];
  const int params = count_ << log2_rows;
  bound.resize(static_cast<std::size_t>(params));
  for (int p = 1; p <= params; ++p, ++c) {
    std::uint8_t& was_bound = bound[static_cast<std::size_t>(p - 1)];  // a value from the last run
    switch (c->kind) {
      case Cell::Kind::kNull:
        if (was_bound) st.bind_null(p);
        was_bound = 0;
        continue;
      case Cell::Kind::kInt: st.bind(p, c->i); break;
      case Cell::Kind::kReal: st.bind(p, c->r); break;
      case Cell::Kind::kText: st.bind_static(p, c->t); break;
    }
    was_bound = 1;
  }
  try {
    // The text values bound stay bound after the run, pointing at strings
    // flush() is about to release: SQLite reads a parameter only when the
    // statement runs, and every non-NULL one is bound afresh before that.
    st.run_keeping_bindings();
  } catch (...) {
    st.reset();  // clears the bindings
    bound.assign(bound.size(), 0);
    throw;
  }
}

void SqliteRowBatch::flush() {
  std::size_t done = 0;
  for (int k = 6; k >= 0; --k) {
    const std::size_t n = std::size_t{1} << k;
    if (rows_ - done >= n) {
      write(k, done);
      done += n;
    }
  }
  discard();
}

void SqliteRowBatch::discard() {
  rows_ = 0;
  cells_.clear();
  owned_.clear();
}

}  // namespace dyad::detail
