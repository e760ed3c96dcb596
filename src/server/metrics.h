// Prometheus metrics of the HTTP server (GET /metrics, text format 0.0.4).
//
// Routes are the route *patterns* ("/v1/articles/{id}"), never raw paths, so
// the number of series stays fixed whatever clients request.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace dyad::detail {

class Metrics {
 public:
  /// Latency bucket upper bounds in seconds (Prometheus `le`).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void observe(const std::string& route, const std::string& method, int status, double seconds);
  void add_events_coded(std::uint64_t n) { events_coded_ += n; }
  void add_articles_coded(std::uint64_t n) { articles_coded_ += n; }
  void add_articles_ingested(std::uint64_t n) { articles_ingested_ += n; }
  void add_rejected(const char* reason);  ///< "overloaded", "timeout"

  /// The exposition text.
  std::string render() const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0.0;
  };
  mutable std::mutex m_;
  std::map<std::pair<std::string, std::string>, std::map<int, std::uint64_t>> requests_;  // (route, method) -> status
  std::map<std::string, Latency> latency_;  // route
  std::map<std::string, std::uint64_t> rejected_;
  std::atomic<std::uint64_t> events_coded_{0}, articles_coded_{0}, articles_ingested_{0};
};

}  // namespace dyad::detail
