// Runs jobs on worker threads and hands their results to one sink, on the
// calling thread, in the order the jobs were submitted: `dyad parse` and
// `dyad code` use every core and still print exactly what one thread would.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "common/parallel.h"

namespace dyad::detail {

/// `threads` 0 = one per core; 1 runs every job inline in submit() (no
/// threads at all). At most `max_pending` results (default 4 per thread) are
/// in flight: submit() blocks, sinking ready results, until one is free, so
/// memory stays bounded however long the input. A job's exception is rethrown
/// by the submit() or finish() that reaches its place in the order, after the
/// results before it were sunk; later results are dropped.
template <typename T>
class OrderedPool {
 public:
  using Job = std::function<T()>;
  using Sink = std::function<void(T&&)>;

  OrderedPool(unsigned threads, Sink sink, std::size_t max_pending = 0) : sink_(std::move(sink)) {
    if (threads == 0) threads = usable_cores();
    max_pending_ = max_pending ? max_pending : 4 * std::size_t{threads};
    if (threads > 1)
      for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }
  ~OrderedPool() { stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  unsigned threads() const { return workers_.empty() ? 1 : static_cast<unsigned>(workers_.size()); }

  void submit(Job job) {
    if (workers_.empty()) {
      sink_(job());
      return;
    }
    std::unique_lock lock(m_);
    while (results_.size() >= max_pending_) {
      if (!sink_ready(lock)) done_.wait(lock);
    }
    results_.emplace_back();
    todo_.emplace_back(next_id_++, std::move(job));
    work_.notify_one();
    sink_ready(lock);
  }

  /// Waits for every job and sinks the remaining results.
  void finish() {
    if (workers_.empty()) return;
    std::unique_lock lock(m_);
    while (!results_.empty()) {
      if (!sink_ready(lock)) done_.wait(lock);
    }
  }

 private:
  struct Result {
    bool done = false;
    std::optional<T> value;
    std::exception_ptr error;
  };

  // Sinks the finished results at the front of the order; the lock is
  // released while the sink runs so the workers keep going. Returns whether
  // it sank any.
  bool sink_ready(std::unique_lock<std::mutex>& lock) {
    bool any = false;
    while (!results_.empty() && results_.front().done) {
      Result r = std::move(results_.front());
      results_.pop_front();
      ++first_id_;
      any = true;
      if (r.error) {
        lock.unlock();
        stop();
        std::rethrow_exception(r.error);
      }
      lock.unlock();
      sink_(std::move(*r.value));
      lock.lock();
    }
    return any;
  }

  void work() {
    std::unique_lock lock(m_);
    for (;;) {
      work_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
      if (stopping_) return;
      auto [id, job] = std::move(todo_.front());
      todo_.pop_front();
      lock.unlock();
      Result r;
      try {
        r.value.emplace(job());
      } catch (...) {
        r.error = std::current_exception();
      }
      r.done = true;
      lock.lock();
      if (id >= first_id_ && id - first_id_ < results_.size()) results_[id - first_id_] = std::move(r);
      done_.notify_all();
    }
  }

  void stop() {
    {
      std::lock_guard lock(m_);
      stopping_ = true;
      todo_.clear();
    }
    work_.notify_all();
    for (std::thread& t : workers_)
      if (t.joinable()) t.join();
  }

  Sink sink_;
  std::size_t max_pending_ = 0;
  std::mutex m_;
  std::condition_variable work_, done_;
  std::deque<std::pair<std::uint64_t, Job>> todo_;
  std::deque<Result> results_;  // ids first_id_, first_id_ + 1, ...
  std::uint64_t first_id_ = 0, next_id_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace dyad::detail
