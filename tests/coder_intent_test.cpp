// Announced acts are coded as intents (src/coder/intent.cpp): the table, and
// whole sentences we wrote.
#include <gtest/gtest.h>

#include "coder/intent.h"
#include "coder_parsed.h"
#include "dyad/engine.h"
#include "engine_fixture.h"

namespace {

TEST(CoderIntent, TableKeepsTheAnnouncedActsDetail) {
  using dyad::detail::intent_code;
  EXPECT_EQ(intent_code("0813"), "0351");  // lift a curfew -> intent to ease administrative sanctions
  EXPECT_EQ(intent_code("073"), "0333");   // humanitarian aid
  EXPECT_EQ(intent_code("042"), "036");    // a visit -> intent to meet
  EXPECT_EQ(intent_code("045"), "039");    // mediate
  EXPECT_EQ(intent_code("1723"), "1323");  // impose a curfew -> threaten to
  EXPECT_EQ(intent_code("163"), "1312");
  EXPECT_EQ(intent_code("1823"), "1383");
  EXPECT_EQ(intent_code("190"), "1384");
  EXPECT_EQ(intent_code("204"), "1385");
  EXPECT_EQ(intent_code("010"), "");  // verbal codes stay as they are
  EXPECT_EQ(intent_code("130"), "");
  EXPECT_EQ(intent_code("154"), "");  // a show of force is already a signal
}

std::vector<dyad::Event> code(const std::string& text) { return dyad::testing::code_events(text); }

using dyad::testing::event_by_trigger;

using dyad::testing::models_present;

TEST(CoderIntent, WillAndReadyToAreIntentsToCooperate) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  const auto events = code("Chile will lift the curfew in Santiago.");
  const dyad::Event* e = event_by_trigger(events, "lift");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0351");
  EXPECT_EQ(e->plover, "AGREE");
  EXPECT_EQ(e->modality, dyad::Modality::kFuture);
  const auto ready = code("Norway is ready to provide humanitarian aid to Sudan.");
  for (const auto& ev : ready) EXPECT_EQ(ev.plover, "AGREE") << ev.trigger_text;  // the noun "aid" too
  EXPECT_FALSE(ready.empty());
}

TEST(CoderIntent, ThreatenedActIsAThreatNotTheAct) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  // One event: the threat (the announced cut is its content, not a second act;
  // sentence_events.h, drop_restated).
  const auto events = code("Iran threatened to cut off oil supplies to Turkey.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].plover, "THREATEN");
  EXPECT_EQ(events[0].modality, dyad::Modality::kAsserted);
  EXPECT_EQ(events[0].target ? events[0].target->code : "", "TUR");
}

TEST(CoderIntent, DoneNegatedAndSpeculatedActsKeepTheirCode) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  const auto provided = code("Norway provided aid to Sudan.");
  const dyad::Event* done = event_by_trigger(provided, "provided");
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->plover, "AID");
  const auto not_provided = code("Norway will not provide aid to Sudan.");
  const dyad::Event* refused = event_by_trigger(not_provided, "provide");
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->plover, "AID");
  EXPECT_EQ(refused->modality, dyad::Modality::kNegated);
  const auto attack = code("Ghana could attack Togo.");
  const dyad::Event* could = event_by_trigger(attack, "attack");
  ASSERT_NE(could, nullptr);
  EXPECT_EQ(could->plover, "ASSAULT");
}

}  // namespace
