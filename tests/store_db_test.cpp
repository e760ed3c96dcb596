// Event store tests, run against every backend in store_backends().
#include <gtest/gtest.h>

#include "dyad/error.h"
#include "store_fixture.h"

namespace dyad {
namespace {

using testing::add_event;
using testing::make_article;

class StoreDb : public testing::StoreBackendTest {};

// Three articles about one event (AZE expels FRAGOV on 2023-12-27), two outlets.
std::vector<testing::Fixture> dedup_corpus() {
  std::vector<testing::Fixture> v;
  v.push_back(make_article("a1", "Azertac", "2023-12-27", {"Azerbaijan expelled French diplomats.", "They left."}));
  add_event(v.back(), 0, "AZE", "FRAGOV", "166", "2023-12-27", 4, -7.0);
  add_event(v.back(), 1, "AZE", "FRAGOV", "166", "2023-12-27", 4, -7.0);  // same event, second sentence
  v.push_back(make_article("a2", "Azertac", "2023-12-28", {"Baku expelled two French diplomats."}));
  add_event(v.back(), 0, "AZE", "FRAGOV", "166", "2023-12-27", 4, -7.0);
  v.push_back(make_article("a3", "Le Monde", "2023-12-29", {"France condemned the expulsion by Azerbaijan."}));
  add_event(v.back(), 0, "AZE", "FRAGOV", "166", "2023-12-27", 4, -7.0);
  add_event(v.back(), 0, "FRA", "AZE", "111", "2023-12-29", 3, -2.0);
  return v;
}

void store_all(EventStore& s, const std::vector<testing::Fixture>& v) {
  for (const auto& f : v) ASSERT_TRUE(s.add_article(f.article, f.coded).stored);
}

TEST_P(StoreDb, EveryEventFieldRoundTrips) {
  auto s = open_fresh();
  auto f = make_article("rt", "Azertac", "2023-12-27", {"Yesterday in Paris, Baku said it expelled him."});
  Event& e = add_event(f, 0, "AZEGOV", "FRA", "166", "2023-12-26", 4, -7.0);
  e.source->person = "Ilham Aliyev";
  e.source->antecedent = Span{3, 7};
  e.target->via = "pronoun";
  e.target->word = 7;
  e.location = testing::place("Paris", {13, 18}, "FRA", "capital");
  e.location->name = "Paris";
  e.location->admin1 = "FR-IDF";
  e.location->admin1_name = "Ile-de-France";
  e.location->lat = 48.8566;
  e.location->lon = 2.3522;
  e.date_cue = "Yesterday";
  e.date_cue_span = Span{0, 9};
  e.date_is_publication = false;
  e.modality = Modality::kReported;
  e.attributed_to = testing::actor("AZEGOV", "Baku", 20);
  e.outlet_partisan = true;
  e.explanation = Explanation{"expel <-nsubj- X", "a", "b", "said", "yesterday", "in Paris"};
  e.mode = "withdraw";
  auto r = s->add_article(f.article, f.coded);
  ASSERT_TRUE(r.stored);
  EXPECT_EQ(r.events, 1u);
  auto page = s->events({}, 10);
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(event_to_json(page.events[0].event), event_to_json(e));
  auto ms = s->mentions(page.events[0].id);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(event_to_json(ms[0]), event_to_json(e));
  EXPECT_EQ(page.events[0].url, "https://example.org/rt");
  EXPECT_EQ(page.events[0].title, "Title rt");
  EXPECT_EQ(page.events[0].place, "FRA:Paris");
}

TEST_P(StoreDb, ReingestIsIdempotent) {
  auto s = open_fresh();
  auto v = dedup_corpus();
  store_all(*s, v);
  StoreStats before = s->stats();
  for (const auto& f : v) {
    EXPECT_TRUE(s->has_article(article_content_hash(f.article)));
    EXPECT_FALSE(s->add_article(f.article, f.coded).stored);
  }
  StoreStats after = s->stats();
  EXPECT_EQ(after.articles, 3);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.events, before.events);
  EXPECT_EQ(after.sentences, 4);
}

TEST_P(StoreDb, DedupCountsMentionsArticlesSources) {
  auto s = open_fresh();
  store_all(*s, dedup_corpus());
  StoreStats st = s->stats();
  EXPECT_EQ(st.mentions, 5);
  EXPECT_EQ(st.events, 2);
  EventFilter f;
  f.cameo = "166";
  auto page = s->events(f, 10);
  ASSERT_EQ(page.events.size(), 1u);
  const StoredEvent& e = page.events[0];
  EXPECT_EQ(e.num_mentions, 4);
  EXPECT_EQ(e.num_articles, 3);
  EXPECT_EQ(e.num_sources, 2);
  EXPECT_EQ(e.first_seen, "2023-12-27");
  EXPECT_EQ(e.last_seen, "2023-12-29");
  EXPECT_EQ(e.event.doc, "a1");  // the first mention represents the group
  EXPECT_EQ(e.event.sentence_text, "Azerbaijan expelled French diplomats.");
  auto ms = s->mentions(e.id);
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[1].sentence, 1);
  EXPECT_EQ(ms[3].doc, "a3");
}

TEST_P(StoreDb, RegroupWithOtherKeys) {
  auto s = open_fresh();
  store_all(*s, dedup_corpus());
  auto g = s->regroup({"source", "target", "cameo", "date", "place"}, 1);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].num_mentions, 4);
  EXPECT_EQ(g[0].num_sources, 2);
  EXPECT_EQ(g[0].num_articles, 3);
  auto by_outlet = s->regroup({"cameo", "outlet"}, 1);
  ASSERT_EQ(by_outlet.size(), 3u);  // 166/Azertac (3), 166/Le Monde, 111/Le Monde
  EXPECT_EQ(by_outlet[0].key, (std::vector<std::string>{"166", "Azertac"}));
  EXPECT_EQ(by_outlet[0].num_mentions, 3);
  EXPECT_EQ(s->regroup({"root"}, 2).size(), 1u);
  EXPECT_THROW(s->regroup({"source; DROP TABLE events"}, 1), Error);
}

// A small corpus for the filters: one event per article, distinct keys.
std::vector<testing::Fixture> filter_corpus() {
  std::vector<testing::Fixture> v;
  auto add = [&](const std::string& id, const std::string& outlet, const std::string& sentence,
                 const std::string& src, const std::string& tgt, const std::string& cameo, const std::string& date,
                 int quad, double g) -> Event& {
    v.push_back(make_article(id, outlet, date, {sentence}));
    return add_event(v.back(), 0, src, tgt, cameo, date, quad, g);
  };
  add("f1", "Azertac", "Azerbaijan met France over the border.", "AZE", "FRA", "036", "2024-01-01", 1, 4.0);
  add("f2", "Azertac", "Baku expelled French diplomats.", "AZEGOV", "FRAGOV", "166", "2024-01-03", 4, -7.0);
  add("f3", "Le Monde", "France accused Azerbaijan of blockade.", "FRA", "AZE", "112", "2024-01-09", 3, -2.0);
  Event& e4 = add("f4", "Le Monde", "Russia sent aid to Armenia.", "RUS", "ARM", "0233", "2024-02-15", 2, 7.4);
  e4.location = testing::place("Yerevan", {0, 0}, "ARM", "capital");
  e4.modality = Modality::kAlleged;
  add("f5", "TASS", "The UN urged restraint.", "IGOUNO", "AZE", "1041", "2024-02-20", 3, -2.0);
  return v;
}

std::vector<std::string> docs(const EventPage& p) {
  std::vector<std::string> out;
  for (const auto& e : p.events) out.push_back(e.event.doc);
  return out;
}

TEST_P(StoreDb, EachFilterSelects) {
  auto s = open_fresh();
  store_all(*s, filter_corpus());
  using V = std::vector<std::string>;
  auto q = [&](auto setup) {
    EventFilter f;
    setup(f);
    return docs(s->events(f, 100));
  };
  EXPECT_EQ(q([](EventFilter&) {}), (V{"f5", "f4", "f3", "f2", "f1"}));
  EXPECT_EQ(q([](EventFilter& f) { f.source = "AZE"; }), (V{"f2", "f1"}));
  EXPECT_EQ(q([](EventFilter& f) { f.source = "AZEGOV"; }), (V{"f2"}));
  EXPECT_EQ(q([](EventFilter& f) { f.target = "AZE"; }), (V{"f5", "f3"}));
  EXPECT_EQ(q([](EventFilter& f) { f.actor = "FRA"; }), (V{"f3", "f2", "f1"}));
  EXPECT_EQ(q([](EventFilter& f) { f.actor = "IGO"; }), (V{}));  // a country filter
  EXPECT_EQ(q([](EventFilter& f) { f.actor = "IGO*"; }), (V{"f5"}));  // a code prefix
  EXPECT_EQ(q([](EventFilter& f) { set_dyad(f, "FRA:AZE"); }), (V{"f3"}));
  EXPECT_EQ(q([](EventFilter& f) { f.cameo = "1"; }), (V{"f5", "f3", "f2"}));
  EXPECT_EQ(q([](EventFilter& f) { f.cameo = "02"; }), (V{"f4"}));
  EXPECT_EQ(q([](EventFilter& f) { f.cameo = "166"; }), (V{"f2"}));
  EXPECT_EQ(q([](EventFilter& f) { f.plover = "CONSULT"; }), (V{"f4", "f1"}));
  EXPECT_EQ(q([](EventFilter& f) { f.modality = "alleged"; }), (V{"f4"}));
  EXPECT_EQ(q([](EventFilter& f) { f.from = "2024-01-03"; f.to = "2024-02-15"; }), (V{"f4", "f3", "f2"}));
  EXPECT_EQ(q([](EventFilter& f) { f.place = "ARM"; }), (V{"f4"}));
  EXPECT_EQ(q([](EventFilter& f) { f.place = "yerevan"; }), (V{"f4"}));
  EXPECT_EQ(q([](EventFilter& f) { f.outlet = "Le Monde"; }), (V{"f4", "f3"}));
  EXPECT_EQ(q([](EventFilter& f) { f.text = "diplomats"; }), (V{"f2"}));
  EXPECT_EQ(q([](EventFilter& f) { f.text = "blockade OR restraint"; }), (V{"f5", "f3"}));
  EXPECT_EQ(q([](EventFilter& f) { f.outlet = "x' OR '1'='1"; }), (V{}));
  EXPECT_THROW(q([](EventFilter& f) { f.text = "'; DROP TABLE events; --"; }), Error);  // FTS syntax, bound
  EXPECT_EQ(s->stats().events, 5);
  EXPECT_THROW({ EventFilter f; set_dyad(f, "AZE"); }, Error);
}

TEST_P(StoreDb, CursorPagesCoverEverythingOnce) {
  auto s = open_fresh();
  store_all(*s, filter_corpus());
  std::vector<std::string> all;
  std::string cursor;
  int pages = 0;
  do {
    auto p = s->events({}, 2, cursor);
    for (auto& d : docs(p)) all.push_back(d);
    cursor = p.next_cursor;
    ++pages;
  } while (!cursor.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(all, (std::vector<std::string>{"f5", "f4", "f3", "f2", "f1"}));
}

TEST_P(StoreDb, TimelineBuckets) {
  auto s = open_fresh();
  store_all(*s, filter_corpus());
  auto week = s->timeline({}, "week");
  ASSERT_EQ(week.size(), 4u);  // weeks of 2024-01-01 (Mon), 01-08, 02-12, 02-19
  EXPECT_EQ(week[0].period, "2024-01-01");
  EXPECT_EQ(week[0].events, 2);
  EXPECT_EQ(week[0].quad[0], 1);
  EXPECT_EQ(week[0].quad[3], 1);
  EXPECT_DOUBLE_EQ(week[0].goldstein_sum, -3.0);
  EXPECT_DOUBLE_EQ(week[0].goldstein_mean, -1.5);
  EXPECT_EQ(week[1].period, "2024-01-08");
  EXPECT_EQ(week[2].period, "2024-02-12");
  EXPECT_EQ(week[3].period, "2024-02-19");
  auto month = s->timeline({}, "month");
  ASSERT_EQ(month.size(), 2u);
  EXPECT_EQ(month[0].period, "2024-01-01");
  EXPECT_EQ(month[0].events, 3);
  EXPECT_EQ(month[1].quad[1], 1);
  EXPECT_EQ(month[1].quad[2], 1);
  EventFilter dy;
  set_dyad(dy, "AZE:FRA");
  auto day = s->timeline(dy, "day");
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[1].period, "2024-01-03");
  EXPECT_EQ(day[1].mentions, 1);
  EXPECT_THROW(s->timeline({}, "fortnight"), Error);
}

TEST_P(StoreDb, ActorsAndDyads) {
  auto s = open_fresh();
  store_all(*s, filter_corpus());
  EventFilter f;
  f.from = "2024-01-01";
  f.to = "2024-01-31";
  auto r = s->actors(f, 10);
  ASSERT_FALSE(r.actors.empty());
  EXPECT_EQ(r.actors[0].code, "AZE");  // f1 source, f3 target
  EXPECT_EQ(r.actors[0].events, 2);
  EXPECT_EQ(r.dyads.size(), 3u);
  EXPECT_EQ(s->stats().actors, 7);  // AZE AZEGOV FRA FRAGOV RUS ARM IGOUNO, over all time
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDb, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace dyad
