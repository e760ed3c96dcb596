#include "server/metrics.h"

#include <cstdio>

namespace dyad::detail {
namespace {

// Label values are route patterns and method names we chose, but escape anyway.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void Metrics::observe(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard lk(m_);
  ++requests_[{route, method}][status];
  Latency& l = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++l.buckets[i];
  }
  ++l.count;
  l.sum += seconds;
}

void Metrics::add_rejected(const char* reason) {
  std::lock_guard lk(m_);
  ++rejected_[reason];
}

std::string Metrics::render() const {
  std::lock_guard lk(m_);
  std::string o;
  o += "# HELP dyad_http_requests_total HTTP requests answered, by route pattern, method and status.\n";
  o += "# TYPE dyad_http_requests_total counter\n";
  for (const auto& [key, by_status] : requests_) {
    for (const auto& [status, n] : by_status) {
      o += "dyad_http_requests_total{route=\"" + label(key.first) + "\",method=\"" + label(key.second) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
    }
  }
  o += "# HELP dyad_http_request_duration_seconds Time from routing to response, by route pattern.\n";
  o += "# TYPE dyad_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    std::string r = "route=\"" + label(route) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      o += "dyad_http_request_duration_seconds_bucket{" + r + ",le=\"" + num(kBuckets[i]) + "\"} " +
           std::to_string(l.buckets[i]) + "\n";
    }
    o += "dyad_http_request_duration_seconds_bucket{" + r + ",le=\"+Inf\"} " + std::to_string(l.count) + "\n";
    o += "dyad_http_request_duration_seconds_sum{" + r + "} " + num(l.sum) + "\n";
    o += "dyad_http_request_duration_seconds_count{" + r + "} " + std::to_string(l.count) + "\n";
  }
  o += "# HELP dyad_articles_coded_total Articles coded (POST /v1/code and /v1/articles).\n";
  o += "# TYPE dyad_articles_coded_total counter\n";
  o += "dyad_articles_coded_total " + std::to_string(articles_coded_.load()) + "\n";
  o += "# HELP dyad_events_coded_total Events produced by the coder.\n";
  o += "# TYPE dyad_events_coded_total counter\n";
  o += "dyad_events_coded_total " + std::to_string(events_coded_.load()) + "\n";
  o += "# HELP dyad_articles_ingested_total New articles written to the store by POST /v1/articles.\n";
  o += "# TYPE dyad_articles_ingested_total counter\n";
  o += "dyad_articles_ingested_total " + std::to_string(articles_ingested_.load()) + "\n";
  o += "# HELP dyad_coding_rejected_total Coding requests refused: queue full (overloaded) or deadline passed.\n";
  o += "# TYPE dyad_coding_rejected_total counter\n";
  for (const char* reason : {"overloaded", "timeout"}) {
    auto it = rejected_.find(reason);
    o += std::string("dyad_coding_rejected_total{reason=\"") + reason + "\"} " +
         std::to_string(it == rejected_.end() ? 0 : it->second) + "\n";
  }
  return o;
}

}  // namespace dyad::detail
