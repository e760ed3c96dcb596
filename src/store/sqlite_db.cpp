// SQLite connection and statement wrappers (see sqlite_db.h).
#include "store/sqlite_db.h"

#include "dyad/error.h"

namespace dyad::detail {

SqliteStmt::SqliteStmt(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK) {
    throw Error("sqlite: cannot prepare statement: " + std::string(sqlite3_errmsg(db)) + " in: " +
                std::string(sql.substr(0, 200)));
  }
}

SqliteStmt::~SqliteStmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStmt::SqliteStmt(SqliteStmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }

SqliteStmt& SqliteStmt::operator=(SqliteStmt&& o) noexcept {
  if (this != &o) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

SqliteStmt& SqliteStmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
SqliteStmt& SqliteStmt::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
SqliteStmt& SqliteStmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStmt& SqliteStmt::bind_ref(int i, const std::string& v) { return bind_static(i, v); }
SqliteStmt& SqliteStmt::bind_static(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
SqliteStmt& SqliteStmt::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool SqliteStmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string msg = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  throw Error("sqlite: " + msg + " (statement: " + std::string(sqlite3_sql(stmt_)).substr(0, 120) + ")");
}

void SqliteStmt::run() {
  while (step()) {
  }
  reset();
}

void SqliteStmt::run_keeping_bindings() {
  while (step()) {
  }
  sqlite3_reset(stmt_);
}

void SqliteStmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool SqliteStmt::is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
std::int64_t SqliteStmt::int64(int c) const { return sqlite3_column_int64(stmt_, c); }
double SqliteStmt::real(int c) const { return sqlite3_column_double(stmt_, c); }
std::string SqliteStmt::text(int c) const {
  const unsigned char* p = sqlite3_column_text(stmt_, c);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, c)) : std::string();
}

namespace {

// SQLite's memory statistics (on by default) take a process-wide mutex on
// every allocation; nothing here reads them. Must precede sqlite3_initialize(),
// i.e. the first open; when the host program initialized SQLite already the
// call fails (SQLITE_MISUSE) and changes nothing, which is correct, only slower.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

SqliteDb::SqliteDb(const std::string& path) : path_(path) {
  configure_sqlite_once();
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    if (db_) sqlite3_close(db_);
    throw Error("sqlite: cannot open " + path + ": " + msg + " (check the directory exists and is writable)");
  }
  sqlite3_busy_timeout(db_, 10000);
}

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

void SqliteDb::exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("sqlite: " + path_ + ": " + msg);
  }
}

}  // namespace dyad::detail
