// HTTP API limits and failure modes: every 4xx the issue lists, the bearer
// token, CORS, /healthz under coding load, /metrics counters, static files.
// After each bad request the server must still answer.
#include <atomic>
#include <thread>

#include "dyad/store.h"
#include "server_fixture.h"

namespace dyad {
namespace {

using nlohmann::json;
using testing::body_json;
using testing::error_code;
using testing::TestServer;

void expect_alive(TestServer& s) {
  auto h = s.http().Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(h->body, "{\"status\":\"ok\"}\n");
}

// Ingest while another process bulk-loads the (empty) store: the load dedups
// in its own memory, so the store refuses other writers until it ends; the
// server says so with 503 store_busy and Retry-After, having stored nothing,
// and the same request succeeds once the load has ended.
TEST(ServerLimits, IngestDuringAKeylessBulkLoadIs503StoreBusy) {
  ServerOptions o;
  o.store_url = "sqlite:" + (testing::fresh_dir("store_busy") / "store.db").string();
  TestServer s(o);
  auto loader = EventStore::open(o.store_url);
  loader->begin_bulk_load();
  json art = {{"text", testing::example_article()}, {"id", "busy-1"}};
  auto r = s.http().Post("/v1/articles", art.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503) << r->body;
  EXPECT_EQ(error_code(r), "store_busy");
  EXPECT_EQ(r->get_header_value("Retry-After"), "60");
  EXPECT_EQ(loader->stats().articles, 0);
  expect_alive(s);
  loader->end_bulk_load();
  auto again = s.http().Post("/v1/articles", art.dump(), "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_TRUE(body_json(again)["results"][0]["stored"].get<bool>());
}

TEST(ServerLimits, MalformedAndMistypedBodiesAre400) {
  TestServer s({}, false);
  auto post = [&](const std::string& body, const char* type = "application/json") {
    return s.http().Post("/v1/code", body, type);
  };
  for (const char* body : {"{\"text\": \"x\",", "[1,2", "", "null", "[\"text\"]", "{\"text\": 5}",
                           "{\"text\": \"\"}", "{\"text\": \"a\", \"date\": 20240101}", "{\"text\": \"a\", \"date\": \"yesterday\"}",
                           "{\"text\": \"a\", \"outlet\": {\"x\": 1}}", "{\"text\": \"a\", \"outlet_country\": \"France\"}"}) {
    auto r = post(body);
    ASSERT_TRUE(r) << body;
    EXPECT_EQ(r->status, 400) << body << " -> " << r->body;
    EXPECT_EQ(error_code(r), "bad_request") << body;
  }
  auto form = post("{\"text\":\"a\"}", "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 415);
  EXPECT_EQ(error_code(form), "unsupported_media_type");
  auto latin1 = post("{\"text\":\"a\"}", "application/json; charset=latin1");
  EXPECT_EQ(latin1->status, 415);
  auto empty_batch = post("\n\n", "application/x-ndjson");
  EXPECT_EQ(empty_batch->status, 400);
  expect_alive(s);
}

TEST(ServerLimits, InvalidUtf8Is400UnlessLenient) {
  TestServer s({}, false);
  std::string body = "{\"text\": \"France expelled \xff\xfe Iranian diplomats.\"}";
  auto r = s.http().Post("/v1/code", body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("byte 26"), std::string::npos) << r->body;
  auto plain = s.http().Post("/v1/code", "Caf\xc3 au lait", "text/plain");
  EXPECT_EQ(plain->status, 400);
  auto lenient = s.http().Post("/v1/code?lenient=1", body, "application/json");
  ASSERT_TRUE(lenient);
  ASSERT_EQ(lenient->status, 200) << lenient->body;
  json j = json::parse(lenient->body);
  EXPECT_NE(j["text"].get<std::string>().find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
  EXPECT_FALSE(j["events"].empty());
  auto param = s.http().Get("/v1/code?x=%FF");
  EXPECT_EQ(param->status, 400);
  expect_alive(s);
}

TEST(ServerLimits, HugeBodiesAre413AndTheServerKeepsServing) {
  ServerOptions o;
  o.max_body = 1u << 20;
  TestServer s(o, false);
  std::string big(50u << 20, 'a');  // 50 MB, announced by Content-Length
  auto r = s.http().Post("/v1/code", big, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(error_code(r), "payload_too_large");
  // Chunked: no Content-Length, so the server must stop reading by itself.
  std::size_t sent = 0;
  auto chunked = s.http().Post(
      "/v1/code",
      [&](std::size_t, httplib::DataSink& sink) {
        std::string chunk(64u << 10, 'b');
        if (sent >= (8u << 20)) {
          sink.done();
          return true;
        }
        sent += chunk.size();
        return sink.write(chunk.data(), chunk.size());
      },
      "text/plain");
  if (chunked) {  // the server may close before the client has written everything
    EXPECT_EQ(chunked->status, 413);
  }
  expect_alive(s);
  auto small = s.http().Post("/v1/code", "France expelled two Iranian diplomats.", "text/plain");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST(ServerLimits, UnknownRoutesMethodsAndParameters) {
  TestServer s;
  auto nope = s.http().Get("/v1/nope");
  ASSERT_TRUE(nope);
  EXPECT_EQ(nope->status, 404);
  EXPECT_EQ(error_code(nope), "not_found");
  auto del = s.http().Delete("/v1/code");
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(error_code(del), "method_not_allowed");
  EXPECT_EQ(del->get_header_value("Allow"), "POST, OPTIONS");
  auto get_code = s.http().Get("/v1/code");
  EXPECT_EQ(get_code->status, 405);
  auto put = s.http().Put("/v1/events", "x", "text/plain");
  EXPECT_EQ(put->status, 405);
  auto post_static = s.http().Post("/index.html", "x", "text/plain");
  EXPECT_EQ(post_static->status, 405);
  for (const char* q : {"/v1/events?actr=FRA", "/v1/events?from=yesterday", "/v1/events?limit=0",
                        "/v1/events?limit=abc", "/v1/events?limit=5000", "/v1/events?cursor=zzz",
                        "/v1/events?cursor=2024-01-01%7Cx", "/v1/events?dyad=FRA", "/v1/events?modality=maybe",
                        "/v1/events?cameo=1'1", "/v1/timeline?by=year", "/v1/articles?cursor=-1",
                        "/v1/actors?limit=-3", "/v1/articles/1?x=1"}) {
    auto r = s.http().Get(q);
    ASSERT_TRUE(r) << q;
    EXPECT_EQ(r->status, 400) << q << " -> " << r->body;
    EXPECT_EQ(error_code(r), "bad_request") << q;
  }
  EXPECT_EQ(s.http().Get("/v1/articles/999")->status, 404);
  EXPECT_EQ(s.http().Get("/v1/articles/abc")->status, 404);
  // SQL in a value is a value.
  auto inj = s.http().Get("/v1/events?outlet=x%27%20OR%20%271%27%3D%271");
  ASSERT_EQ(inj->status, 200);
  EXPECT_TRUE(json::parse(inj->body)["events"].empty());
  expect_alive(s);
}

TEST(ServerLimits, BearerTokenGuardsIngestOnly) {
  ServerOptions o;
  o.token = "s3cret-token-0123456789";
  TestServer s(o);
  std::string body = "{\"text\":\"France expelled two Iranian diplomats.\"}";
  auto none = s.http().Post("/v1/articles", body, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(error_code(none), "unauthorized");
  EXPECT_FALSE(none->get_header_value("WWW-Authenticate").empty());
  auto wrong = s.http().Post("/v1/articles", {{"Authorization", "Bearer s3cret-token-0123456788"}}, body,
                             "application/json");
  EXPECT_EQ(wrong->status, 401);
  auto prefix = s.http().Post("/v1/articles", {{"Authorization", "Bearer s3cret"}}, body, "application/json");
  EXPECT_EQ(prefix->status, 401);
  EXPECT_EQ(json::parse(s.http().Get("/v1/articles")->body)["articles"].size(), 0u);  // nothing was stored
  auto right = s.http().Post("/v1/articles", {{"Authorization", "Bearer " + o.token}}, body, "application/json");
  ASSERT_EQ(right->status, 200) << right->body;
  EXPECT_TRUE(json::parse(right->body)["results"][0]["stored"].get<bool>());
  // Reads and coding stay open.
  EXPECT_EQ(s.http().Get("/v1/articles")->status, 200);
  EXPECT_EQ(s.http().Post("/v1/code", body, "application/json")->status, 200);
}

TEST(ServerLimits, CorsHeadersOnlyWhenConfigured) {
  {
    TestServer s({}, false);
    auto r = s.http().Get("/healthz");
    EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));
  }
  ServerOptions o;
  o.cors_origin = "https://dash.example.org";
  TestServer s(o, false);
  auto r = s.http().Get("/healthz");
  EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "https://dash.example.org");
  auto pre = s.http().Options("/v1/code");
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->status, 204);
  EXPECT_NE(pre->get_header_value("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
}

TEST(ServerLimits, CodingPastTheDeadlineIs503Timeout) {
  ServerOptions o;
  o.timeout_ms = 1;
  TestServer s(o, false);
  std::string text;
  for (int i = 0; i < 20; ++i) text += testing::example_article() + "\n\n";
  auto r = s.http().Post("/v1/code", text, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(error_code(r), "timeout");
  expect_alive(s);
}

// /healthz is answered on its own connection thread without touching the
// coding pool, so it completes while slow coding requests are still running.
TEST(ServerLimits, HealthzAnswersWhileCodingIsBusy) {
  ServerOptions o;
  o.threads = 1;
  TestServer s(o, false);
  std::string text;
  for (int i = 0; i < 10; ++i) text += testing::example_article() + "\n\n";
  constexpr int kSlow = 4;
  std::atomic<int> finished{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kSlow; ++i) {
    clients.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", s.port);
      c.set_read_timeout(120, 0);
      auto r = c.Post("/v1/code", text + std::to_string(i), "text/plain");
      EXPECT_TRUE(r && r->status == 200);
      ++finished;
    });
  }
  // Probe only once the single worker is busy (the gauge in /metrics).
  for (int i = 0; i < 5000; ++i) {
    if (s.http().Get("/metrics")->body.find("dyad_coding_jobs{state=\"running\"} 1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  int healthy = 0;
  for (int i = 0; i < 5; ++i) {
    auto h = s.http().Get("/healthz");
    healthy += h && h->status == 200;
  }
  int done_when_healthy = finished.load();
  for (auto& t : clients) t.join();
  EXPECT_EQ(healthy, 5);
  EXPECT_LT(done_when_healthy, kSlow);  // the coding requests were still queued or running
  EXPECT_EQ(finished.load(), kSlow);
}

// The value of one series ("name{labels}") in a Prometheus text page; -1 if absent.
std::int64_t metric(const std::string& text, const std::string& series) {
  std::string line = "\n" + series + " ";
  std::size_t at = ("\n" + text).find(line);
  if (at == std::string::npos) return -1;
  return std::stoll(text.substr(at + line.size() - 1));
}

TEST(ServerLimits, MetricsCountRequestsAndEvents) {
  TestServer s({}, false);
  const std::string health = "dyad_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}";
  const std::string notfound = "dyad_http_requests_total{route=\"unknown\",method=\"GET\",status=\"404\"}";
  s.http().Get("/healthz");
  auto m1 = s.http().Get("/metrics");
  ASSERT_TRUE(m1);
  EXPECT_EQ(m1->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(metric(m1->body, health), 1);
  EXPECT_EQ(metric(m1->body, "dyad_events_coded_total"), 0);
  s.http().Get("/healthz");
  s.http().Get("/v1/nothing/here");
  s.http().Get("/v1/other");
  auto code = s.http().Post("/v1/code", testing::example_article(), "text/plain");
  std::size_t events = json::parse(code->body)["events"].size();
  std::string m2 = s.http().Get("/metrics")->body;
  EXPECT_EQ(metric(m2, health), 2);
  EXPECT_EQ(metric(m2, notfound), 2);  // raw paths are not labels
  EXPECT_EQ(metric(m2, "dyad_events_coded_total"), static_cast<std::int64_t>(events));
  EXPECT_EQ(metric(m2, "dyad_articles_coded_total"), 1);
  EXPECT_EQ(metric(m2, "dyad_http_request_duration_seconds_count{route=\"/v1/code\"}"), 1);
  EXPECT_EQ(metric(m2, "dyad_http_request_duration_seconds_bucket{route=\"/v1/code\",le=\"+Inf\"}"), 1);
}

TEST(ServerLimits, StaticFilesAndAMissingDashboard) {
  auto web = testing::fresh_dir("web");
  std::filesystem::create_directories(web / "assets");
  std::ofstream(web / "index.html") << "<!doctype html><title>t</title>";
  std::ofstream(web / "assets" / "app-1.js") << "console.log(1)";
  std::ofstream(web / "assets" / "app-1.css") << "body{}";
  std::ofstream(web.parent_path() / "secret.txt") << "no";
  ServerOptions o;
  o.web_dir = web.string();
  TestServer s(o, false);
  auto idx = s.http().Get("/");
  ASSERT_EQ(idx->status, 200);
  EXPECT_EQ(idx->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(s.http().Get("/assets/app-1.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(s.http().Get("/assets/app-1.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(s.http().Get("/browse")->body, idx->body);  // client-side route
  EXPECT_EQ(s.http().Get("/assets/missing.js")->status, 404);
  EXPECT_EQ(s.http().Get("/../secret.txt")->status, 404);
  EXPECT_EQ(s.http().Get("/%2e%2e/secret.txt")->status, 404);

  ServerOptions none;
  none.web_dir = (web / "not-built").string();
  TestServer t(none, false);
  auto r = t.http().Get("/");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(error_code(r), "not_found");
  EXPECT_NE(r->body.find("not built"), std::string::npos);
  EXPECT_EQ(t.http().Get("/healthz")->status, 200);  // the API works without it
}

}  // namespace
}  // namespace dyad
