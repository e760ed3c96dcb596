#include "server/coding_pool.h"

#include <algorithm>

namespace dyad::detail {

CodingPool::CodingPool(int workers, int queue_limit)
    : limit_(static_cast<std::size_t>(std::max(1, queue_limit))) {
  for (int i = 0; i < std::max(1, workers); ++i) threads_.emplace_back([this] { work(); });
}

CodingPool::~CodingPool() {
  shutdown();
  for (auto& t : threads_) t.join();
}

void CodingPool::shutdown() {
  std::deque<std::shared_ptr<Job>> left;
  {
    std::lock_guard lk(m_);
    stopping_ = true;
    left.swap(queue_);
  }
  cv_.notify_all();
  for (auto& j : left) {
    std::lock_guard lk(j->m_);
    j->cancelled_ = true;
    j->cv_.notify_all();
  }
}

std::shared_ptr<CodingPool::Job> CodingPool::submit(std::function<void()> run) {
  auto job = std::make_shared<Job>();
  job->run_ = std::move(run);
  {
    std::lock_guard lk(m_);
    if (stopping_ || queue_.size() >= limit_) return nullptr;
    queue_.push_back(job);
  }
  cv_.notify_one();
  return job;
}

void CodingPool::work() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lk(m_);
      cv_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    {
      std::lock_guard lk(job->m_);
      if (job->cancelled_) continue;  // its caller gave up while it was queued
    }
    std::exception_ptr error;
    ++running_;
    try {
      job->run_();
    } catch (...) {
      error = std::current_exception();
    }
    --running_;
    std::lock_guard lk(job->m_);
    job->error_ = error;
    job->done_ = true;
    job->run_ = nullptr;  // release captured request data now, not when the last handle dies
    job->cv_.notify_all();
  }
}

CodingPool::Status CodingPool::Job::wait_until(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lk(m_);
  if (!cv_.wait_until(lk, deadline, [&] { return done_ || cancelled_; })) {
    cancelled_ = true;  // a worker that has not started it will skip it
    return Status::kTimedOut;
  }
  if (!done_) return Status::kOverloaded;  // cancelled by shutdown
  return error_ ? Status::kFailed : Status::kDone;
}

std::size_t CodingPool::waiting() {
  std::lock_guard lk(m_);
  return queue_.size();
}

std::exception_ptr CodingPool::Job::error() const { return error_; }

}  // namespace dyad::detail
