// The request->coder path under fuzzing: bytes -> ApiRequest -> Api::handle.
//
// Shared by the libFuzzer target (server_request_fuzz.cpp) and the
// deterministic replay test (tests/server_fuzz_test.cpp), so both drive the
// exact same handler with the exact same decoding of the input bytes.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include "dyad/engine.h"
#include "dyad/server.h"
#include "server/api.h"

namespace dyad::fuzz {

/// Byte 0 chooses route, method and media type; the rest is the body (POST)
/// or a raw "k=v&k=v" query (GET), or the id of /v1/articles/{id}.
inline detail::ApiRequest request_from_bytes(std::string_view data) {
  detail::ApiRequest r;
  unsigned char pick = data.empty() ? 0 : static_cast<unsigned char>(data[0]);
  std::string rest(data.empty() ? std::string_view() : data.substr(1));
  static const char* kPost[][2] = {{"/v1/code", "application/json"},     {"/v1/code", "application/x-ndjson"},
                                   {"/v1/code", "text/plain"},           {"/v1/articles", "application/json"},
                                   {"/v1/articles", "application/x-ndjson"}, {"/v1/code", "application/json; charset=utf-8"}};
  static const char* kGet[] = {"/v1/events", "/v1/timeline", "/v1/actors", "/v1/countries", "/v1/articles"};
  int route = pick % 13;
  if (route < 6) {
    r.method = "POST";
    r.path = kPost[route][0];
    r.headers["content-type"] = kPost[route][1];
    if (pick & 0x80) r.params.emplace("lenient", "1");
    r.body = std::move(rest);
  } else if (route < 11) {
    r.method = "GET";
    r.path = kGet[route - 6];
    std::size_t pos = 0;
    while (pos <= rest.size()) {
      std::size_t amp = rest.find('&', pos);
      std::string kv = rest.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
      std::size_t eq = kv.find('=');
      if (!kv.empty()) r.params.emplace(kv.substr(0, eq), eq == std::string::npos ? "" : kv.substr(eq + 1));
      if (amp == std::string::npos) break;
      pos = amp + 1;
    }
  } else if (route == 11) {
    r.method = "GET";
    r.path = "/v1/articles/" + rest;
  } else {
    static const char* kMethods[] = {"PUT", "DELETE", "OPTIONS", "PATCH"};
    r.method = kMethods[(pick >> 4) % 4];
    r.path = "/v1/" + rest;
  }
  return r;
}

/// One Api over a temporary SQLite store, built the way dyad::Server builds it.
struct FuzzContext {
  ServerOptions options;
  detail::Metrics metrics;
  std::unique_ptr<detail::StorePool> store;
  detail::CodingPool pool{2, 64};
  std::unique_ptr<detail::Api> api;

  FuzzContext(const Engine& engine, const std::string& store_path) {
    std::filesystem::remove(store_path);
    options.max_body = 1u << 20;
    options.timeout_ms = 30000;
    options.web_dir = "/nonexistent-dyad-web";
    store = std::make_unique<detail::StorePool>("sqlite:" + store_path, 1);
    api = std::make_unique<detail::Api>(engine, options, store.get(), pool, metrics);
  }
};

/// True when the answer is what a client may get for any input: a 2xx, or a
/// 4xx JSON error (never a 5xx, never a crash).
inline bool acceptable(const detail::ApiResponse& res) {
  return (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500);
}

}  // namespace dyad::fuzz
