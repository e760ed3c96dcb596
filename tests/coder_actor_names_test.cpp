// Actor rules of src/coder/actor_names.cpp (titled names, shared names, owned
// person nouns): sentences we wrote with hand-built parses, coded with the
// real data/ dictionaries.
#include <gtest/gtest.h>

#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;

// "Peru criticized Chile's new President Tomas Varga.": a name the KB lacks,
// under a title, owned by a country.
TEST(CoderActorNames, TitledNameTakesItsPossessiveCountry) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                         "Chile Chile PROPN NNP 7 nmod:poss", "'s 's PART POS 3 case", "new new ADJ JJ 6 amod",
                         "President President PROPN NNP 7 nmod:desc", "Tomas Tomas PROPN NNP 2 obj",
                         "Varga Varga PROPN NNP 7 flat", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "PER>CHLGOV");
}

// (session 13) "Moro" names a people of the Philippines, not Brazil's Sergio
// Moro: a bare surname that is also a people's name is no alias, and the
// Moro fronts are entries of their own.
TEST(CoderActorNames, MoroRebelsAreNotBrazilian) {
  auto ev = code_parsed({"Moro Moro PROPN NNP 2 compound", "rebels rebel NOUN NNS 3 nsubj", "attacked attack VERB VBD 0 root",
                         "a a DET DT 5 det", "village village NOUN NN 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "REB>-");
  auto front = code_parsed({"The the DET DT 5 det", "Moro Moro PROPN NNP 5 compound", "Islamic Islamic PROPN NNP 5 compound",
                            "Liberation Liberation PROPN NNP 5 compound", "Front Front PROPN NNP 6 nsubj",
                            "attacked attack VERB VBD 0 root", "a a DET DT 8 det", "village village NOUN NN 6 obj",
                            ". . PUNCT . 6 punct"});
  EXPECT_EQ(dyad_of(front, "19"), "PHLREBMLF>-");
}

// Without the country the title alone gives only the sector.
TEST(CoderActorNames, TitledNameWithoutCountryIsSectorOnly) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                         "President President PROPN NNP 4 nmod:desc", "Tomas Tomas PROPN NNP 2 obj",
                         "Varga Varga PROPN NNP 4 flat", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "PER>GOV");
}

// "President Tomas Varga of Chile criticized Peru." and "King Tomas of
// Chile criticized Peru.": the "of" phrase after the name, on the name or on
// the title's flat name.
TEST(CoderActorNames, TitledNameTakesAnOfCountryAfterIt) {
  auto ev = code_parsed({"President President PROPN NNP 2 nmod:desc", "Tomas Tomas PROPN NNP 7 nsubj",
                         "Varga Varga PROPN NNP 2 flat", "of of ADP IN 5 case", "Chile Chile PROPN NNP 2 nmod",
                         "sharply sharply ADV RB 7 advmod", "criticized criticize VERB VBD 0 root",
                         "Peru Peru PROPN NNP 7 obj", ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "CHLGOV>PER");
  auto king = code_parsed({"King King PROPN NNP 5 nsubj", "Tomas Tomas PROPN NNP 1 flat", "of of ADP IN 4 case",
                           "Chile Chile PROPN NNP 2 nmod", "criticized criticize VERB VBD 0 root",
                           "Peru Peru PROPN NNP 5 obj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(king, "11"), "CHLGOV>PER");
}

// "President Bush criticized Peru.": two presidents share the name; the one
// in office on the article date is meant.
TEST(CoderActorNames, SharedNamePicksThePersonInOfficeOnTheDate) {
  std::vector<std::string> rows = {"President President PROPN NNP 2 compound", "Bush Bush PROPN NNP 3 nsubj",
                                   "criticized criticize VERB VBD 0 root", "Peru Peru PROPN NNP 3 obj",
                                   ". . PUNCT . 3 punct"};
  auto early = code_parsed(rows, "1990-05-02");
  auto late = code_parsed(rows, "2004-05-02");
  ASSERT_FALSE(early.empty());
  ASSERT_FALSE(late.empty());
  ASSERT_TRUE(early[0].source && late[0].source);
  EXPECT_EQ(early[0].source->person, "George H. W. Bush");
  EXPECT_EQ(late[0].source->person, "George W. Bush");
  EXPECT_EQ(early[0].source->code, "USAGOV");
}

// "The Bush administration criticized Peru.": a person's name on an
// institution lends the person's country.
TEST(CoderActorNames, PersonOnAnInstitutionLendsTheCountry) {
  auto ev = code_parsed({"The the DET DT 3 det", "Bush Bush PROPN NNP 3 compound",
                         "administration administration NOUN NN 4 nsubj", "criticized criticize VERB VBD 0 root",
                         "Peru Peru PROPN NNP 4 obj", ". . PUNCT . 4 punct"},
                        "1991-02-01");
  EXPECT_EQ(dyad_of(ev, "11"), "USAGOV>PER");
}

// "Rebels hid in the bush and attacked Chile.": a lower-case word is no
// person's name even when it spells one.
TEST(CoderActorNames, LowerCaseWordIsNoPersonName) {
  auto ev = code_parsed({"The the DET DT 2 det", "bush bush NOUN NN 3 nsubj", "criticized criticize VERB VBD 0 root",
                         "Peru Peru PROPN NNP 3 obj", ". . PUNCT . 3 punct"},
                        "1991-02-01");
  EXPECT_EQ(dyad_of(ev, "11"), "->PER");
}

// "Lima's security chief criticized Chile.": a person noun owned by a
// capital is that country's.
TEST(CoderActorNames, PersonNounOwnedByACapitalTakesItsCountry) {
  auto ev = code_parsed({"Lima Lima PROPN NNP 4 nmod:poss", "'s 's PART POS 1 case", "security security NOUN NN 4 compound",
                         "chief chief NOUN NN 5 nsubj", "criticized criticize VERB VBD 0 root",
                         "Chile Chile PROPN NNP 5 obj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "PER>CHL");
}

// "Mitsotakis criticized Peru.": father (1990-93) and son (2019-) share the name.
TEST(CoderActorNames, SharedSurnameAcrossGenerations) {
  std::vector<std::string> rows = {"Mitsotakis Mitsotakis PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                                   "Peru Peru PROPN NNP 2 obj", ". . PUNCT . 2 punct"};
  auto early = code_parsed(rows, "1991-05-02");
  auto late = code_parsed(rows, "2021-05-02");
  ASSERT_TRUE(!early.empty() && !late.empty() && early[0].source && late[0].source);
  EXPECT_EQ(early[0].source->person, "Konstantinos Mitsotakis");
  EXPECT_EQ(late[0].source->person, "Kyriakos Mitsotakis");
}

// "Kampuchean guerrillas attacked Peru.": a former name's adjective.
TEST(CoderActorNames, FormerNameAdjective) {
  auto ev = code_parsed({"Kampuchean Kampuchean ADJ JJ 2 amod", "guerrillas guerrilla NOUN NNS 3 nsubj",
                         "attacked attack VERB VBD 0 root", "Peru Peru PROPN NNP 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(dyad_of(ev, "19"), "KHMREB>PER");
}

// "Inhabitants of the Chilean Lake District criticized Peru.": a place name
// the KB lacks lends the country of its adjective to an "of" phrase.
TEST(CoderActorNames, OfPhraseWithACountryAdjective) {
  auto ev = code_parsed({"Inhabitants inhabitant NOUN NNS 7 nsubj", "of of ADP IN 6 case", "the the DET DT 6 det",
                         "Chilean Chilean ADJ JJ 6 amod", "Lake Lake PROPN NNP 6 compound", "District District PROPN NNP 1 nmod",
                         "criticized criticize VERB VBD 0 root", "Peru Peru PROPN NNP 7 obj", ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "CHLCVL>PER");
}

// "Peru criticized rebels in Northern Ireland.": a constituent country of
// the UK is GBR, not Ireland.
TEST(CoderActorNames, NorthernIrelandIsBritish) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                         "rebels rebel NOUN NNS 2 obj", "in in ADP IN 6 case", "Northern Northern PROPN NNP 6 amod",
                         "Ireland Ireland PROPN NNP 3 nmod", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "11"), "PER>GBRREB");
}

// Data (session 12): "Tigrayan forces" are the TPLF's (before: MIL, no country).
TEST(CoderActorNames, TigrayanForcesAreTheTplf) {
  auto ev = code_parsed({"Tigrayan Tigrayan ADJ JJ 2 amod", "forces force NOUN NNS 3 nsubj",
                         "attacked attack VERB VBD 0 root", "Dessie Dessie PROPN NNP 3 obj", ". . PUNCT . 3 punct"});
  std::string d = dyad_of(ev, "19");
  EXPECT_EQ(d.substr(0, d.find('>')), "ETHREBTPL") << d;
}

}  // namespace

// A one-word name the dictionary capitalises is a name only where the text
// capitalises it: "turkey" in a cased sentence is the bird; in an all
// lower-case sentence case tells nothing and the name stands.
TEST(CoderActorNames, OneWordNameNeedsTheTextsCapital) {
  auto cased = code_parsed({"Greece Greece PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                            "Turkey Turkey PROPN NNP 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(cased, "11"), "GRC>TUR");
  auto bird = code_parsed({"Greece Greece PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                           "turkey turkey NOUN NN 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(bird, "11"), "GRC>-");
  auto lower = code_parsed({"greece greece PROPN NNP 2 nsubj", "criticized criticize VERB VBD 0 root",
                            "turkey turkey PROPN NNP 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(lower, "11"), "GRC>TUR");
}
