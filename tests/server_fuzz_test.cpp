// Deterministic fuzzing of the request -> coder path: a few hundred mutated
// request bodies and queries (fixed seed) through the same Api::handle and the
// same byte decoding as the libFuzzer target tests/fuzz/server_request_fuzz.cpp.
// Every answer must be a 2xx or a 4xx with a JSON error body; no crash, no 5xx.
#include <gtest/gtest.h>

#include <random>

#include "fuzz/fuzz_request.h"
#include "server_fixture.h"

namespace dyad {
namespace {

std::vector<std::string> seeds() {
  std::string a = R"({"text":"France expelled two Iranian diplomats on Monday.","date":"2024-01-02","outlet":"Le Monde"})";
  std::string b = R"({"text":"Russia and China signed a trade agreement in Beijing.","id":"x1","title":"T","url":"u"})";
  return {
      std::string(1, '\0') + a,                        // POST /v1/code json
      std::string(1, '\1') + a + "\n" + b + "\n{}\n",  // ndjson
      std::string(1, '\2') + "Baku recalled its ambassador from Paris. Officials said talks would resume.",
      std::string(1, '\3') + b,                        // ingest
      std::string(1, '\4') + a + "\n" + b,             // ingest batch
      std::string(1, '\x85') + R"({"text":"Caf\u00e9 owners in Kyiv protested against the mayor."})",
      std::string(1, '\6') + "dyad=FRA:IRN&limit=3&from=2024-01-01&q=diplomats",
      std::string(1, '\7') + "by=week&actor=FRA",
      std::string(1, '\x08') + "limit=5&cameo=16",
      std::string(1, '\x09') + "limit=2&outlet=Le%20Monde",
      std::string(1, '\x0a') + "limit=1&cursor=1&q=Kyiv mayor",
      std::string(1, '\x0b') + "1",
      std::string(1, '\x0c') + "code",
  };
}

std::string mutate(std::string s, std::mt19937& rng, const std::vector<std::string>& pool) {
  static const std::string kTokens[] = {"\"", "{", "}", "[", "]", ",", ":", "\\u0000", "\\ud800", "\xff", "\xc3",
                                        "\n", "\0", "null", "1e999", "-", "|", "&", "=", "%", "\"text\":5",
                                        "\xe2\x80\xae", "\xf0\x9f\x87\xbf"};
  auto pos = [&](std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  int steps = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < steps; ++k) {
    switch (rng() % 6) {
      case 0:  // flip one byte (never the route byte, which keeps the mix of routes)
        if (s.size() > 1) s[1 + pos(s.size() - 1)] ^= static_cast<char>(1u << (rng() % 8));
        break;
      case 1: {  // insert a token
        const std::string& t = kTokens[rng() % std::size(kTokens)];
        s.insert(1 + pos(s.size()), t.size() ? t : std::string(1, '\0'));
        break;
      }
      case 2:  // cut a range
        if (s.size() > 2) {
          std::size_t at = 1 + pos(s.size() - 1);
          s.erase(at, pos(s.size() - at + 1));
        }
        break;
      case 3:  // duplicate a range
        if (s.size() > 2) {
          std::size_t at = 1 + pos(s.size() - 1);
          s.insert(at, s.substr(at, 1 + pos(std::min<std::size_t>(64, s.size() - at))));
        }
        break;
      case 4: {  // splice another seed's tail
        const std::string& o = pool[rng() % pool.size()];
        s = s.substr(0, 1 + pos(s.size())) + o.substr(std::min(o.size(), 1 + pos(o.size())));
        break;
      }
      default:  // another route for the same bytes
        s[0] = static_cast<char>(rng() & 0xff);
    }
  }
  return s;
}

TEST(ServerFuzz, MutatedRequestsGet2xxOr4xx) {
  auto dir = testing::fresh_dir("fuzz");
  fuzz::FuzzContext ctx(testing::shared_engine(), (dir / "store.db").string());
  std::vector<std::string> pool = seeds();
  std::mt19937 rng(20261129);
  int ok = 0, client_errors = 0;
  for (int i = 0; i < 400; ++i) {
    std::string input = i < static_cast<int>(pool.size()) ? pool[i] : mutate(pool[rng() % pool.size()], rng, pool);
    detail::ApiResponse res = ctx.api->handle(fuzz::request_from_bytes(input));
    ASSERT_TRUE(fuzz::acceptable(res)) << "case " << i << " status " << res.status << ": " << res.body;
    if (res.content_type == "application/json" && !res.body.empty()) {
      auto j = nlohmann::json::parse(res.body, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << "case " << i << ": response is not JSON";
      if (res.status >= 400) {
        EXPECT_TRUE(j.contains("error") && j["error"].contains("code") && j["error"].contains("message")) << res.body;
      }
    }
    (res.status < 300 ? ok : client_errors)++;
    if (i + 1 < static_cast<int>(pool.size())) {  // the last seed is a wrong method on purpose
      EXPECT_LT(res.status, 300) << "seed " << i << ": " << res.body;
    }
  }
  // Both outcomes occur, so the mutations reach past the parsers.
  EXPECT_GT(ok, 40);
  EXPECT_GT(client_errors, 40);
}

}  // namespace
}  // namespace dyad
