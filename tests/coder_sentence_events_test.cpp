// What the coder keeps of one sentence's events (src/coder/sentence_events.h):
// hand-built parses of sentences we wrote, the real data/ dictionaries.
#include <gtest/gtest.h>

#include <algorithm>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;

long count_code(const std::vector<dyad::Event>& ev, const std::string& cameo) {
  return std::count_if(ev.begin(), ev.end(), [&](const dyad::Event& e) { return e.cameo == cameo; });
}

// "sit down at the negotiating table with Baku": the verb and the noun it
// governs both code 046 with the same actors; one act, one event (the verb's).
TEST(CoderSentenceEvents, ActRestatedByItsOwnObliqueIsOneEvent) {
  auto ev = code_parsed({"Yerevan Yerevan PROPN NNP 2 nsubj", "sat sit VERB VBD 0 root",
                         "down down ADP RP 2 compound:prt", "at at ADP IN 7 case", "the the DET DT 7 det",
                         "negotiating negotiate VERB VBG 7 amod", "table table NOUN NN 2 obl", "with with ADP IN 9 case",
                         "Baku Baku PROPN NNP 7 nmod", ". . PUNCT . 2 punct"});
  ASSERT_EQ(count_code(ev, "046"), 1) << ev.size() << " events";
  const dyad::Event& e = *std::find_if(ev.begin(), ev.end(), [](const dyad::Event& x) { return x.cameo == "046"; });
  EXPECT_EQ(e.trigger_text, "sat");
  EXPECT_EQ(e.source ? e.source->code : "-", "ARMGOV");
  EXPECT_EQ(e.target ? e.target->code : "-", "AZEGOV");
}

// "organized a general strike": the same 143 from the verb and its object.
TEST(CoderSentenceEvents, ActRestatedByItsObjectIsOneEvent) {
  auto ev = code_parsed({"Nepalese Nepalese ADJ JJ 3 amod", "opposition opposition NOUN NN 3 compound",
                         "parties party NOUN NNS 4 nsubj", "organized organize VERB VBD 0 root", "a a DET DT 7 det",
                         "general general ADJ JJ 7 amod", "strike strike NOUN NN 4 obj", "in in ADP IN 9 case",
                         "Kathmandu Kathmandu PROPN NNP 4 obl", ". . PUNCT . 4 punct"});
  std::size_t strikes = 0;
  for (const auto& e : ev) strikes += e.cameo.starts_with("14");
  EXPECT_EQ(strikes, 1u) << ev.size() << " events";
}

// "Police fired tear gas at protesters in Tbilisi.": the gas's own 175 event,
// aimed only at the place's country (GEO), restates the firing's (GEOCOP ->
// GEOOPP): one event, the more specific one.
TEST(CoderSentenceEvents, ObjectsEventWithLessSpecificActorsIsOneEvent) {
  auto ev = code_parsed({"Police police NOUN NNS 2 nsubj", "fired fire VERB VBD 0 root", "tear tear NOUN NN 4 compound",
                         "gas gas NOUN NN 2 obj", "at at ADP IN 6 case", "protesters protester NOUN NNS 2 obl",
                         "in in ADP IN 8 case", "Tbilisi Tbilisi PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].trigger_text, "fired");
  EXPECT_EQ(ev[0].target ? ev[0].target->code : "-", "GEOOPP");
}

// "Riot police fired tear gas at demonstrators" read as one noun phrase
// (root "gas", "police" and "fired" its modifiers) is subject, verb, object;
// rubber bullets are riot control (175), not small arms (193).
TEST(CoderSentenceEvents, VerbInsideANominalRootIsTheClause) {
  auto ev = code_parsed({"Riot Riot PROPN NNP 5 compound", "police police NOUN NN 5 amod",
                         "fired fire VERB VBN 5 amod", "tear tear NOUN NN 5 compound", "gas gas NOUN NN 0 root",
                         "at at ADP IN 7 case", "demonstrators demonstrator NOUN NNS 5 nmod", ". . PUNCT . 5 punct"});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "175");
  EXPECT_EQ(ev[0].source ? ev[0].source->code : "-", "COP");
  EXPECT_EQ(ev[0].target ? ev[0].target->code : "-", "OPP");
  auto rubber = code_parsed({"Police police NOUN NNS 2 nsubj", "fired fire VERB VBD 0 root",
                             "rubber rubber NOUN NN 4 compound", "bullets bullet NOUN NNS 2 obj", "at at ADP IN 6 case",
                             "protesters protester NOUN NNS 2 obl", ". . PUNCT . 2 punct"});
  ASSERT_FALSE(rubber.empty());
  EXPECT_EQ(rubber[0].cameo, "175");
}

// "vowed to retaliate": the vow (1384, asserted) and its complement recoded to
// the same intent (1384, future) are one threat: the vow's event is kept.
TEST(CoderSentenceEvents, ActAnnouncedInTheComplementIsOneEvent) {
  auto ev = code_parsed({"Iran Iran PROPN NNP 2 nsubj", "vowed vow VERB VBD 0 root", "to to PART TO 4 mark",
                         "retaliate retaliate VERB VB 2 xcomp", "against against ADP IN 6 case",
                         "Israel Israel PROPN NNP 4 obl", ". . PUNCT . 2 punct"});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "1384");
  EXPECT_EQ(ev[0].trigger_text, "vowed");
  EXPECT_EQ(ev[0].modality, dyad::Modality::kAsserted);
  EXPECT_EQ(ev[0].target ? ev[0].target->code : "-", "ISR");
}

// "threatened to attack": the general threat (130) takes the complement's
// specific one (1384, threaten with military attack); one event, asserted.
TEST(CoderSentenceEvents, GeneralThreatTakesTheComplementsCode) {
  auto ev = code_parsed({"North North PROPN NNP 2 compound", "Korea Korea PROPN NNP 3 nsubj",
                         "threatened threaten VERB VBD 0 root", "to to PART TO 5 mark", "attack attack VERB VB 3 xcomp",
                         "South South PROPN NNP 7 compound", "Korea Korea PROPN NNP 5 obj", ". . PUNCT . 3 punct"});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "1384");
  EXPECT_EQ(ev[0].plover, "THREATEN");
  EXPECT_EQ(ev[0].trigger_text, "threatened");
  EXPECT_EQ(ev[0].modality, dyad::Modality::kAsserted);
  EXPECT_EQ(ev[0].source ? ev[0].source->code : "-", "PRK");
  EXPECT_EQ(ev[0].target ? ev[0].target->code : "-", "KOR");
}

// Two conjoined acts with the same code and actors stay two events.
TEST(CoderSentenceEvents, ConjoinedActsStayTwoEvents) {
  auto ev = code_parsed({"Ghana Ghana PROPN NNP 2 nsubj", "attacked attack VERB VBD 0 root",
                         "Togo Togo PROPN NNP 2 obj", "and and CCONJ CC 6 cc", "then then ADV RB 6 advmod",
                         "attacked attack VERB VBD 2 conj", "Togo Togo PROPN NNP 6 obj", "again again ADV RB 6 advmod",
                         ". . PUNCT . 2 punct"});
  std::size_t attacks = 0;
  for (const auto& e : ev) attacks += e.trigger_text == "attacked" && e.target && e.target->code == "TGO";
  EXPECT_EQ(attacks, 2u);
}

}  // namespace

namespace {

// (u) "The visit of the French president to Algeria was postponed." parsed
// (as our parser does) with "to Algeria" on "president": the destination is
// the visit's, the "of" phrase the visitor.
TEST(CoderSentenceEvents, VisitOfATravellerToADestination) {
  auto ev = code_parsed({"The the DET DT 2 det", "visit visit NOUN NN 10 nsubj", "of of ADP IN 6 case",
                         "the the DET DT 6 det", "French French ADJ JJ 6 amod", "president president NOUN NN 2 nmod",
                         "to to ADP IN 8 case", "Algeria Algeria PROPN NNP 6 nmod", "was be AUX VBD 10 cop",
                         "postponed postponed ADJ JJ 0 root", ". . PUNCT . 10 punct"});
  EXPECT_EQ(dyad::testing::dyad_of(ev, "042"), "FRAGOV>DZA");
}

}  // namespace
