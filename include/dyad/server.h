// dyad — the HTTP API server (`dyad serve`, docs/server.md, docs/openapi.yaml).
//
// One Engine (models and dictionaries, read-only) serves every request; coding
// runs on a pool of `threads` workers (default: the cores) with a bounded
// queue, so a flood of requests gets fast 503s instead of unbounded latency,
// and cheap requests (/healthz, store reads) never wait behind coding.
// Connections get their own threads (up to max_connections), so many idle
// keep-alive connections can not starve a new one.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "dyad/engine.h"

namespace dyad {

struct ServerOptions {
  std::string store_url;          ///< Event store (EventStore::open); empty = no store: store routes answer 503.
  std::string host = "127.0.0.1";
  int port = 8080;                ///< 0 = any free port (see Server::port()).
  std::string token;              ///< Bearer token required by POST /v1/articles; empty = none required.
  std::string web_dir;            ///< Built dashboard; empty = default_web_dir().
  int threads = 0;                ///< Coding workers and store connections; 0 = hardware cores.
  std::size_t max_body = 10u << 20;  ///< Larger request bodies get 413.
  int timeout_ms = 10000;         ///< Coding time per request (queue wait included); then 503 "timeout".
  std::string cors_origin;        ///< Access-Control-Allow-Origin value; empty = no CORS headers.
  int max_connections = 2048;     ///< Concurrent connections served (each on its own thread).
  int queue_limit = 0;            ///< Coding jobs waiting for a worker; 0 = max_connections. Beyond: 503.
  int keep_alive_requests = 1000; ///< Requests per keep-alive connection before it is closed.
};

/// The build's dashboard directory: $DYAD_WEB_DIR if set, else <build dir>/web.
std::string default_web_dir();

class Server {
 public:
  /// `engine` must outlive the server. Opens the store (creating/migrating it).
  Server(const Engine& engine, ServerOptions options);
  ~Server();  ///< Stops if running.
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and starts serving on background threads; returns the bound port.
  /// Throws dyad::Error when the address can not be bound.
  int start();
  /// Blocks until stop() is called (from another thread or a signal handler thread).
  void wait();
  /// Stops accepting, finishes or cancels in-flight requests, joins all threads.
  void stop();
  int port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
