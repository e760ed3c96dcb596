// libpq wrappers (see pg_db.h).
#include "store/pg_db.h"

#include <cstdio>
#include <cstdlib>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db" for messages.
std::string hide_password(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace

PgParams& PgParams::add(double v) {
  values_.emplace_back(pg_double(v));
  return *this;
}

std::string pg_double(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);  // round-trips exactly
  return buf;
}

PgResult& PgResult::operator=(PgResult&& o) noexcept {
  if (this != &o) {
    if (r_) PQclear(r_);
    r_ = o.r_;
    o.r_ = nullptr;
  }
  return *this;
}

std::string PgResult::text(int row, int col) const {
  return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
}
std::int64_t PgResult::int64(int row, int col) const {
  return is_null(row, col) ? 0 : std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}
double PgResult::real(int row, int col) const {
  return is_null(row, col) ? 0.0 : std::strtod(PQgetvalue(r_, row, col), nullptr);
}

PgConn::PgConn(const std::string& url) : where_(hide_password(url)) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw Error("postgresql: cannot connect to " + where_ + ": " + msg +
                " (check the URL, that the server runs and that the user may connect)");
  }
  // Quiet NOTICEs (CREATE ... IF NOT EXISTS) instead of printing them on stderr.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

PgConn::~PgConn() {
  if (conn_) PQfinish(conn_);
}

PgResult PgConn::check(PGresult* r, const std::string& sql) {
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_COPY_IN) return PgResult(r);
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  if (r) PQclear(r);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  throw Error("postgresql: " + where_ + ": " + msg + " (statement: " + sql.substr(0, 120) + ")");
}

void PgConn::exec(const std::string& sql) { check(PQexec(conn_, sql.c_str()), sql); }

namespace {
std::vector<const char*> raw(const PgParams& p) {
  std::vector<const char*> v;
  for (const auto& x : p.values()) v.push_back(x ? x->c_str() : nullptr);
  return v;
}
}  // namespace

PgResult PgConn::query(const std::string& sql, const PgParams& params) {
  auto v = raw(params);
  return check(PQexecParams(conn_, sql.c_str(), static_cast<int>(v.size()), nullptr, v.data(), nullptr, nullptr, 0),
               sql);
}

PgResult PgConn::prepared(const std::string& sql, const PgParams& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "dyad_" + std::to_string(prepared_.size());
    check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), sql);
    it = prepared_.emplace(sql, name).first;
  }
  auto v = raw(params);
  return check(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(v.size()), v.data(), nullptr, nullptr, 0),
               sql);
}

void PgConn::copy_in(const std::string& target, const std::string& data) {
  std::string sql = "COPY " + target + " FROM STDIN";
  check(PQexec(conn_, sql.c_str()), sql);
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1) {
    throw Error("postgresql: " + where_ + ": COPY failed: " + PQerrorMessage(conn_));
  }
  check(PQgetResult(conn_), sql);
  while (PGresult* r = PQgetResult(conn_)) PQclear(r);
}

void copy_field(std::string& row, const std::optional<std::string>& v, bool last) {
  if (!v) {
    row += "\\N";
  } else {
    for (char c : *v) {
      switch (c) {
        case '\\': row += "\\\\"; break;
        case '\t': row += "\\t"; break;
        case '\n': row += "\\n"; break;
        case '\r': row += "\\r"; break;
        default: row += c;
      }
    }
  }
  row += last ? '\n' : '\t';
}

void copy_field(std::string& row, std::int64_t v, bool last) {
  row += std::to_string(v);
  row += last ? '\n' : '\t';
}

std::string pg_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace dyad::detail
