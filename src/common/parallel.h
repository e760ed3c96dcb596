// Runs independent jobs on their own threads (model ensembles train their
// members this way) and reports the first failure to the caller.
#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace dyad::detail {

/// Calls job(k) for k in [0, n), each on its own thread; waits for all, then
/// rethrows the first (lowest k) exception a job threw.
template <typename Job>
void run_in_threads(std::size_t n, Job&& job) {
  std::vector<std::exception_ptr> errors(n);
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (std::size_t k = 0; k < n; ++k)
    threads.emplace_back([&, k] {
      try {
        job(k);
      } catch (...) {
        errors[k] = std::current_exception();
      }
    });
  for (std::thread& t : threads) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace dyad::detail
