// httplib task queue that gives each connection its own thread, up to a cap.
//
// httplib runs a whole keep-alive connection (up to keep_alive_max_count
// requests) as one task. With its fixed ThreadPool of ~cores threads, a few
// busy keep-alive clients occupy every thread and a new connection (a health
// check) waits in the queue behind them. Here a task starts a new thread
// whenever no idle one is waiting, up to `max_threads`; idle threads exit after
// a while, so a burst of 1,000 connections does not leave 1,000 threads behind.
// Threads mostly wait (on sockets, or on the coding pool), so many are cheap.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

#include <httplib.h>

namespace dyad::detail {

class ConnectionQueue final : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(int max_threads);
  ~ConnectionQueue() override;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;  ///< Runs what is queued, then joins every thread.

 private:
  void worker();
  void reap_locked(std::list<std::thread>& out);  // moves exited threads to `out` (joined outside the lock)

  std::mutex m_;
  std::condition_variable cv_, all_done_;
  std::deque<std::function<void()>> jobs_;
  std::list<std::thread> threads_;
  std::list<std::thread::id> exited_;
  int max_threads_;
  int idle_ = 0;
  int live_ = 0;
  bool shutdown_ = false;
};

}  // namespace dyad::detail
