// Routing, authentication, CORS and error mapping of the HTTP API.
//
// Routes are matched here rather than by httplib so that a known path with a
// wrong method is a 405 with an Allow header (httplib only knows 404), every
// answer is JSON, and /metrics can count by route pattern.
#include "server/api.h"

#include <chrono>

#include "dyad/error.h"
#include "server/static_files.h"
#include "text/utf8.h"

namespace dyad::detail {
namespace {

struct Route {
  const char* pattern;
  const char* allow;  // methods, as in the Allow header
};

// The fixed routes; "/v1/articles/{id}" is matched by prefix.
const std::vector<Route>& routes() {
  static const std::vector<Route> k = {
      {"/healthz", "GET, HEAD"},          {"/metrics", "GET, HEAD"},         {"/v1/code", "POST"},
      {"/v1/events", "GET, HEAD"},        {"/v1/timeline", "GET, HEAD"},     {"/v1/actors", "GET, HEAD"},
      {"/v1/countries", "GET, HEAD"},     {"/v1/articles", "GET, HEAD, POST"}, {"/v1/articles/{id}", "GET, HEAD"},
  };
  return k;
}

const Route* find_route(const std::string& pattern) {
  for (const Route& r : routes()) {
    if (pattern == r.pattern) return &r;
  }
  return nullptr;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Compares in time independent of where the strings differ (and of the
// candidate's length beyond the expected one), so a token can not be guessed
// byte by byte from response times.
bool constant_time_equal(const std::string& expected, const std::string& given) {
  volatile unsigned char diff = expected.size() == given.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff = diff | (static_cast<unsigned char>(expected[i]) ^ g);
  }
  return diff == 0;
}

}  // namespace

std::string ApiRequest::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

ApiResponse json_response(const nlohmann::json& j, int status) {
  ApiResponse r;
  r.status = status;
  // Replace rather than throw on invalid UTF-8 (it can only come from echoed input).
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.body += '\n';
  return r;
}

ApiResponse error_response(int status, const std::string& code, const std::string& message) {
  return json_response({{"error", {{"code", code}, {"message", message}}}}, status);
}

Api::Api(const Engine& engine, const ServerOptions& options, StorePool* store, CodingPool& pool, Metrics& metrics)
    : engine_(engine), options_(options), store_(store), pool_(pool), metrics_(metrics) {}

std::string Api::route_of(const std::string& path) {
  if (path.rfind("/v1/articles/", 0) == 0 && path.size() > 13) return "/v1/articles/{id}";
  if (find_route(path)) return path;
  if (path.rfind("/v1/", 0) == 0 || path == "/v1") return "unknown";
  return "static";
}

StorePool& Api::store() const {
  if (!store_) throw ApiError{503, "no_store", "this server runs without an event store (dyad serve --store URL)"};
  return *store_;
}

ApiResponse Api::handle(const ApiRequest& r) const {
  auto start = std::chrono::steady_clock::now();
  std::string route = route_of(r.path);
  ApiResponse res;
  try {
    res = dispatch(r, route);
  } catch (const ApiError& e) {
    res = error_response(e.status, e.code, e.message);
    for (const auto& h : e.headers) res.headers.push_back(h);
  } catch (const Error& e) {
    res = error_response(500, "internal", e.what());
  } catch (const std::exception& e) {
    res = error_response(500, "internal", std::string("internal error: ") + e.what());
  }
  if (!options_.cors_origin.empty()) {
    res.headers.emplace_back("Access-Control-Allow-Origin", options_.cors_origin);
    res.headers.emplace_back("Vary", "Origin");
  }
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.observe(route, r.method, res.status, seconds);
  return res;
}

ApiResponse Api::dispatch(const ApiRequest& r, const std::string& route) const {
  for (const auto& [name, value] : r.params) {
    if (!valid_utf8(name) || !valid_utf8(value)) throw ApiError{400, "bad_request", "query parameters must be UTF-8"};
  }
  const bool get = r.method == "GET" || r.method == "HEAD";
  if (route == "static") {
    if (!get) throw ApiError{405, "method_not_allowed", r.method + " is not allowed here", {{"Allow", "GET, HEAD"}}};
    return serve_static(options_.web_dir.empty() ? default_web_dir() : options_.web_dir, r.path);
  }
  if (route == "unknown") {
    throw ApiError{404, "not_found", "no API route " + r.path.substr(0, 100) + " (see docs/openapi.yaml)"};
  }
  const Route* known = find_route(route);
  std::string allow = known->allow;
  if (r.method == "OPTIONS") {
    ApiResponse res;
    res.status = 204;
    res.headers.emplace_back("Allow", allow + ", OPTIONS");
    if (!options_.cors_origin.empty()) {  // CORS preflight
      res.headers.emplace_back("Access-Control-Allow-Methods", allow + ", OPTIONS");
      res.headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.headers.emplace_back("Access-Control-Max-Age", "600");
    }
    return res;
  }
  bool allowed = (get && allow.find("GET") != std::string::npos) ||
                 (r.method == "POST" && allow.find("POST") != std::string::npos);
  if (!allowed) {
    throw ApiError{405, "method_not_allowed", r.method + " is not allowed on " + route + " (allowed: " + allow + ")",
                   {{"Allow", allow + ", OPTIONS"}}};
  }
  if (route == "/healthz") return json_response({{"status", "ok"}});
  if (route == "/metrics") {
    ApiResponse res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = metrics_.render();
    res.body += "# HELP dyad_coding_jobs Coding jobs queued or running now.\n# TYPE dyad_coding_jobs gauge\n";
    res.body += "dyad_coding_jobs{state=\"queued\"} " + std::to_string(pool_.waiting()) + "\n";
    res.body += "dyad_coding_jobs{state=\"running\"} " + std::to_string(pool_.running()) + "\n";
    return res;
  }
  if (route == "/v1/code") return code(r);
  if (route == "/v1/events") return events(r);
  if (route == "/v1/timeline") return timeline(r);
  if (route == "/v1/actors") return actors(r);
  if (route == "/v1/countries") return countries(r);
  if (route == "/v1/articles/{id}") return article(r, r.path.substr(13));
  if (r.method == "POST") {
    if (!options_.token.empty()) {
      std::string auth = r.header("authorization");
      std::string given = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : std::string();
      if (!constant_time_equal(options_.token, given)) {
        throw ApiError{401, "unauthorized",
                       auth.empty() ? "POST /v1/articles needs 'Authorization: Bearer TOKEN' (dyad serve --token-file)"
                                    : "wrong bearer token",
                       {{"WWW-Authenticate", "Bearer realm=\"dyad\""}}};
      }
    }
    return ingest(r);
  }
  return articles(r);
}

}  // namespace dyad::detail
