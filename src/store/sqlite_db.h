// Thin RAII wrappers over the SQLite C API: a connection and prepared
// statements. Every value reaches SQL through bind(), never through string
// concatenation, so user text can not change a query.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad::detail {

class SqliteStmt {
 public:
  SqliteStmt() = default;
  SqliteStmt(sqlite3* db, std::string_view sql);
  ~SqliteStmt();
  SqliteStmt(SqliteStmt&& other) noexcept;
  SqliteStmt& operator=(SqliteStmt&& other) noexcept;
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  // Bind by 1-based index; std::nullopt / empty optional binds NULL.
  SqliteStmt& bind(int i, std::int64_t v);
  SqliteStmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  SqliteStmt& bind(int i, double v);
  SqliteStmt& bind(int i, std::string_view v);
  SqliteStmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  SqliteStmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  SqliteStmt& bind_null(int i);
  /// Binds without copying: `v` must stay alive and unchanged until the
  /// statement is reset (run() resets). For the hot insert path.
  SqliteStmt& bind_ref(int i, const std::string& v);
  SqliteStmt& bind_static(int i, std::string_view v);  ///< as bind_ref()
  template <class T>
  SqliteStmt& bind(int i, const std::optional<T>& v) { return v ? bind(i, *v) : bind_null(i); }

  bool prepared() const { return stmt_ != nullptr; }
  bool step();   ///< True while a row is available; throws on error.
  void run();    ///< Steps to completion, then resets.
  /// Steps to completion and resets, leaving the parameters bound: for a
  /// caller that rebinds every parameter that differs before the next run
  /// (clearing ~80 bindings per row was 2% of a bulk load).
  void run_keeping_bindings();
  void reset();  ///< Resets and clears bindings.

  bool is_null(int col) const;
  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
 public:
  explicit SqliteDb(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);  ///< Fixed SQL only (schema, pragmas).
  SqliteStmt prepare(std::string_view sql) { return SqliteStmt(db_, sql); }
  std::int64_t last_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }  ///< Rows changed by the last statement.
  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace dyad::detail
