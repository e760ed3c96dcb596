// The HTTP API as a plain function: ApiRequest in, ApiResponse out.
//
// No socket code here: server.cpp adapts cpp-httplib to these structs, and the
// tests and the fuzz target call Api::handle directly, so every request path
// (routing, limits, JSON parsing, coding, store queries) is exercised without
// a network. handle() never throws: every failure becomes a JSON error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"
#include "dyad/server.h"
#include "server/coding_pool.h"
#include "server/metrics.h"
#include "server/store_pool.h"

namespace dyad::detail {

struct ApiRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< Decoded, without the query string.
  std::multimap<std::string, std::string> params;   ///< Query parameters.
  std::map<std::string, std::string> headers;       ///< Names in lower case.
  std::string body;
  bool body_too_large = false;  ///< The transport stopped reading at max_body.

  std::string header(const std::string& lower_name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// Thrown by handlers for client errors; handle() turns it into a JSON error.
struct ApiError {
  int status;
  std::string code;
  std::string message;
  std::vector<std::pair<std::string, std::string>> headers = {};
};

ApiResponse json_response(const nlohmann::json& j, int status = 200);
ApiResponse error_response(int status, const std::string& code, const std::string& message);

class Api {
 public:
  /// `store` may be null (no --store): store routes then answer 503.
  Api(const Engine& engine, const ServerOptions& options, StorePool* store, CodingPool& pool, Metrics& metrics);

  ApiResponse handle(const ApiRequest& request) const;

  /// The route pattern a request is counted under in /metrics.
  static std::string route_of(const std::string& path);

 private:
  ApiResponse dispatch(const ApiRequest& r, const std::string& route) const;
  ApiResponse code(const ApiRequest& r) const;
  ApiResponse ingest(const ApiRequest& r) const;
  ApiResponse events(const ApiRequest& r) const;
  ApiResponse timeline(const ApiRequest& r) const;
  ApiResponse actors(const ApiRequest& r) const;
  ApiResponse countries(const ApiRequest& r) const;
  ApiResponse articles(const ApiRequest& r) const;
  ApiResponse article(const ApiRequest& r, const std::string& id) const;
  StorePool& store() const;

  const Engine& engine_;
  const ServerOptions& options_;
  StorePool* store_;
  CodingPool& pool_;
  Metrics& metrics_;
};

}  // namespace dyad::detail
