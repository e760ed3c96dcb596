// Runs independent jobs on their own threads (model ensembles train their
// members this way) and reports the first failure to the caller.
#pragma once

#include <sched.h>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace dyad::detail {

/// The cores this process may run on: its CPU affinity (taskset, cpusets),
/// not the machine's count. Two threads sharing one core run a cache-bound
/// job such as a zstd decode ~1.8x slower than one thread alone (the
/// parser's frames pinned to one core: 110-146 ms against 62-70 ms).
inline unsigned usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

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
