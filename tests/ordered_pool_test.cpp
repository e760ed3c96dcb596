// detail::OrderedPool: results reach the sink in submission order whatever
// order the threads finish in; errors surface in their place; bounded.
#include "common/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace dyad::detail {
namespace {

TEST(OrderedPool, SinksInSubmissionOrderWhenJobsFinishOutOfOrder) {
  std::vector<int> seen;
  OrderedPool<int> pool(3, [&](int&& v) { seen.push_back(v); });
  EXPECT_EQ(pool.threads(), 3u);
  for (int i = 0; i < 120; ++i)
    pool.submit([i] {
      // Early jobs take longest, so later ones finish first.
      std::this_thread::sleep_for(std::chrono::microseconds((120 - i) % 7 * 300));
      return i;
    });
  pool.finish();
  ASSERT_EQ(seen.size(), 120u);
  for (int i = 0; i < 120; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(OrderedPool, OneThreadRunsEachJobInsideSubmit) {
  int sunk = 0;
  const auto caller = std::this_thread::get_id();
  OrderedPool<std::thread::id> pool(1, [&](std::thread::id&& id) {
    EXPECT_EQ(id, caller);
    ++sunk;
  });
  pool.submit([] { return std::this_thread::get_id(); });
  EXPECT_EQ(sunk, 1);
  pool.finish();
  EXPECT_EQ(sunk, 1);
}

TEST(OrderedPool, AJobErrorSurfacesAfterTheResultsBeforeIt) {
  std::vector<int> seen;
  std::string error;
  try {
    OrderedPool<int> pool(2, [&](int&& v) { seen.push_back(v); });
    for (int i = 0; i < 40; ++i)
      pool.submit([i] {
        if (i == 17) throw std::runtime_error("job 17 failed");
        return i;
      });
    pool.finish();
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  EXPECT_EQ(error, "job 17 failed");
  ASSERT_EQ(seen.size(), 17u);
  for (int i = 0; i < 17; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(OrderedPool, AtMostMaxPendingResultsAreInFlight) {
  std::atomic<int> started{0};
  int sunk = 0, most = 0;
  OrderedPool<int> pool(
      2,
      [&](int&&) {
        ++sunk;
        most = std::max(most, started.load() - sunk);
      },
      3);
  for (int i = 0; i < 60; ++i) {
    pool.submit([&, i] {
      ++started;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      return i;
    });
    most = std::max(most, started.load() - sunk);
  }
  pool.finish();
  EXPECT_EQ(sunk, 60);
  EXPECT_LE(most, 3);
}

// A process pinned to one core (taskset, a cpuset) gets one worker, not one
// per core of the machine: two threads sharing a core only slow each other.
TEST(OrderedPool, DefaultThreadsFollowTheCpuAffinity) {
  cpu_set_t saved;
  ASSERT_EQ(sched_getaffinity(0, sizeof saved, &saved), 0);
  int first = 0;
  while (!CPU_ISSET(first, &saved)) ++first;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  const unsigned cores = usable_cores();
  std::size_t threads = 0;
  {
    OrderedPool<int> pool(0, [](int&&) {});
    threads = pool.threads();
    pool.finish();
  }
  ASSERT_EQ(sched_setaffinity(0, sizeof saved, &saved), 0);
  EXPECT_EQ(cores, 1u);
  EXPECT_EQ(threads, 1u);
  EXPECT_EQ(usable_cores(), static_cast<unsigned>(CPU_COUNT(&saved)));
}

}  // namespace
}  // namespace dyad::detail
