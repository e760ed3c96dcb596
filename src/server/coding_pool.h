// A fixed pool of coding workers with a bounded queue and per-job deadlines.
//
// Why not code on the connection thread: connections are many (one thread
// each, up to thousands), cores are few. Running Engine::code on N = cores
// workers keeps the CPU at N busy threads however many clients there are, so
// the threads that answer /healthz or store reads get scheduled promptly.
// Engine::code can not be interrupted, so a deadline is enforced by the waiter:
// a job still queued when its caller gives up is skipped (never started), a
// running one finishes and its result is dropped. Together with the body size
// limit this bounds the wasted work.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dyad::detail {

class CodingPool {
 public:
  CodingPool(int workers, int queue_limit);
  ~CodingPool();  ///< shutdown(), then joins the workers.
  /// Refuses new jobs and cancels queued ones (their waiters get kOverloaded
  /// at once), so a stopping server does not wait out every deadline.
  void shutdown();
  CodingPool(const CodingPool&) = delete;
  CodingPool& operator=(const CodingPool&) = delete;

  /// Outcome of a job as seen by its submitter.
  enum class Status { kDone, kOverloaded, kTimedOut, kFailed };

  /// Handle to one submitted job; `run` executes on a worker.
  class Job {
   public:
    Status wait_until(std::chrono::steady_clock::time_point deadline);
    std::exception_ptr error() const;

   private:
    friend class CodingPool;
    std::mutex m_;
    std::condition_variable cv_;
    std::function<void()> run_;
    bool done_ = false, cancelled_ = false;
    std::exception_ptr error_;
  };

  /// Queues `run`; null when the queue is full (the caller answers 503).
  std::shared_ptr<Job> submit(std::function<void()> run);
  int workers() const { return static_cast<int>(threads_.size()); }
  std::size_t waiting();  ///< Jobs queued (for /metrics).
  int running() const { return running_.load(); }

 private:
  void work();
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::size_t limit_;
  bool stopping_ = false;
  std::atomic<int> running_{0};
  std::vector<std::thread> threads_;
};

}  // namespace dyad::detail
