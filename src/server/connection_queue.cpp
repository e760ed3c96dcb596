#include "server/connection_queue.h"

#include <algorithm>
#include <chrono>

namespace dyad::detail {
namespace {
constexpr auto kIdleExit = std::chrono::seconds(30);
}

ConnectionQueue::ConnectionQueue(int max_threads) : max_threads_(std::max(1, max_threads)) {}

ConnectionQueue::~ConnectionQueue() { shutdown(); }

void ConnectionQueue::reap_locked(std::list<std::thread>& out) {
  for (auto id : exited_) {
    auto it = std::find_if(threads_.begin(), threads_.end(), [&](const std::thread& t) { return t.get_id() == id; });
    if (it != threads_.end()) out.splice(out.end(), threads_, it);
  }
  exited_.clear();
}

void ConnectionQueue::enqueue(std::function<void()> fn) {
  std::list<std::thread> finished;
  {
    std::lock_guard lk(m_);
    if (shutdown_) return;
    reap_locked(finished);
    jobs_.push_back(std::move(fn));
    // Start a thread unless an idle one will take the job; at the cap the job waits its turn.
    if (idle_ < static_cast<int>(jobs_.size()) && live_ < max_threads_) {
      ++live_;
      threads_.emplace_back([this] { worker(); });
    }
  }
  cv_.notify_one();
  for (auto& t : finished) t.join();
}

void ConnectionQueue::worker() {
  std::unique_lock lk(m_);
  for (;;) {
    ++idle_;
    bool woke = cv_.wait_for(lk, kIdleExit, [&] { return shutdown_ || !jobs_.empty(); });
    --idle_;
    if (!jobs_.empty()) {
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lk.unlock();
      job();
      lk.lock();
      continue;
    }
    if (shutdown_ || !woke) break;  // nothing left to do, or idle for kIdleExit
  }
  --live_;
  exited_.push_back(std::this_thread::get_id());
  all_done_.notify_all();
}

void ConnectionQueue::shutdown() {
  std::list<std::thread> all;
  {
    std::unique_lock lk(m_);
    shutdown_ = true;
    cv_.notify_all();
    all_done_.wait(lk, [&] { return live_ == 0; });
    all.splice(all.end(), threads_);
    exited_.clear();
  }
  for (auto& t : all) t.join();
}

}  // namespace dyad::detail
