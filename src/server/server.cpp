// dyad::Server: cpp-httplib wired to the Api.
//
// Transport decisions (the API itself is in api.cpp):
// - every method is routed to one catch-all handler, so Api decides 404/405;
// - request bodies are read through a content reader that stops at max_body,
//   because httplib 0.11 enforces its payload limit only for Content-Length
//   bodies, not chunked ones;
// - connections run on a ConnectionQueue (a thread each, up to a cap) and the
//   listen backlog is raised from httplib's 5, so 1,000 simultaneous clients
//   connect without SYN retries and a health check is never queued behind them.
#include "dyad/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/parallel.h"
#include "dyad/error.h"
#include "server/api.h"
#include "server/connection_queue.h"

namespace dyad {

struct Server::Impl {
  ServerOptions options;
  const Engine& engine;
  detail::Metrics metrics;
  std::unique_ptr<detail::StorePool> store;
  std::unique_ptr<detail::CodingPool> pool;
  std::unique_ptr<detail::Api> api;
  httplib::Server http;
  std::thread listener;
  std::atomic<int> listen_fd{-1};
  std::atomic<bool> listen_done{false};
  int port = 0;
  bool started = false;
  std::mutex life;               // start() / stop() against each other
  std::condition_variable ended;  // wait() until stop() has finished

  Impl(const Engine& e, ServerOptions o) : options(std::move(o)), engine(e) {}
  void serve(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
};

namespace {

detail::ApiRequest to_api(const httplib::Request& req) {
  detail::ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  for (const auto& [k, v] : req.headers) {
    std::string name = k;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    r.headers.emplace(std::move(name), v);
  }
  return r;
}

// httplib compresses an in-memory body on every request whose client accepts
// br or gzip, Brotli at its slowest setting (4.4 s of CPU for the dashboard's
// 756 kB map, ~0.5 s for a large /v1/code answer). A fixed-length content
// provider is sent as it is; loopback and LAN clients lose nothing by that.
// Error answers (small) stay in-memory bodies: httplib hands a 4xx/5xx with an
// empty body to the error handler, which would replace it with a generic one.
void send_body(httplib::Response& res, std::string body, const std::string& type) {
  if (body.empty() || res.status >= 400) {
    res.set_content(body, type.c_str());
    return;
  }
  auto data = std::make_shared<const std::string>(std::move(body));
  res.set_content_provider(data->size(), type, [data](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    return sink.write(data->data() + offset, length);
  });
}

}  // namespace

void Server::Impl::serve(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader) {
  detail::ApiRequest r = to_api(req);
  if (reader) {
    std::size_t limit = options.max_body;
    bool complete = (*reader)([&](const char* data, std::size_t n) {
      if (r.body.size() + n > limit) {
        r.body_too_large = true;
        return false;  // stop reading; the rest of the body is never buffered
      }
      r.body.append(data, n);
      return true;
    });
    // httplib refuses a Content-Length over the limit without calling us.
    if (!complete && !r.body_too_large) {
      if (req.get_header_value<std::uint64_t>("Content-Length") > limit) {
        r.body_too_large = true;
      } else {
        res.status = 400;
        res.set_header("Connection", "close");
        detail::ApiResponse e = detail::error_response(400, "bad_request", "the request body could not be read");
        res.set_content(e.body, e.content_type.c_str());
        return;
      }
    }
  } else {
    r.body = req.body;
  }
  detail::ApiResponse out = api->handle(r);
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  // The unread rest of a refused body would be parsed as the next request.
  if (r.body_too_large) res.set_header("Connection", "close");
  send_body(res, std::move(out.body), out.content_type);
}

Server::Server(const Engine& engine, ServerOptions options) : impl_(std::make_unique<Impl>(engine, std::move(options))) {
  ServerOptions& o = impl_->options;
  if (o.threads <= 0) o.threads = static_cast<int>(detail::usable_cores());
  // By default every connection may have a job waiting: a waiting request
  // sleeps on its job, while a refused one comes straight back (closed-loop
  // clients), and 1,000 threads spinning on 503s would starve /healthz of CPU.
  if (o.queue_limit <= 0) o.queue_limit = o.max_connections;
  if (!o.store_url.empty()) impl_->store = std::make_unique<detail::StorePool>(o.store_url, o.threads);
  impl_->pool = std::make_unique<detail::CodingPool>(o.threads, o.queue_limit);
  impl_->api = std::make_unique<detail::Api>(engine, impl_->options, impl_->store.get(), *impl_->pool, impl_->metrics);

  httplib::Server& h = impl_->http;
  Impl* self = impl_.get();
  int max_conn = o.max_connections;
  h.new_task_queue = [max_conn] { return new detail::ConnectionQueue(max_conn); };
  h.set_payload_max_length(o.max_body);
  h.set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, o.keep_alive_requests)));
  h.set_keep_alive_timeout(5);
  h.set_read_timeout(10, 0);
  h.set_write_timeout(10, 0);
  h.set_socket_options([self](socket_t fd) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    self->listen_fd = fd;  // only the listening socket passes through here
  });
  auto plain = [self](const httplib::Request& req, httplib::Response& res) { self->serve(req, res, nullptr); };
  auto with_body = [self](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& rd) {
    self->serve(req, res, &rd);
  };
  h.Get(".*", plain);
  h.Options(".*", plain);
  h.Post(".*", with_body);
  h.Put(".*", with_body);
  h.Patch(".*", with_body);
  h.Delete(".*", with_body);
  // httplib's own errors (malformed HTTP, 413 for a Content-Length over the
  // limit, unknown methods) come without a body: give them the JSON form.
  h.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string code = res.status == 413 ? "payload_too_large" : res.status == 404 ? "not_found" : "bad_request";
    std::string msg = res.status == 413 ? "request body is larger than the server's limit (dyad serve --max-body)"
                                        : "the request could not be handled (HTTP " + std::to_string(res.status) + ")";
    detail::ApiResponse e = detail::error_response(res.status, code, msg);
    res.set_content(e.body, e.content_type.c_str());
    return httplib::Server::HandlerResponse::Handled;
  }));
}

Server::~Server() { stop(); }

int Server::start() {
  Impl& s = *impl_;
  std::lock_guard lk(s.life);
  if (s.started) return s.port;
  int port = s.options.port == 0 ? s.http.bind_to_any_port(s.options.host) : s.options.port;
  if (s.options.port != 0 && !s.http.bind_to_port(s.options.host, s.options.port)) port = -1;
  if (port < 0) {
    throw Error("dyad serve: cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
                " (address in use or not local? pick another --listen HOST:PORT)");
  }
  // httplib listens with a backlog of 5; a second listen() raises it (Linux).
  if (s.listen_fd >= 0) ::listen(s.listen_fd, 4096);
  s.port = port;
  s.started = true;
  s.listen_done = false;
  s.listener = std::thread([&s] {
    s.http.listen_after_bind();
    s.listen_done = true;
  });
  // stop() is a no-op until the accept loop runs, so do not return before it does.
  while (!s.http.is_running() && !s.listen_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void Server::wait() {
  Impl& s = *impl_;
  std::unique_lock lk(s.life);
  s.ended.wait(lk, [&] { return !s.started; });
}

// Only stop() joins the listener (wait() waits for the flag), so the thread is
// never joined twice. listen_after_bind returns after httplib has joined every
// connection thread.
void Server::stop() {
  Impl& s = *impl_;
  std::lock_guard lk(s.life);
  if (!s.started) return;
  s.pool->shutdown();  // requests waiting for coding answer 503 now instead of at their deadline
  s.http.stop();
  if (s.listener.joinable()) s.listener.join();
  s.started = false;
  s.ended.notify_all();
}

int Server::port() const { return impl_->port; }

}  // namespace dyad
