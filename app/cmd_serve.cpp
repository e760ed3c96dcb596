// `dyad serve`: the HTTP API and the dashboard (docs/server.md).
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.h"
#include "dyad/engine.h"
#include "dyad/error.h"
#include "dyad/server.h"

namespace dyad::cli {
namespace {

struct ServeArgs {
  std::string store = "dyad.db";
  std::string listen = "127.0.0.1:8080";
  std::string token_file;
  std::string web;
  int threads = 0;
  std::size_t max_body = 10u << 20;
  int timeout_ms = 10000;
  std::string cors;
  int max_connections = 2048;
  std::string model_dir;
  std::string dict_dir;
};

std::string read_token(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("--token-file " + path + ": cannot read it");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string t = ss.str();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(0, 1);
  if (t.size() < 16) throw Error("--token-file " + path + ": the token must be at least 16 characters (e.g. openssl rand -hex 32)");
  if (t.find_first_of(" \t\r\n") != std::string::npos) throw Error("--token-file " + path + ": the token must be one line without spaces");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077)) {
    std::cerr << "dyad serve: warning: " << path << " is readable by other users (chmod 600 it)\n";
  }
  return t;
}

void split_listen(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == listen.size()) {
    throw Error("--listen '" + listen + "' must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw Error("--listen '" + listen + "': the port must be 0..65535");
}

// Thousands of keep-alive clients need as many descriptors; take the hard limit.
void raise_fd_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
  }
}

void run_serve(const ServeArgs& a) {
  ServerOptions o;
  o.store_url = a.store;
  split_listen(a.listen, o.host, o.port);
  if (!a.token_file.empty()) o.token = read_token(a.token_file);
  o.web_dir = a.web;
  o.threads = a.threads;
  o.max_body = a.max_body;
  o.timeout_ms = a.timeout_ms;
  o.cors_origin = a.cors;
  o.max_connections = a.max_connections;
  raise_fd_limit();
  // SIGINT/SIGTERM are taken by a waiting thread (sigwait) so the server stops
  // cleanly: block them before any thread starts, so every thread inherits it.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  PipelineOptions nlp;
  nlp.model_dir = a.model_dir;
  CoderOptions coder;
  coder.dict_dir = a.dict_dir;
  const Engine engine = Engine::load(nlp, coder);
  Server server(engine, o);
  int port = server.start();
  std::cerr << "dyad serve: listening on http://" << (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host)
            << ":" << port << " (store " << o.store_url << ", " << (o.token.empty() ? "no token" : "token required for ingest")
            << ", dashboard " << (o.web_dir.empty() ? default_web_dir() : o.web_dir) << ")" << std::endl;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&sigs, &sig);
    std::cerr << "dyad serve: signal " << sig << ", stopping" << std::endl;
    server.stop();
  });
  server.wait();
  waiter.join();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API (/v1/...) and the web dashboard (docs/server.md)");
  cmd->add_option("--store", a->store, "sqlite:PATH, PATH or postgresql://... (default dyad.db)");
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 = any free port)");
  cmd->add_option("--token-file", a->token_file, "File holding the bearer token that POST /v1/articles requires");
  cmd->add_option("--web", a->web, "Directory of the built dashboard (default <build dir>/web)");
  cmd->add_option("--threads", a->threads, "Coding workers and store connections (default: all cores)");
  cmd->add_option("--max-body", a->max_body, "Largest request body in bytes; larger gets 413 (default 10485760)");
  cmd->add_option("--timeout-ms", a->timeout_ms, "Coding time per request before a 503 timeout (default 10000)")
      ->check(CLI::Range(1, 600000));
  cmd->add_option("--cors", a->cors, "Send Access-Control-Allow-Origin: ORIGIN (default: no CORS headers)");
  cmd->add_option("--max-connections", a->max_connections, "Connections served at once (default 2048)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--model-dir", a->model_dir, "Directory of tagger.dyadm / parser.dyadm");
  cmd->add_option("--dict-dir", a->dict_dir, "Dictionary directory (default: data/)");
  cmd->callback([a] {
    // A server that has sent a response must not die of SIGPIPE when the client has gone.
    ::signal(SIGPIPE, SIG_IGN);
    run_serve(*a);
  });
}

}  // namespace dyad::cli
