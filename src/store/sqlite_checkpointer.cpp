// Background WAL checkpoints (see sqlite_checkpointer.h).
#include "store/sqlite_checkpointer.h"

#include "dyad/error.h"

namespace dyad::detail {

WalCheckpointer::WalCheckpointer(sqlite3* writer, const std::string& path, int frames, int autocheckpoint)
    : writer_(writer), db_(path), frames_(frames), autocheckpoint_(autocheckpoint) {
  // Reading journal_mode makes this connection open the WAL (a checkpoint on
  // a connection that has not would report "not in WAL mode" and copy
  // nothing); synchronous as the writer's, so checkpoints sync as it would.
  db_.exec("PRAGMA journal_mode; PRAGMA synchronous=NORMAL;");
  thread_ = std::thread([this] { run(); });
  sqlite3_wal_hook(writer_, &WalCheckpointer::on_commit, this);
}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_autocheckpoint(writer_, autocheckpoint_);  // also removes our hook
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

// In the writer's thread, after each COMMIT (SQLite ignores a non-OK return
// only for logging; ours is always OK: a checkpoint is never the commit's problem).
int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int frames_in_wal) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (frames_in_wal < c->frames_) return SQLITE_OK;
  {
    std::lock_guard<std::mutex> lock(c->mutex_);
    c->pending_ = true;
  }
  c->wake_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return pending_ || stop_; });
    if (stop_) return;
    pending_ = false;
    lock.unlock();
    int in_wal = 0, copied = 0;
    int rc = sqlite3_wal_checkpoint_v2(db_.raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_wal, &copied);
    std::string error = rc == SQLITE_OK || rc == SQLITE_BUSY ? std::string() : sqlite3_errmsg(db_.raw());
    lock.lock();
    if (!error.empty() && failure_.empty()) failure_ = error;
    if (rc == SQLITE_OK && in_wal >= 0 && copied == in_wal) ++completed_;
  }
}

void WalCheckpointer::rethrow_failure() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (failure_.empty()) return;
  std::string f = std::move(failure_);
  failure_.clear();
  throw Error("sqlite: " + db_.path() + ": a background WAL checkpoint failed: " + f +
              " (check free disk space and that the store's directory is writable)");
}

std::int64_t WalCheckpointer::completed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return completed_;
}

}  // namespace dyad::detail
