// Shared helpers of the server tests: the shared Engine (engine_fixture.h), a
// server on a free loopback port over a fresh temporary SQLite store, and
// small JSON/HTTP helpers.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"
#include "dyad/server.h"
#include "engine_fixture.h"

namespace dyad::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string example_article() { return read_file(std::string(DYAD_SOURCE_DIR) + "/examples/article.txt"); }

/// A fresh directory under /tmp for one test (store files, web dirs).
inline std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("dyad_server_test_" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

struct TestServer {
  std::unique_ptr<Server> server;
  std::unique_ptr<httplib::Client> client;
  int port = 0;

  /// `with_store`: a temporary SQLite store named after the test.
  explicit TestServer(ServerOptions o = {}, bool with_store = true) {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    o.host = "127.0.0.1";
    o.port = 0;
    if (o.threads == 0) o.threads = 2;
    if (with_store && o.store_url.empty()) o.store_url = "sqlite:" + (fresh_dir(name) / "store.db").string();
    server = std::make_unique<Server>(shared_engine(), o);
    port = server->start();
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_read_timeout(60, 0);
    client->set_write_timeout(60, 0);
  }
  ~TestServer() { server->stop(); }

  httplib::Client& http() { return *client; }
};

inline nlohmann::json body_json(const httplib::Result& r) {
  if (!r) return nullptr;
  return nlohmann::json::parse(r->body, nullptr, false);
}

/// The error code of a JSON error body ("" when the body is not one).
inline std::string error_code(const httplib::Result& r) {
  nlohmann::json j = body_json(r);
  if (!j.is_object() || !j.contains("error")) return "";
  return j["error"].value("code", "");
}

}  // namespace dyad::testing
