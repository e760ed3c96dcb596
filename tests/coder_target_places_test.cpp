// The place acted upon as the target (src/coder/places.cpp, coder.cpp
// place_target): place-type nouns with a name on them, the place of an act's
// destination, an in-phrase hung on another oblique. Sentences we wrote,
// hand-built parses, the real data/ dictionaries.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Chile eased the curfew in the city of Arequipa.": the type noun's "of" name.
TEST(CoderTargetPlaces, PlaceTypeNounWithAnOfName) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "eased ease VERB VBD 0 root", "the the DET DT 4 det",
                         "curfew curfew NOUN NN 2 obj", "in in ADP IN 7 case", "the the DET DT 7 det",
                         "city city NOUN NN 2 obl", "of of ADP IN 9 case", "Arequipa Arequipa PROPN NNP 7 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "08"), "CHL>PER");
}

// "Chile eased the curfew in Cusco province.": a name before the type noun.
TEST(CoderTargetPlaces, PlaceTypeNounWithANameBeforeIt) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "eased ease VERB VBD 0 root", "the the DET DT 4 det",
                         "curfew curfew NOUN NN 2 obj", "in in ADP IN 7 case", "Cusco Cusco PROPN NNP 7 compound",
                         "province province NOUN NN 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "08"), "CHL>PER");
}

// "Chile eased the curfew in the province.": no name, no place, no target.
TEST(CoderTargetPlaces, PlaceTypeNounWithoutANameIsNoPlace) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "eased ease VERB VBD 0 root", "the the DET DT 4 det",
                         "curfew curfew NOUN NN 2 obj", "in in ADP IN 7 case", "the the DET DT 7 det",
                         "province province NOUN NN 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "08"), "CHL>-");
}

// "Chile dispatched warships to the port in Arequipa.": where the act is sent.
TEST(CoderTargetPlaces, DestinationPlaceIsTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "dispatched dispatch VERB VBD 0 root",
                         "warships warship NOUN NNS 2 obj", "to to ADP IN 6 case", "the the DET DT 6 det",
                         "port port NOUN NN 3 nmod", "in in ADP IN 8 case", "Arequipa Arequipa PROPN NNP 6 nmod",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "15"), "CHL>PER");
}

// "Chilean troops remained on alert in Arequipa.": the in-phrase the parser
// hung on "alert" still places the act.
TEST(CoderTargetPlaces, InPhraseOnAnotherObliqueIsThePlace) {
  auto ev = code_parsed({"Chilean Chilean ADJ JJ 2 amod", "troops troops NOUN NNS 3 nsubj", "remained remain VERB VBD 0 root",
                         "on on ADP IN 5 case", "alert alert NOUN NN 3 obl", "in in ADP IN 7 case",
                         "Arequipa Arequipa PROPN NNP 5 nmod", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "15"), "CHLMIL>PER");  // "troops" (its own lemma) is the military
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->country, "PER");
}

// "Pakistan carried out airstrikes on militant hideouts inside Iran.": the
// place of what the act was aimed at, two phrases under an object that names
// no actor, places it (and so gives its target).
TEST(CoderTargetPlaces, PlaceUnderTheObjectsAimIsThePlace) {
  auto ev = code_parsed({"Pakistan Pakistan PROPN NNP 2 nsubj", "carried carry VERB VBD 0 root",
                         "out out ADP RP 2 compound:prt", "airstrikes airstrike NOUN NNS 2 obj", "on on ADP IN 7 case",
                         "militant militant ADJ JJ 7 amod", "hideouts hideout NOUN NNS 4 nmod",
                         "inside inside ADP IN 9 case", "Iran Iran PROPN NNP 7 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "195"), "PAK>IRN");
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->country, "IRN");
}

// "Chile speeded up the withdrawal of forces from Arequipa.": forces with no
// country are the source's own; what the withdrawal leaves is the target.
TEST(CoderTargetPlaces, WithdrawalFromAPlaceTargetsThePlace) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "speeded speed VERB VBD 0 root", "up up ADP RP 2 compound:prt",
                         "the the DET DT 5 det", "withdrawal withdrawal NOUN NN 2 obj", "of of ADP IN 7 case",
                         "forces force NOUN NNS 5 nmod", "from from ADP IN 9 case", "Arequipa Arequipa PROPN NNP 2 obl",
                         ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "08"), "CHL>PER");
}

// "Chile withdrew Bolivian forces from Arequipa.": forces with a country stay the target.
TEST(CoderTargetPlaces, ForcesWithACountryStayTheTarget) {
  auto ev = code_parsed({"Chile Chile PROPN NNP 2 nsubj", "speeded speed VERB VBD 0 root", "up up ADP RP 2 compound:prt",
                         "the the DET DT 5 det", "withdrawal withdrawal NOUN NN 2 obj", "of of ADP IN 8 case",
                         "Bolivian Bolivian ADJ JJ 8 amod", "forces force NOUN NNS 5 nmod", "from from ADP IN 10 case",
                         "Arequipa Arequipa PROPN NNP 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "08"), "CHL>BOLMIL");
}

}  // namespace
