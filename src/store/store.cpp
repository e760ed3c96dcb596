// EventStore::open: picks the backend from the URL.
#include "dyad/error.h"
#include "dyad/store.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace dyad {

std::unique_ptr<EventStore> EventStore::open(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return std::make_unique<detail::PgStore>(url);
  }
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.empty()) throw Error("store URL '" + url + "' names no file (use sqlite:PATH or a path)");
  return std::make_unique<detail::SqliteStore>(path);
}

}  // namespace dyad
