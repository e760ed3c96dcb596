// A verb pattern without target= takes the object, then a recipient phrase of
// the object, then one of the verb — the first that names an actor.
#include <gtest/gtest.h>


#include "dyad/engine.h"
#include "engine_fixture.h"

namespace {

using dyad::testing::models_present;

std::vector<dyad::Event> code(const std::string& text) { return dyad::testing::code_events(text); }

bool has(const std::vector<dyad::Event>& events, const std::string& src, const std::string& cameo,
         const std::string& tgt) {
  for (const auto& e : events) {
    if (e.source && e.source->code == src && e.cameo == cameo && e.target && e.target->code == tgt) return true;
  }
  return false;
}

TEST(CoderDefaultTarget, RecipientPhraseOfTheVerb) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  EXPECT_TRUE(has(code("Chile apologized to Peru."), "CHL", "055", "PER"));
}

TEST(CoderDefaultTarget, RecipientPhraseOfTheObject) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  EXPECT_TRUE(has(code("Egypt halted economic aid to Sudan."), "EGY", "162", "SDN"));
}

TEST(CoderDefaultTarget, ObjectStillWinsAndOnlyOneTargetIsKept) {
  if (!models_present()) GTEST_SKIP() << "models absent";
  std::vector<dyad::Event> events = code("Norway expelled two Russian diplomats on Monday.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].target ? events[0].target->country : "", "RUS");
}

}  // namespace
