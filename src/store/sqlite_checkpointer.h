// A WAL store's checkpoints, run on a thread of their own.
//
// In WAL mode every committed page is written twice: appended to the -wal
// file by COMMIT, and copied back into the database file by a checkpoint,
// which also waits for two fsyncs (the WAL's, then the database's). SQLite's
// autocheckpoint does that copy inside the COMMIT that crosses its threshold,
// so the writer stops for it: taking that off the writer made a bulk load of
// 50k events 23% faster (wall), of which the two fsyncs at the close were
// 257 ms before and 96 ms after (docs/benchmarks.md).
// This class takes the writer's WAL hook (which replaces its autocheckpoint)
// and, once a commit leaves `frames` pages in the WAL, wakes a thread that
// runs a PASSIVE checkpoint on a second connection of its own. PASSIVE copies
// what is committed and never blocks the writer or readers; the writer keeps
// appending meanwhile, and restarts the WAL from its beginning once a
// checkpoint has copied it all. Durability is unchanged: the checkpointing
// connection syncs as the writer's (synchronous=NORMAL) would.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite_db.h"

namespace dyad::detail {

class WalCheckpointer {
 public:
  /// `writer` must be a WAL-mode connection to `path` that outlives this
  /// object; `autocheckpoint` is the writer's setting to restore at the end.
  WalCheckpointer(sqlite3* writer, const std::string& path, int frames, int autocheckpoint);
  /// Stops the thread (after a checkpoint in progress) and gives the writer
  /// back its autocheckpoint.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  /// Throws, in the writer's thread, the error of a failed checkpoint (other
  /// than SQLITE_BUSY, which only means "later"); the failure is not retried
  /// silently, since the next COMMIT would most likely fail the same way.
  void rethrow_failure();
  /// Checkpoints completed (every frame copied), for tests.
  std::int64_t completed() const;

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames_in_wal);
  void run();

  sqlite3* writer_;
  SqliteDb db_;  // the checkpointing connection: used by thread_ only
  int frames_;
  int autocheckpoint_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  std::string failure_;
  std::int64_t completed_ = 0;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace dyad::detail
