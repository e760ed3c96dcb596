// Browsing methods of the event store (articles, article, countries), run
// against every backend in store_backends(): the HTTP API serves these.
#include <gtest/gtest.h>

#include "dyad/error.h"
#include "store_fixture.h"

namespace dyad {
namespace {

using testing::add_event;
using testing::make_article;

class StoreBrowse : public testing::StoreBackendTest {
 protected:
  std::unique_ptr<EventStore> open_fresh() { return StoreBackendTest::open_fresh("browse_"); }
  // b1 (Azertac, AZE->FRA twice, FRA->FRA), b2 (Le Monde, FRA->AZE), b3 (Azertac, no events, undated).
  std::vector<std::int64_t> store_corpus(EventStore& s) {
    std::vector<testing::Fixture> v;
    v.push_back(make_article("b1", "Azertac", "2024-01-02", {"Baku expelled French diplomats.", "Paris fined Paris."}));
    add_event(v.back(), 0, "AZEGOV", "FRAGOV", "166", "2024-01-02", 4, -7.0);
    add_event(v.back(), 0, "AZE", "FRA", "111", "2024-01-02", 3, -2.0);
    add_event(v.back(), 1, "FRAGOV", "FRABUS", "163", "2024-01-02", 4, -8.0);
    v.push_back(make_article("b2", "Le Monde", "2024-02-10", {"France protested to Azerbaijan about blockades."}));
    add_event(v.back(), 0, "FRA", "AZE", "111", "2024-02-10", 3, -2.0);
    v.push_back(make_article("b3", "Azertac", "", {"Nothing happened today."}));
    v.back().article.date.reset();
    std::vector<std::int64_t> ids;
    for (const auto& f : v) {
      StoreResult r = s.add_article(f.article, f.coded);
      EXPECT_TRUE(r.stored);
      ids.push_back(r.article_id);
    }
    return ids;
  }
};

std::vector<std::string> doc_ids(const ArticlePage& p) {
  std::vector<std::string> out;
  for (const auto& a : p.articles) out.push_back(a.doc_id);
  return out;
}

TEST_P(StoreBrowse, ArticlePagesNewestFirstWithCursor) {
  auto s = open_fresh();
  store_corpus(*s);
  using V = std::vector<std::string>;
  ArticlePage p1 = s->articles({}, 2);
  EXPECT_EQ(doc_ids(p1), (V{"b3", "b2"}));
  ASSERT_FALSE(p1.next_cursor.empty());
  ArticlePage p2 = s->articles({}, 2, p1.next_cursor);
  EXPECT_EQ(doc_ids(p2), (V{"b1"}));
  EXPECT_TRUE(p2.next_cursor.empty());
  EXPECT_EQ(p2.articles[0].events, 3);
  EXPECT_EQ(p2.articles[0].sentences, 2);
  EXPECT_EQ(p2.articles[0].title, "Title b1");
  EXPECT_EQ(p2.articles[0].date.value_or(""), "2024-01-02");
  EXPECT_FALSE(p1.articles[0].date.has_value());
  EXPECT_THROW(s->articles({}, 2, "12abc"), Error);
  EXPECT_THROW(s->articles({}, 2, "1' OR 1=1 --"), Error);
}

TEST_P(StoreBrowse, ArticleFilters) {
  auto s = open_fresh();
  store_corpus(*s);
  using V = std::vector<std::string>;
  auto q = [&](auto setup) {
    ArticleFilter f;
    setup(f);
    return doc_ids(s->articles(f, 10));
  };
  EXPECT_EQ(q([](ArticleFilter& f) { f.outlet = "Azertac"; }), (V{"b3", "b1"}));
  EXPECT_EQ(q([](ArticleFilter& f) { f.from = "2024-02-01"; }), (V{"b2"}));
  EXPECT_EQ(q([](ArticleFilter& f) { f.to = "2024-01-31"; }), (V{"b1"}));
  EXPECT_EQ(q([](ArticleFilter& f) { f.text = "blockades"; }), (V{"b2"}));
  EXPECT_EQ(q([](ArticleFilter& f) { f.outlet = "x' OR '1'='1"; }), (V{}));
}

TEST_P(StoreBrowse, ArticleWithTextAndMentions) {
  auto s = open_fresh();
  auto ids = store_corpus(*s);
  auto a = s->article(ids[0]);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->info.doc_id, "b1");
  EXPECT_EQ(a->text, "Baku expelled French diplomats. Paris fined Paris.");
  ASSERT_EQ(a->mentions.size(), 3u);
  const Event& e = a->mentions[2].event;
  EXPECT_EQ(e.cameo, "163");
  EXPECT_EQ(e.sentence, 1);
  EXPECT_EQ(e.doc, "b1");
  EXPECT_EQ(e.sentence_text, "Paris fined Paris.");
  // Spans index the returned text.
  EXPECT_EQ(a->text.substr(e.sentence_span.start, e.sentence_span.end - e.sentence_span.start), e.sentence_text);
  // The AZE->FRA 111 mention of b1 and the one of b2 are different events (dates differ).
  EXPECT_NE(a->mentions[1].event_id, 0);
  auto b = s->article(ids[1]);
  ASSERT_TRUE(b.has_value());
  EXPECT_NE(b->mentions.at(0).event_id, a->mentions[1].event_id);
  auto ev = s->mentions(a->mentions[0].event_id);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "166");
  EXPECT_FALSE(s->article(ids.back() + 100).has_value());
  EXPECT_TRUE(s->article(ids[2])->mentions.empty());
}

TEST_P(StoreBrowse, CountriesAndCountryDyads) {
  auto s = open_fresh();
  store_corpus(*s);
  CountryReport r = s->countries({}, 10);
  ASSERT_EQ(r.countries.size(), 2u);
  EXPECT_EQ(r.countries[0].country, "FRA");  // 4 events: 3 as target of AZE / itself, 2 as source
  EXPECT_EQ(r.countries[0].events, 4);
  EXPECT_EQ(r.countries[0].as_source, 2);
  EXPECT_EQ(r.countries[0].as_target, 3);
  EXPECT_EQ(r.countries[1].country, "AZE");
  EXPECT_EQ(r.countries[1].events, 3);
  EXPECT_EQ(r.countries[1].as_source, 2);
  EXPECT_EQ(r.countries[1].as_target, 1);
  ASSERT_EQ(r.dyads.size(), 3u);
  EXPECT_EQ(r.dyads[0].source, "AZE");
  EXPECT_EQ(r.dyads[0].target, "FRA");
  EXPECT_EQ(r.dyads[0].events, 2);
  EventFilter f;
  f.from = "2024-02-01";
  r = s->countries(f, 1);
  ASSERT_EQ(r.countries.size(), 2u);
  EXPECT_EQ(r.countries[0].events, 1);
  ASSERT_EQ(r.dyads.size(), 1u);
  EXPECT_EQ(r.dyads[0].source, "FRA");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBrowse, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dyad
