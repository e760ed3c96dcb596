// Shared helpers for the store tests: hand-made articles and events (no NLP
// models needed) and StoreBackendTest, the base of the tests that run against
// both backends: SQLite always, PostgreSQL when DYAD_TEST_PG_URL names a
// server (tools/test.sh starts a throwaway one with tools/pg_test_server.sh);
// without it the PostgreSQL instances skip with a message saying so.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "dyad/store.h"
#include "store/pg_db.h"

namespace dyad::testing {

/// A fresh path under a per-process directory. remove_all, not remove: a
/// process id is reused, and an earlier test run (the Release suite before the
/// sanitizer suite in .ci/run) may have left a directory of that name full.
inline std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("dyad_store_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::filesystem::remove_all(p);
  std::filesystem::remove_all(p.string() + "-wal");
  std::filesystem::remove_all(p.string() + "-shm");
  return p.string();
}

inline Actor actor(const std::string& code, const std::string& text, std::size_t start) {
  Actor a;
  a.code = code;
  bool igo = code.rfind("IGO", 0) == 0;  // international bodies have no country
  a.country = igo || code.size() < 3 ? "" : code.substr(0, 3);
  a.sector = code.size() > 3 && !igo ? code.substr(3) : (igo ? code : "");
  a.text = text;
  a.span = {start, start + text.size()};
  a.via = "name";
  a.word = 0;
  return a;
}

inline Place place(const std::string& text, Span span, const std::string& country, const std::string& kind) {
  Place p;  // field by field: Place grows with the gazetteer
  p.text = text;
  p.span = span;
  p.country = country;
  p.kind = kind;
  return p;
}

/// An article whose text is `sentences` joined by spaces; Document built by hand.
struct Fixture {
  Article article;
  CodedArticle coded;
};

inline Fixture make_article(const std::string& id, const std::string& outlet, const std::string& date,
                            const std::vector<std::string>& sentences) {
  Fixture f;
  f.article.id = id;
  f.article.outlet = outlet;
  f.article.date = date;
  f.article.url = "https://example.org/" + id;
  f.article.title = "Title " + id;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i) f.article.text += ' ';
    Sentence s;
    s.span = {f.article.text.size(), f.article.text.size() + sentences[i].size()};
    s.text = sentences[i];
    f.article.text += sentences[i];
    f.coded.document.sentences.push_back(s);
  }
  f.coded.document.id = id;
  f.coded.document.text = f.article.text;
  return f;
}

/// Adds an event for sentence `si`: "<src> <verb> <tgt>" spans found in the sentence text.
inline Event& add_event(Fixture& f, int si, const std::string& src, const std::string& tgt, const std::string& cameo,
                        const std::string& date, int quad, double goldstein) {
  const Sentence& s = f.coded.document.sentences.at(si);
  Event e;
  e.doc = f.article.id;
  e.sentence = si;
  e.sentence_text = s.text;
  e.sentence_span = s.span;
  e.source = actor(src, src, s.span.start);
  e.target = actor(tgt, tgt, s.span.start + 1);
  e.cameo = cameo;
  e.label = "label " + cameo;
  e.plover = quad >= 3 ? "SANCTION" : "CONSULT";
  e.mode = "";
  e.context = "diplomatic";
  e.goldstein = goldstein;
  e.quad_class = quad;
  e.trigger_text = "x";
  e.trigger = {s.span.start + 2, s.span.start + 3};
  e.date = date;
  e.date_precision = date.empty() ? "" : "day";
  e.rule = "events/test.txt:1";
  e.confidence = 0.75;
  e.outlet = f.article.outlet;
  f.coded.events.push_back(e);
  return f.coded.events.back();
}

/// Stores `batch` with one add_articles call (one transaction, as ingest does).
inline void store_batch(EventStore& s, const std::vector<Fixture>& batch) {
  std::vector<const Article*> a;
  std::vector<const CodedArticle*> c;
  for (const auto& f : batch) {
    a.push_back(&f.article);
    c.push_back(&f.coded);
  }
  s.add_articles(a, c);
}

/// Backends under test: every test runs on both; PostgreSQL ones skip without a server.
inline std::vector<std::string> store_backends() { return {"sqlite", "postgresql"}; }

/// Parameterized by backend name. open_fresh() gives each test its own empty
/// store: a new SQLite file, or a new PostgreSQL schema (dropped afterwards),
/// so tests can run in parallel against one server.
class StoreBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && pg_url().empty()) {
      GTEST_SKIP() << "PostgreSQL backend not tested: set DYAD_TEST_PG_URL (tools/test.sh does, with "
                      "tools/pg_test_server.sh, when PostgreSQL is installed)";
    }
  }
  void TearDown() override {
    if (schemas_.empty()) return;
    dyad::detail::PgConn db(pg_url());
    for (const std::string& s : schemas_) db.exec("DROP SCHEMA IF EXISTS " + s + " CASCADE");
  }
  static std::string pg_url() {
    const char* u = std::getenv("DYAD_TEST_PG_URL");
    return u ? u : "";
  }
  std::string test_name() const {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    return name;
  }
  std::unique_ptr<EventStore> open_fresh(const std::string& prefix = "") {
    if (GetParam() == "sqlite") return EventStore::open("sqlite:" + temp_path(prefix + test_name() + ".db"));
    // Schema names are identifiers we build from [a-z0-9_] only, so they are safe to splice.
    std::string schema = ("t" + std::to_string(::getpid()) + "_" + std::to_string(schemas_.size()) + "_" + prefix +
                          test_name()).substr(0, 60);
    {
      dyad::detail::PgConn db(pg_url());
      db.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    }
    schemas_.push_back(schema);
    last_url_ = pg_url();
    last_url_ += last_url_.find('?') == std::string::npos ? "?" : "&";
    last_url_ += "options=-csearch_path%3D" + schema;
    return EventStore::open(last_url_);
  }
  /// The URL of the schema open_fresh() made last (PostgreSQL).
  const std::string& last_url() const { return last_url_; }

 private:
  std::vector<std::string> schemas_;
  std::string last_url_;
};

}  // namespace dyad::testing
