// A fixed set of event-store connections shared by the request threads.
//
// Why a pool and not one store behind a mutex: SQLite in WAL mode lets readers
// run beside each other and beside the one writer, so N connections serve N
// dashboard queries at once; a single mutex would queue every read behind
// every ingest transaction. Why not one connection per thread: connection
// threads are many (up to thousands) and each SQLite connection has its own
// page cache and prepared statements, while a SqliteStore is not thread-safe
// (cached statements), so each connection is leased to one request at a time.
// Concurrent writers serialize inside SQLite (BEGIN IMMEDIATE + busy timeout).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dyad/store.h"

namespace dyad::detail {

class StorePool {
 public:
  /// Opens `size` connections to `url` (the first one creates/migrates the store).
  StorePool(const std::string& url, int size);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<EventStore> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    EventStore* operator->() const { return store_.get(); }
    EventStore& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<EventStore> store_;
  };

  Lease acquire();  ///< Waits until a connection is free.

 private:
  void give_back(std::unique_ptr<EventStore> store);
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<EventStore>> free_;
};

}  // namespace dyad::detail
