// HTTP API tests: a real server on a free loopback port, a temporary SQLite
// store, cpp-httplib's client. Coding, ingest and every read route.
#include <set>

#include "dyad/event.h"
#include "server_fixture.h"

namespace dyad {
namespace {

using nlohmann::json;
using testing::body_json;
using testing::TestServer;

// Every span of an event must slice `text` to the words it names.
void expect_spans_slice(const json& e, const std::string& text) {
  auto slice = [&](const json& span) {
    std::size_t s = span["start"].get<std::size_t>(), t = span["end"].get<std::size_t>();
    EXPECT_LE(s, t);
    EXPECT_LE(t, text.size());
    return text.substr(s, t - s);
  };
  EXPECT_EQ(slice(e["trigger"]), e["trigger"]["text"].get<std::string>());
  for (const char* side : {"source", "target"}) {
    if (!e[side].is_null()) {
      EXPECT_EQ(slice(e[side]), e[side]["text"].get<std::string>()) << side;
    }
  }
  std::size_t ss = e["sentence_start"].get<std::size_t>(), se = e["sentence_end"].get<std::size_t>();
  EXPECT_EQ(text.substr(ss, se - ss).size(), e["sentence_text"].get<std::string>().size());
}

TEST(ServerApi, CodeExampleArticleMatchesTheLibrary) {
  TestServer s({}, false);
  std::string text = testing::example_article();
  auto r = s.http().Post("/v1/code", text, "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  json j = body_json(r);
  EXPECT_EQ(j["text"], text);
  EXPECT_EQ(j["date"], "2024-03-12");  // the dateline, as `dyad code` finds it
  ASSERT_GT(j["events"].size(), 5u);
  for (const json& e : j["events"]) expect_spans_slice(e, text);

  // The same events as Engine::code on the same Article, field for field.
  Article a;
  a.id = j["doc"];
  a.text = text;
  a.date = "2024-03-12";
  CodedArticle c = testing::shared_engine().code(a);
  ASSERT_EQ(c.events.size(), j["events"].size());
  for (std::size_t i = 0; i < c.events.size(); ++i) EXPECT_EQ(event_to_json(c.events[i]), j["events"][i]);

  // The JSON form of the same request gives the same answer.
  auto rj = s.http().Post("/v1/code", json{{"text", text}, {"id", a.id}}.dump(), "application/json");
  ASSERT_TRUE(rj);
  EXPECT_EQ(body_json(rj)["events"], j["events"]);
}

// Responses go out uncompressed even to clients that accept br/gzip: httplib
// would otherwise Brotli-compress every body per request (seconds of CPU for
// the dashboard's map file).
TEST(ServerApi, ResponsesAreNotCompressedPerRequest) {
  TestServer s({}, false);
  httplib::Headers accept = {{"Accept-Encoding", "br, gzip"}};
  auto r = s.http().Post("/v1/code", accept, testing::example_article(), "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_FALSE(r->has_header("Content-Encoding"));
  EXPECT_EQ(r->get_header_value<std::uint64_t>("Content-Length"), r->body.size());
  EXPECT_TRUE(json::accept(r->body));
}

TEST(ServerApi, CodeBatchReportsEachLine) {
  TestServer s({}, false);
  std::string body = json{{"text", "France expelled two Azerbaijani diplomats."}, {"id", "a"}}.dump() + "\n" +
                     "{not json\n\n" + json{{"text", 7}}.dump() + "\n" +
                     json{{"text", "Russia met Iran."}, {"id", "b"}, {"date", "2024-01-02"}}.dump() + "\n";
  auto r = s.http().Post("/v1/code", body, "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json res = body_json(r)["results"];
  ASSERT_EQ(res.size(), 4u);
  EXPECT_EQ(res[0]["doc"], "a");
  ASSERT_FALSE(res[0]["events"].empty());
  EXPECT_EQ(res[0]["events"][0]["cameo"], "166");
  EXPECT_EQ(res[1]["line"], 2);
  EXPECT_EQ(res[1]["error"]["code"], "bad_request");
  EXPECT_EQ(res[2]["line"], 4);  // the blank line 3 is skipped
  EXPECT_NE(res[2]["error"]["message"].get<std::string>().find("\"text\" must be a string"), std::string::npos);
  EXPECT_EQ(res[3]["doc"], "b");
}

TEST(ServerApi, IngestThenReadEveryRoute) {
  TestServer s;
  std::string text = testing::example_article();
  json art = {{"text", text}, {"id", "norway-1"}, {"outlet", "Example Wire"}, {"title", "Envoy summoned"},
              {"url", "https://example.org/n1"}};
  auto r = s.http().Post("/v1/articles", art.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json first = body_json(r)["results"][0];
  EXPECT_TRUE(first["stored"].get<bool>());
  std::int64_t id = first["article_id"];
  int mentions = first["events"];
  ASSERT_GT(mentions, 5);
  // Posting it again stores nothing and names the same article.
  json again = body_json(s.http().Post("/v1/articles", art.dump(), "application/json"))["results"][0];
  EXPECT_FALSE(again["stored"].get<bool>());
  EXPECT_EQ(again["article_id"], id);

  json a = body_json(s.http().Get("/v1/articles/" + std::to_string(id)));
  EXPECT_EQ(a["text"], text);
  EXPECT_EQ(a["title"], "Envoy summoned");
  EXPECT_EQ(a["outlet"], "Example Wire");
  ASSERT_EQ(a["events"].size(), static_cast<std::size_t>(mentions));
  for (const json& e : a["events"]) {
    expect_spans_slice(e, text);
    EXPECT_GT(e["event_id"].get<std::int64_t>(), 0);
  }

  json ev = body_json(s.http().Get("/v1/events?limit=1000"));
  EXPECT_EQ(ev["events"].size(), first["new_events"].get<std::size_t>());
  EXPECT_TRUE(ev["next_cursor"].is_null());
  for (const json& e : ev["events"]) {
    EXPECT_EQ(e["article_id"], id);
    EXPECT_EQ(e["url"], "https://example.org/n1");
    EXPECT_GE(e["num_mentions"].get<int>(), 1);
  }
  json nor = body_json(s.http().Get("/v1/events?source=NOR&limit=1000"));
  ASSERT_FALSE(nor["events"].empty());
  for (const json& e : nor["events"]) EXPECT_EQ(e["source"]["country"], "NOR");

  json tl = body_json(s.http().Get("/v1/timeline?by=month"));
  EXPECT_EQ(tl["by"], "month");
  ASSERT_FALSE(tl["buckets"].empty());
  std::int64_t total = 0;
  for (const json& b : tl["buckets"]) {
    total += b["events"].get<std::int64_t>();
    EXPECT_EQ(b["quad"].size(), 4u);
  }
  std::int64_t dated = 0;
  for (const json& e : ev["events"]) dated += e["date"].is_string() && !e["date"].get<std::string>().empty();
  EXPECT_EQ(total, dated);

  json ac = body_json(s.http().Get("/v1/actors?limit=5"));
  ASSERT_FALSE(ac["actors"].empty());
  EXPECT_LE(ac["actors"].size(), 5u);
  json co = body_json(s.http().Get("/v1/countries"));
  std::set<std::string> countries;
  for (const json& c : co["countries"]) countries.insert(c["country"]);
  EXPECT_TRUE(countries.count("NOR"));
  EXPECT_TRUE(countries.count("RUS"));
  ASSERT_FALSE(co["dyads"].empty());

  json list = body_json(s.http().Get("/v1/articles"));
  ASSERT_EQ(list["articles"].size(), 1u);
  EXPECT_EQ(list["articles"][0]["id"], id);
  EXPECT_EQ(list["articles"][0]["events"], mentions);
  EXPECT_EQ(body_json(s.http().Get("/v1/articles?q=Murmansk"))["articles"].size(), 1u);
  EXPECT_EQ(body_json(s.http().Get("/v1/articles?q=Zanzibar"))["articles"].size(), 0u);
  // Words are words: FTS5 syntax in q is searched for, not executed.
  auto fts = s.http().Get("/v1/events?q=%22%29%20OR%20NEAR%28");
  ASSERT_TRUE(fts);
  EXPECT_EQ(fts->status, 200) << fts->body;
}

TEST(ServerApi, CursorPagesCoverEverythingOnce) {
  TestServer s;
  std::string batch;
  const char* countries[] = {"France", "Germany", "Russia", "Norway", "Japan", "Brazil", "Kenya"};
  for (int i = 0; i < 7; ++i) {
    // Appending instead of `"p" + std::to_string(i)`: GCC 12 -O3 reports a
    // false -Wrestrict on the latter.
    std::string id = "p", date = "2024-01-0";
    id += std::to_string(i);
    date += std::to_string(i + 1);
    batch += json{{"text", std::string(countries[i]) + " expelled two Iranian diplomats."},
                  {"id", id},
                  {"date", date}}
                 .dump() + "\n";
  }
  auto r = s.http().Post("/v1/articles", batch, "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  std::set<std::int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    httplib::Params p = {{"limit", "3"}};
    if (!cursor.empty()) p.emplace("cursor", cursor);
    json page = body_json(s.http().Get("/v1/events", p, httplib::Headers{}));
    for (const json& e : page["events"]) EXPECT_TRUE(seen.insert(e["id"].get<std::int64_t>()).second);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ASSERT_LT(++pages, 10);
  } while (!cursor.empty());
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(pages, 3);

  std::set<std::string> docs;
  cursor.clear();
  do {
    httplib::Params p = {{"limit", "2"}};
    if (!cursor.empty()) p.emplace("cursor", cursor);
    json page = body_json(s.http().Get("/v1/articles", p, httplib::Headers{}));
    for (const json& a : page["articles"]) EXPECT_TRUE(docs.insert(a["doc"].get<std::string>()).second);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
  } while (!cursor.empty());
  EXPECT_EQ(docs.size(), 7u);
  json dated = body_json(s.http().Get("/v1/articles?from=2024-01-03&to=2024-01-04"));
  EXPECT_EQ(dated["articles"].size(), 2u);
}

}  // namespace
}  // namespace dyad
