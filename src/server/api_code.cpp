// POST /v1/code and POST /v1/articles: articles are coded on the CodingPool
// under the request's deadline. A batch is split into one job per worker so
// its lines are coded in parallel; each job stops at the deadline, and lines
// it did not reach answer "timeout" (the finished ones are still returned or
// stored). Results go through shared state because a job may outlive a
// request that gave up on it.
#include <algorithm>
#include <chrono>
#include <mutex>

#include "dyad/error.h"
#include "dyad/event.h"
#include "dyad/store.h"
#include "server/api.h"
#include "server/api_input.h"

namespace dyad::detail {
namespace {

using Clock = std::chrono::steady_clock;

struct CodingResult {
  std::optional<CodedArticle> coded;
  std::optional<ApiError> error;
};

struct BatchState {
  std::mutex m;
  std::vector<Article> articles;
  std::vector<CodingResult> results;
  bool closed = false;  // the request answered; late results are dropped
};

ApiError timeout_error(int timeout_ms) {
  return ApiError{503, "timeout",
                  "coding did not finish within " + std::to_string(timeout_ms) +
                      " ms (dyad serve --timeout-ms); send shorter articles or smaller batches"};
}

ApiError overloaded_error() {
  return ApiError{503, "overloaded", "the coding queue is full; retry later", {{"Retry-After", "1"}}};
}

// Codes every article before `deadline`; results[i] holds the events or why not.
std::vector<CodingResult> code_all(const Engine& engine, CodingPool& pool, std::vector<Article> articles,
                                   Clock::time_point deadline, int timeout_ms) {
  auto state = std::make_shared<BatchState>();
  std::size_t n = articles.size();
  state->articles = std::move(articles);
  state->results.resize(n);
  std::size_t chunks = std::min<std::size_t>(n, static_cast<std::size_t>(pool.workers()));
  std::vector<std::shared_ptr<CodingPool::Job>> jobs;
  for (std::size_t c = 0; c < chunks; ++c) {
    auto job = pool.submit([state, c, chunks, n, deadline, &engine] {
      for (std::size_t i = c; i < n; i += chunks) {
        if (Clock::now() >= deadline) return;
        CodingResult r;
        try {
          r.coded = engine.code(state->articles[i]);
        } catch (const Error& e) {
          r.error = ApiError{400, "bad_request", e.what()};
        } catch (const std::exception& e) {
          r.error = ApiError{500, "internal", std::string("coding failed: ") + e.what()};
        }
        std::lock_guard lk(state->m);
        if (state->closed) return;
        state->results[i] = std::move(r);
      }
    });
    jobs.push_back(std::move(job));
  }
  std::vector<bool> refused(chunks, false);
  for (std::size_t c = 0; c < chunks; ++c) {
    if (!jobs[c]) {
      refused[c] = true;
      continue;
    }
    if (jobs[c]->wait_until(deadline) == CodingPool::Status::kOverloaded) refused[c] = true;
  }
  std::lock_guard lk(state->m);
  state->closed = true;
  std::vector<CodingResult> out = std::move(state->results);
  for (std::size_t i = 0; i < n; ++i) {
    if (out[i].coded || out[i].error) continue;
    out[i].error = refused[i % chunks] ? overloaded_error() : timeout_error(timeout_ms);
  }
  return out;
}

nlohmann::json error_json(const ApiError& e) { return {{"code", e.code}, {"message", e.message}}; }

nlohmann::json events_json(const std::vector<Event>& events) {
  nlohmann::json a = nlohmann::json::array();
  for (const Event& e : events) a.push_back(event_to_json(e));
  return a;
}

}  // namespace

ApiResponse Api::code(const ApiRequest& r) const {
  auto deadline = Clock::now() + std::chrono::milliseconds(options_.timeout_ms);
  ParsedBody body = parse_article_body(r, options_.max_body);
  std::vector<Article> articles;
  for (InputItem& item : body.items) {
    if (item.article) articles.push_back(*item.article);
  }
  std::vector<CodingResult> coded = code_all(engine_, pool_, std::move(articles), deadline, options_.timeout_ms);
  std::size_t k = 0, events = 0, done = 0;
  nlohmann::json results = nlohmann::json::array();
  for (InputItem& item : body.items) {
    if (item.error) {
      results.push_back({{"line", item.line}, {"error", error_json(*item.error)}});
      continue;
    }
    CodingResult& c = coded[k++];
    if (!body.batch) {
      if (c.error) {
        if (c.error->code == "timeout" || c.error->code == "overloaded") metrics_.add_rejected(c.error->code.c_str());
        throw *c.error;
      }
      metrics_.add_articles_coded(1);
      metrics_.add_events_coded(c.coded->events.size());
      const Article& a = *item.article;
      nlohmann::json j = {{"doc", a.id}, {"text", c.coded->document.text}, {"events", events_json(c.coded->events)}};
      j["date"] = a.date ? nlohmann::json(*a.date) : nlohmann::json(nullptr);
      return json_response(j);
    }
    if (c.error) {
      if (c.error->code == "timeout" || c.error->code == "overloaded") metrics_.add_rejected(c.error->code.c_str());
      results.push_back({{"line", item.line}, {"error", error_json(*c.error)}});
      continue;
    }
    ++done;
    events += c.coded->events.size();
    results.push_back({{"doc", item.article->id}, {"line", item.line}, {"events", events_json(c.coded->events)}});
  }
  metrics_.add_articles_coded(done);
  metrics_.add_events_coded(events);
  return json_response({{"results", results}});
}

// Ingest: the steps of `dyad ingest` (has_article, Engine::code, add_articles)
// for articles that arrive in a request instead of files. Articles already
// stored are not coded again; they go to add_articles with no events, which
// finds their content hash and returns the existing id without writing.
ApiResponse Api::ingest(const ApiRequest& r) const {
  auto deadline = Clock::now() + std::chrono::milliseconds(options_.timeout_ms);
  StorePool& pool = store();
  ParsedBody body = parse_article_body(r, options_.max_body);
  const std::size_t n = body.items.size();
  std::vector<bool> known(n, false);
  std::vector<Article> to_code;
  {
    auto s = pool.acquire();
    for (std::size_t i = 0; i < n; ++i) {
      if (!body.items[i].article) continue;
      known[i] = s->has_article(article_content_hash(*body.items[i].article));
      if (!known[i]) to_code.push_back(*body.items[i].article);
    }
  }
  std::vector<CodingResult> coded = code_all(engine_, pool_, to_code, deadline, options_.timeout_ms);
  const CodedArticle nothing;
  std::vector<const Article*> arts;
  std::vector<const CodedArticle*> codes;
  std::vector<std::optional<ApiError>> errors(n);
  std::vector<int> slot(n, -1);  // index into arts / the StoreResults
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    const InputItem& item = body.items[i];
    if (!item.article) {
      errors[i] = item.error;
      continue;
    }
    const CodedArticle* c = &nothing;
    if (!known[i]) {
      CodingResult& res = coded[k++];
      if (!res.coded) {
        if (res.error->code == "timeout" || res.error->code == "overloaded") metrics_.add_rejected(res.error->code.c_str());
        if (!body.batch) throw *res.error;
        errors[i] = res.error;
        continue;
      }
      c = &*res.coded;
    }
    slot[i] = static_cast<int>(arts.size());
    arts.push_back(&*item.article);
    codes.push_back(c);
  }
  std::vector<StoreResult> stored;
  if (!arts.empty()) {
    try {
      stored = pool.acquire()->add_articles(arts, codes);
    } catch (const StoreBusy& e) {  // nothing was written: the client may send the same request again
      throw ApiError{503, "store_busy", e.what(), {{"Retry-After", "60"}}};
    }
  }
  nlohmann::json results = nlohmann::json::array();
  std::size_t ingested = 0, events = 0;
  for (std::size_t i = 0; i < n; ++i) {
    nlohmann::json row;
    if (body.batch) row["line"] = body.items[i].line;
    if (slot[i] < 0) {
      row["error"] = error_json(*errors[i]);
    } else {
      const StoreResult& s = stored[static_cast<std::size_t>(slot[i])];
      ingested += s.stored ? 1 : 0;
      events += s.events;
      row.update({{"doc", body.items[i].article->id}, {"article_id", s.article_id}, {"stored", s.stored},
                  {"events", s.events}, {"new_events", s.new_events}});
    }
    results.push_back(std::move(row));
  }
  metrics_.add_articles_ingested(ingested);
  metrics_.add_articles_coded(static_cast<std::uint64_t>(
      std::count_if(coded.begin(), coded.end(), [](const CodingResult& c) { return c.coded.has_value(); })));
  metrics_.add_events_coded(events);
  return json_response({{"results", results}});
}

}  // namespace dyad::detail
