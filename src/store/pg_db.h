// Thin RAII wrappers over libpq: a connection, results, parameter lists and
// COPY. Every user value travels as a separate parameter (PQexecParams /
// PQexecPrepared, or COPY data), never inside the SQL text.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dyad::detail {

/// Parameters of one statement, in text form; nullopt is SQL NULL.
class PgParams {
 public:
  PgParams& add(const std::string& v) { values_.emplace_back(v); return *this; }
  PgParams& add(const char* v) { values_.emplace_back(std::string(v)); return *this; }
  PgParams& add(std::int64_t v) { values_.emplace_back(std::to_string(v)); return *this; }
  PgParams& add(int v) { return add(static_cast<std::int64_t>(v)); }
  PgParams& add(double v);
  PgParams& add_null() { values_.emplace_back(std::nullopt); return *this; }
  std::size_t size() const { return values_.size(); }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  ~PgResult() { if (r_) PQclear(r_); }
  PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const { return PQntuples(r_); }
  bool is_null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  std::string text(int row, int col) const;
  std::int64_t int64(int row, int col) const;
  double real(int row, int col) const;

 private:
  PGresult* r_;
};

class PgConn {
 public:
  explicit PgConn(const std::string& url);
  ~PgConn();
  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;

  void exec(const std::string& sql);  ///< Fixed SQL only (schema, BEGIN/COMMIT).
  PgResult query(const std::string& sql, const PgParams& params = {});
  /// Like query(), but the statement is prepared once per connection and reused.
  PgResult prepared(const std::string& sql, const PgParams& params = {});
  /// COPY table(columns) FROM STDIN with rows already in COPY text format (see copy_field).
  void copy_in(const std::string& table_and_columns, const std::string& data);
  const std::string& where() const { return where_; }

 private:
  PgResult check(PGresult* r, const std::string& sql);
  PGconn* conn_ = nullptr;
  std::string where_;  // the URL without password, for messages
  std::map<std::string, std::string> prepared_;  // SQL -> statement name
};

/// Appends `v` to a COPY text-format row, escaping tab, newline, backslash;
/// nullopt writes \N. `last` ends the row.
void copy_field(std::string& row, const std::optional<std::string>& v, bool last = false);
void copy_field(std::string& row, std::int64_t v, bool last = false);
std::string pg_double(double v);

/// A text[] literal for an array parameter ("{\"a\",\"b\"}").
std::string pg_array(const std::vector<std::string>& values);

}  // namespace dyad::detail
