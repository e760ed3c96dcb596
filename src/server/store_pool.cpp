#include "server/store_pool.h"

#include <algorithm>

namespace dyad::detail {

StorePool::StorePool(const std::string& url, int size) {
  for (int i = 0; i < std::max(1, size); ++i) free_.push_back(EventStore::open(url));
}

StorePool::Lease StorePool::acquire() {
  std::unique_lock lk(m_);
  cv_.wait(lk, [&] { return !free_.empty(); });
  auto store = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(store));
}

void StorePool::give_back(std::unique_ptr<EventStore> store) {
  {
    std::lock_guard lk(m_);
    free_.push_back(std::move(store));
  }
  cv_.notify_one();
}

}  // namespace dyad::detail
