// Date cue tests: each cue kind against a fixed article date (Wed 2023-12-27).
#include <gtest/gtest.h>

#include <sstream>

#include "coder/dates.h"
#include "coder_parsed.h"

namespace dyad::detail {
namespace {

const CivilDate kArticle{2023, 12, 27};

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// The first cue in the (lower-case) sentence: "date precision".
std::string cue(const std::string& sentence, std::optional<CivilDate> article = kArticle) {
  auto cues = find_date_cues(words(sentence), article);
  if (cues.empty()) return "none";
  return format_date(cues[0].date) + " " + cues[0].precision;
}

TEST(CoderDates, Arithmetic) {
  EXPECT_EQ(weekday(kArticle), 2);  // Wednesday
  EXPECT_EQ(format_date(add_days({2024, 3, 1}, -1)), "2024-02-29");
  EXPECT_EQ(format_date(add_days({2023, 12, 31}, 1)), "2024-01-01");
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_FALSE(parse_iso_date("2023-02-30"));
  EXPECT_FALSE(parse_iso_date("27/12/2023"));
  ASSERT_TRUE(parse_iso_date("2023-12-27"));
}

TEST(CoderDates, RelativeDays) {
  EXPECT_EQ(cue("the ambassador was summoned yesterday"), "2023-12-26 day");
  EXPECT_EQ(cue("today , macron has every reason"), "2023-12-27 day");
  EXPECT_EQ(cue("they will meet tomorrow"), "2023-12-28 day");
  EXPECT_EQ(cue("two days ago the talks failed"), "2023-12-25 day");
}

TEST(CoderDates, Weekdays) {
  EXPECT_EQ(cue("they met on tuesday"), "2023-12-26 day");
  EXPECT_EQ(cue("they met on wednesday"), "2023-12-27 day");  // the article's own day
  EXPECT_EQ(cue("they met on thursday"), "2023-12-21 day");   // the past Thursday
  EXPECT_EQ(cue("they met last wednesday"), "2023-12-20 day");
  EXPECT_EQ(cue("they meet next monday"), "2024-01-01 day");
}

TEST(CoderDates, WeeksMonthsYears) {
  EXPECT_EQ(cue("the spies were caught last week"), "2023-12-18 week");
  EXPECT_EQ(cue("this week the talks resumed"), "2023-12-25 week");
  EXPECT_EQ(cue("last month paris protested"), "2023-11-01 month");
  EXPECT_EQ(cue("earlier this month paris protested"), "2023-12-01 month");
  EXPECT_EQ(cue("in early december the report appeared"), "2023-12-01 month");
  EXPECT_EQ(cue("in november 2022 they met"), "2022-11-01 month");
  EXPECT_EQ(cue("last year they met"), "2022-01-01 year");
  EXPECT_EQ(cue("in 2021 they met"), "2021-01-01 year");
}

TEST(CoderDates, CalendarDates) {
  EXPECT_EQ(cue("the joint declaration of december 7 shows"), "2023-12-07 day");
  EXPECT_EQ(cue("on 7 december they agreed"), "2023-12-07 day");
  EXPECT_EQ(cue("on 26 december 2023 they agreed"), "2023-12-26 day");
  EXPECT_EQ(cue("on december 26 , 2023 they agreed"), "2023-12-26 day");
  EXPECT_EQ(cue("on 2023-12-26 they agreed"), "2023-12-26 day");
  // a day/month far after the article date belongs to the previous year
  EXPECT_EQ(cue("on march 3 they met"), "2023-03-03 day");
  EXPECT_EQ(cue("on january 5 they will meet"), "2024-01-05 day");
}

TEST(CoderDates, WithoutArticleDateOnlyFullDates) {
  EXPECT_EQ(cue("they met yesterday", std::nullopt), "none");
  EXPECT_EQ(cue("on 26 december 2023 they met", std::nullopt), "2023-12-26 day");
  EXPECT_EQ(cue("they may meet", kArticle), "none");  // the modal is not the month
}

TEST(CoderDates, NearestCueToTrigger) {
  auto cues = find_date_cues(words("yesterday paris protested and on friday baku replied"), kArticle);
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(nearest_cue(cues, 2)->first, 0);  // "protested"
  EXPECT_EQ(nearest_cue(cues, 7)->first, 4);  // "replied" -> "on friday"
  EXPECT_EQ(nearest_cue({}, 3), nullptr);
}

TEST(CoderDates, Dateline) {
  auto d = find_dateline("Baku stuns Macron again\n\n27 December 2023 15:28\n\nAs we have already reported");
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2023-12-27");
  EXPECT_FALSE(find_dateline("No date here at all."));
}

}  // namespace
}  // namespace dyad::detail

namespace {

// A sentence's date cue carries on to the past-tense material acts of the
// next sentence of its paragraph that has no date words of its own.
std::vector<dyad::Event> two_sentences(const std::vector<std::string>& second, bool new_paragraph) {
  std::vector<std::string> rows = {"Kenya Kenya PROPN NNP 2 nsubj",   "arrested arrest VERB VBD 0 root",
                                   "two two NUM CD 5 nummod",         "Somali Somali ADJ JJ 5 amod",
                                   "journalists journalist NOUN NNS 2 obj", "yesterday yesterday NOUN NN 2 obl:tmod",
                                   ". . PUNCT . 2 punct",             ""};
  rows.insert(rows.end(), second.begin(), second.end());
  dyad::Document doc = dyad::testing::parsed_document(rows);
  doc.sentences[1].new_paragraph = new_paragraph;
  return dyad::testing::code_document(doc, "2024-03-14");
}

const std::vector<std::string> kDetained = {"Police police NOUN NNS 2 nsubj", "detained detain VERB VBD 0 root",
                                            "three three NUM CD 5 nummod", "Somali Somali ADJ JJ 5 amod",
                                            "activists activist NOUN NNS 2 obj", ". . PUNCT . 2 punct"};

TEST(CoderDates, NextSentencesPastActCarriesThePreviousCue) {
  auto ev = two_sentences(kDetained, false);
  const dyad::Event* d = dyad::testing::event_by_trigger(ev, "detained");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2024-03-13");
  EXPECT_FALSE(d->date_is_publication);
  EXPECT_EQ(d->date_cue, "yesterday");
  ASSERT_TRUE(d->date_cue_span.has_value());
  EXPECT_LT(d->date_cue_span->end, d->sentence_span.start);  // the cue's words are the previous sentence's
}

TEST(CoderDates, NoCarryIntoANewParagraphOrToStatements) {
  auto ev = two_sentences(kDetained, true);
  const dyad::Event* d = dyad::testing::event_by_trigger(ev, "detained");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date, "2024-03-14");
  EXPECT_TRUE(d->date_is_publication);
  auto said = two_sentences({"Somalia Somalia PROPN NNP 2 nsubj", "condemned condemn VERB VBD 0 root",
                             "Kenya Kenya PROPN NNP 2 obj", ". . PUNCT . 2 punct"},
                            false);
  const dyad::Event* c = dyad::testing::event_by_trigger(said, "condemned");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->date, "2024-03-14");  // a verbal reaction may come later
}

}  // namespace
