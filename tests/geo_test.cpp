// Gazetteer and place resolution (include/dyad/geo.h, src/geo/). Tests that
// need the generated gazetteer skip only when it is absent (before
// `bash tools/install-deps.sh`); CI runs that script first.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "coder/sentence_view.h"
#include "dyad/error.h"
#include "dyad/geo.h"
#include "geo/place_adapter.h"

namespace dyad {
namespace {

const Gazetteer* shared_gazetteer() {
  static const std::optional<Gazetteer> g = []() -> std::optional<Gazetteer> {
    if (!std::filesystem::exists(Gazetteer::default_path())) return std::nullopt;
    return Gazetteer::load();
  }();
  return g ? &*g : nullptr;
}

#define NEED_GAZETTEER()                                                                        \
  const Gazetteer* gz = shared_gazetteer();                                                     \
  if (!gz) GTEST_SKIP() << "no gazetteer at " << Gazetteer::default_path()                      \
                        << " (bash tools/install-deps.sh, then rebuild)";                       \
  const Gazetteer& g = *gz

PlaceMatch best(const Gazetteer& g, std::string_view name, std::string_view hint = {}) {
  auto found = g.lookup(name, hint);
  EXPECT_FALSE(found.empty()) << name;
  return found.empty() ? PlaceMatch{} : found.front();
}

TEST(GeoFold, MatchesTheGeneratorsKeys) {
  EXPECT_EQ(fold_place_name("Nouméa"), "noumea");
  EXPECT_EQ(fold_place_name("NOUMEA"), "noumea");
  EXPECT_EQ(fold_place_name("Xankǝndi"), "xankendi");
  EXPECT_EQ(fold_place_name("Khān Yūnis"), "khan yunis");
  EXPECT_EQ(fold_place_name("N’Djaména"), "ndjamena");
  EXPECT_EQ(fold_place_name("N'Djamena"), "ndjamena");
  EXPECT_EQ(fold_place_name("St.-Petersburg"), "st petersburg");
  EXPECT_EQ(fold_place_name("  Łódź  Voivodeship "), "lodz voivodeship");
  EXPECT_EQ(fold_place_name("Nagorno-Karabakh"), "nagorno karabakh");
  EXPECT_EQ(fold_place_name("İstanbul"), "istanbul");
  EXPECT_EQ(fold_place_name("..."), "");
}

TEST(GeoGazetteer, Capitals) {
  NEED_GAZETTEER();
  PlaceMatch niamey = best(g, "Niamey");
  EXPECT_EQ(niamey.country, "NER");
  EXPECT_EQ(niamey.kind, PlaceKind::kCity);
  EXPECT_EQ(niamey.feature, "PPLC");
  EXPECT_EQ(niamey.admin1, "NE-8");
  EXPECT_NEAR(niamey.lat, 13.5, 0.2);
  EXPECT_NEAR(niamey.lon, 2.1, 0.2);
  EXPECT_EQ(best(g, "Baku").country, "AZE");
  EXPECT_EQ(best(g, "Kinshasa").country, "COD");
}

TEST(GeoGazetteer, BigCitiesAndOtherSpellings) {
  NEED_GAZETTEER();
  PlaceMatch mumbai = best(g, "Mumbai");
  EXPECT_EQ(mumbai.country, "IND");
  EXPECT_EQ(mumbai.admin1, "IN-MH");
  EXPECT_EQ(best(g, "Bombay").name, "Mumbai");
  EXPECT_EQ(best(g, "Bombay").matched_by, "alias");
  PlaceMatch kyiv = best(g, "Kyiv"), kiev = best(g, "Kiev");
  EXPECT_EQ(kyiv.country, "UKR");
  EXPECT_EQ(kiev.name, "Kyiv");
  EXPECT_EQ(kiev.lat, kyiv.lat);
  EXPECT_EQ(best(g, "Noumea").name, "Nouméa");
  EXPECT_EQ(best(g, "NOUMÉA").country, "NCL");
  EXPECT_EQ(best(g, "Stepanakert").country, "AZE");
  EXPECT_EQ(best(g, "Kramatorsk").country, "UKR");  // GeoNames: Kramators’k
  EXPECT_EQ(best(g, "Mykolaiv").population, best(g, "Nikolaev").population);
  EXPECT_GT(best(g, "Mykolaiv").population, 400000);  // the oblast capital, not the town near Lviv
  // The city, not the state, unless the text says so.
  EXPECT_EQ(best(g, "New York").kind, PlaceKind::kCity);
  EXPECT_EQ(best(g, "New York state").admin1, "US-NY");
  EXPECT_EQ(best(g, "Washington").admin1, "US-DC");
}

TEST(GeoGazetteer, AmbiguousNamesAndHints) {
  NEED_GAZETTEER();
  EXPECT_EQ(best(g, "Paris").country, "FRA");
  EXPECT_EQ(best(g, "Paris", "FRA").country, "FRA");
  // A hint decides between places of similar size, not against a capital far larger.
  EXPECT_EQ(best(g, "Paris", "USA").country, "FRA");
  EXPECT_EQ(best(g, "Paris").admin1, "FR-IDF");
  EXPECT_EQ(best(g, "Tripoli").country, "LBY");
  EXPECT_EQ(best(g, "Tripoli", "LBN").country, "LBN");
  EXPECT_EQ(best(g, "Hyderabad").country, "IND");
  EXPECT_EQ(best(g, "Hyderabad", "PAK").country, "PAK");
  PlaceMatch georgia = best(g, "Georgia");
  EXPECT_EQ(georgia.kind, PlaceKind::kCountry);
  EXPECT_EQ(georgia.country, "GEO");
  PlaceMatch us_state = best(g, "Georgia", "USA");
  EXPECT_EQ(us_state.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(us_state.admin1, "US-GA");
  EXPECT_EQ(best(g, "Punjab").country, "PAK");
  EXPECT_EQ(best(g, "Punjab", "IND").admin1, "IN-PB");
  // Every candidate is returned, best first.
  auto all = g.lookup("Paris");
  ASSERT_GE(all.size(), 3u);
  EXPECT_GE(all[0].score, all[1].score);
}

TEST(GeoGazetteer, Subdivisions) {
  NEED_GAZETTEER();
  EXPECT_EQ(best(g, "Donetsk").kind, PlaceKind::kCity);  // the city unless the text says region
  for (const char* q : {"Donetsk region", "Donetsk Oblast", "the Donetsk oblast", "Donetska oblast"}) {
    PlaceMatch m = best(g, q);
    EXPECT_EQ(m.kind, PlaceKind::kAdmin1) << q;
    EXPECT_EQ(m.admin1, "UA-14") << q;
    EXPECT_EQ(m.country, "UKR") << q;
  }
  EXPECT_EQ(best(g, "Donetsk region").matched_by, "name+type");
  PlaceMatch crimea = best(g, "Crimea");
  EXPECT_EQ(crimea.admin1, "UA-43");
  EXPECT_FALSE(std::isnan(crimea.lat));
  EXPECT_EQ(best(g, "Bavaria").admin1, "DE-BY");
  EXPECT_EQ(best(g, "Bayern").admin1, "DE-BY");  // the ISO name
  EXPECT_EQ(best(g, "Idlib governorate").admin1, "SY-ID");
  EXPECT_EQ(best(g, "Kyiv Oblast").admin1, "UA-32");
  EXPECT_EQ(best(g, "Texas").admin1, "US-TX");
  EXPECT_EQ(best(g, "Gaza Strip").country, "PSE");
}

TEST(GeoGazetteer, CountriesAndTerritories) {
  NEED_GAZETTEER();
  PlaceMatch nc = best(g, "New Caledonia");
  EXPECT_EQ(nc.kind, PlaceKind::kCountry);
  EXPECT_EQ(nc.country, "NCL");
  EXPECT_FALSE(std::isnan(nc.lat));  // the capital's point
  EXPECT_EQ(best(g, "Puerto Rico").country, "PRI");
  EXPECT_EQ(best(g, "Greenland").country, "GRL");
  EXPECT_EQ(best(g, "Russia").country, "RUS");
  EXPECT_EQ(best(g, "Ivory Coast").country, "CIV");
  EXPECT_EQ(best(g, "the United States").country, "USA");
  EXPECT_EQ(best(g, "Kosovo").country, "XKX");
  EXPECT_EQ(best(g, "State of Palestine").country, "PSE");
  EXPECT_EQ(best(g, "Singapore").kind, PlaceKind::kCountry);
}

TEST(GeoGazetteer, RegionsOutsideIso) {
  NEED_GAZETTEER();
  PlaceMatch nk = best(g, "Nagorno-Karabakh");
  EXPECT_EQ(nk.kind, PlaceKind::kRegion);
  EXPECT_EQ(nk.country, "AZE");
  EXPECT_EQ(best(g, "Karabakh").name, "Nagorno-Karabakh");
  EXPECT_EQ(best(g, "Darfur").country, "SDN");
  EXPECT_EQ(best(g, "Donbas region").name, "Donbas");
}

TEST(GeoGazetteer, MissingNames) {
  NEED_GAZETTEER();
  EXPECT_TRUE(g.lookup("Atlantis of the North").empty());
  EXPECT_TRUE(g.lookup("").empty());
  EXPECT_TRUE(g.lookup("  --  ").empty());
  EXPECT_TRUE(g.lookup("the").empty());
}

// Python's fold (generator) and C++'s fold (queries) must agree: every place
// must be found under its own name. Checks every 5th place of the file.
TEST(GeoGazetteer, EveryPlaceIsFoundUnderItsName) {
  NEED_GAZETTEER();
  std::ifstream in(g.path());
  std::string line;
  std::getline(in, line);
  std::size_t n = 0, checked = 0, missing = 0;
  std::string first_missing;
  while (std::getline(in, line) && n < g.size()) {
    if (line.empty() || line[0] == '#') continue;
    if (n++ % 5) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() < 3 || f[0] != "city") continue;
    ++checked;
    bool found = false;
    for (const PlaceMatch& m : g.lookup(f[1])) found = found || (m.name == f[1] && m.country == f[2]);
    if (!found && missing++ < 5) first_missing += f[1] + "; ";
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_EQ(missing, 0u) << "first: " << first_missing;
  EXPECT_EQ(g.lookup("The Hague").front().country, "NLD");
}

TEST(GeoGazetteer, LookupsAgreeAcrossThreads) {
  NEED_GAZETTEER();
  const char* names[] = {"Paris", "Kiev", "Donetsk region", "New Caledonia", "Tripoli"};
  std::vector<std::string> expect;
  for (const char* n : names) expect.push_back(best(g, n).name);
  std::vector<int> bad(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto found = g.lookup(names[i % 5]);
        if (found.empty() || found.front().name != expect[i % 5]) ++bad[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int b : bad) EXPECT_EQ(b, 0);
}

// --- malformed files -------------------------------------------------------

class GeoBadFile : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    path_ = (std::filesystem::temp_directory_path() /
             ("dyad_geo_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".tsv"))
                .string();
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  static std::string error_of(const std::string& path) {
    try {
      Gazetteer::load(path);
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }
  std::string path_;
};

constexpr const char* kHeader = "#dyad-gazetteer\t1\tplaces=2\tkeys=2\n";
constexpr const char* kPlaces =
    "country\tTestland\tTST\t\t\t1.5\t2.5\t1000\tISO3166-1\n"
    "city\tTest City\tTST\tTS-01\tNorth\t1.0\t2.0\t500\tPPLC\n";

TEST_F(GeoBadFile, ValidTinyFileLoads) {
  Gazetteer g = Gazetteer::load(write(std::string(kHeader) + kPlaces + "test city\t1\tn\ntestland\t0\tn\n"));
  EXPECT_EQ(g.size(), 2u);
  auto m = g.lookup("TEST CITY");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].admin1, "TS-01");
  EXPECT_EQ(m[0].feature, "PPLC");
}

TEST_F(GeoBadFile, MissingFileNamesPathAndFix) {
  std::string err = error_of("/nonexistent/dyad/gazetteer.tsv");
  EXPECT_NE(err.find("/nonexistent/dyad/gazetteer.tsv"), std::string::npos) << err;
  EXPECT_NE(err.find("bash tools/install-deps.sh"), std::string::npos) << err;
}

TEST_F(GeoBadFile, NotAGazetteer) {
  std::string p = write("name\tlat\tlon\nParis\t48\t2\n");
  std::string err = error_of(p);
  EXPECT_NE(err.find(p + ":1"), std::string::npos) << err;
  EXPECT_NE(err.find("not a dyad gazetteer"), std::string::npos) << err;
}

TEST_F(GeoBadFile, BadCoordinatesNameTheLine) {
  std::string text = std::string(kHeader) + "country\tTestland\tTST\t\t\t1.5\t2.5\t1000\tISO3166-1\n" +
                     "city\tTest City\tTST\t\t\t91x\t2.0\t500\tPPL\n" + "test city\t1\tn\ntestland\t0\tn\n";
  std::string err = error_of(write(text));
  EXPECT_NE(err.find(":3: bad coordinates"), std::string::npos) << err;
}

TEST_F(GeoBadFile, UnsortedKeys) {
  std::string err = error_of(write(std::string(kHeader) + kPlaces + "testland\t0\tn\ntest city\t1\tn\n"));
  EXPECT_NE(err.find("not sorted"), std::string::npos) << err;
}

TEST_F(GeoBadFile, TruncatedFile) {
  std::string err = error_of(write(std::string(kHeader) + kPlaces + "test city\t1\tn\n"));
  EXPECT_NE(err.find("truncated"), std::string::npos) << err;
}

TEST_F(GeoBadFile, KeyPointsPastThePlaces) {
  std::string err = error_of(write(std::string(kHeader) + kPlaces + "test city\t7\tn\ntestland\t0\tn\n"));
  EXPECT_NE(err.find(":4:"), std::string::npos) << err;
}

TEST(GeoGazetteerPath, EnvironmentOverrides) {
  const char* old = std::getenv("DYAD_GAZETTEER");
  std::string saved = old ? old : "";
  ::setenv("DYAD_GAZETTEER", "/tmp/elsewhere.tsv", 1);
  EXPECT_EQ(Gazetteer::default_path(), "/tmp/elsewhere.tsv");
  if (old) ::setenv("DYAD_GAZETTEER", saved.c_str(), 1); else ::unsetenv("DYAD_GAZETTEER");
  EXPECT_NE(Gazetteer::default_path(), "/tmp/elsewhere.tsv");
}

// --- the coder adapter ------------------------------------------------------

struct W {
  const char* form;
  const char* lemma;
  const char* upos;
  int head;  // 1-based, 0 = root
  const char* rel;
};

Sentence make_sentence(std::initializer_list<W> words) {
  Sentence s;
  std::size_t pos = 0;
  for (const W& w : words) {
    Word x;
    x.form = w.form;
    x.lemma = w.lemma;
    x.upos = w.upos;
    x.head = w.head;
    x.deprel = w.rel;
    x.span = Span{pos, pos + x.form.size()};
    pos += x.form.size() + 1;
    s.text += (s.text.empty() ? "" : " ") + x.form;
    s.words.push_back(x);
  }
  return s;
}

TEST(GeoPlaceAdapter, NamesAfterInResolve) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  // Protesters rallied in New Caledonia
  Sentence s = make_sentence({{"Protesters", "protester", "NOUN", 2, "nsubj"},
                              {"rallied", "rally", "VERB", 0, "root"},
                              {"in", "in", "ADP", 5, "case"},
                              {"New", "New", "PROPN", 5, "compound"},
                              {"Caledonia", "Caledonia", "PROPN", 2, "obl"}});
  detail::SentenceView v(s);
  auto p = places.lookup(v, 4);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->text, "New Caledonia");
  EXPECT_EQ(p->country, "NCL");
  EXPECT_EQ(p->kind, "country");
  EXPECT_EQ(p->span, (Span{22, 35}));
  auto m = places.match(v, 4, {});
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->kind, PlaceKind::kCountry);
}

TEST(GeoPlaceAdapter, RegionPhraseAndCapital) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  // Shelling in the Donetsk region ; talks in Niamey
  Sentence s = make_sentence({{"Shelling", "shelling", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 5, "case"},
                              {"the", "the", "DET", 5, "det"},
                              {"Donetsk", "Donetsk", "PROPN", 5, "compound"},
                              {"region", "region", "NOUN", 1, "nmod"}});
  detail::SentenceView v(s);
  auto p = places.lookup(v, 4);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->text, "Donetsk region");
  EXPECT_EQ(p->kind, "admin1");
  EXPECT_EQ(p->country, "UKR");
  Sentence t = make_sentence({{"talks", "talk", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 3, "case"},
                              {"Niamey", "Niamey", "PROPN", 1, "nmod"}});
  detail::SentenceView tv(t);
  auto q = places.lookup(tv, 2);
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->kind, "capital");
  EXPECT_EQ(q->country, "NER");
}

TEST(GeoPlaceAdapter, HyphenatedNamesJoin) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  // fighting in Nagorno-Karabakh (tokenized Nagorno - Karabakh, no spaces)
  Sentence s = make_sentence({{"fighting", "fighting", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 5, "case"},
                              {"Nagorno", "Nagorno", "PROPN", 5, "compound"},
                              {"-", "-", "PUNCT", 5, "punct"},
                              {"Karabakh", "Karabakh", "PROPN", 1, "nmod"}});
  s.words[2].space_after = false;
  s.words[3].space_after = false;
  detail::SentenceView v(s);
  auto p = places.lookup(v, 4);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->text, "Nagorno-Karabakh");
  EXPECT_EQ(p->kind, "region");
  EXPECT_EQ(p->country, "AZE");
}

TEST(GeoPlaceAdapter, CommonNounsAreNotPlaces) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  // met at home ; agreed in talks ; "Police" is a town in Poland, "police" is not a place
  Sentence s = make_sentence({{"met", "meet", "VERB", 0, "root"},
                              {"in", "in", "ADP", 3, "case"},
                              {"police", "police", "NOUN", 1, "obl"},
                              {"at", "at", "ADP", 5, "case"},
                              {"home", "home", "NOUN", 1, "obl"}});
  detail::SentenceView v(s);
  EXPECT_FALSE(places.lookup(v, 2).has_value());
  EXPECT_FALSE(places.lookup(v, 4).has_value());
  EXPECT_FALSE(places.lookup(v, 99).has_value());
}

TEST(GeoPlaceAdapter, SiteNamesMatchWholeOrNotAtAll) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  // students at Cumhuriyet University: GeoNames has a town called University (Florida)
  Sentence s = make_sentence({{"students", "student", "NOUN", 0, "root"},
                              {"at", "at", "ADP", 4, "case"},
                              {"Cumhuriyet", "Cumhuriyet", "PROPN", 4, "compound"},
                              {"University", "University", "PROPN", 1, "nmod"}});
  detail::SentenceView v(s);
  EXPECT_FALSE(places.lookup(v, 3).has_value());
  // ... while a name with a qualifier still falls back to the place it names: "in Greater Damascus"
  Sentence t = make_sentence({{"fighting", "fighting", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 4, "case"},
                              {"Greater", "Greater", "PROPN", 4, "compound"},
                              {"Damascus", "Damascus", "PROPN", 1, "nmod"}});
  detail::SentenceView tv(t);
  ASSERT_TRUE(places.lookup(tv, 3).has_value());
  EXPECT_EQ(places.lookup(tv, 3)->country, "SYR");
  // a geographic feature word alone is no place: "in the Gulf (of Oman)" is not Gulf Province, PNG
  Sentence u = make_sentence({{"seized", "seize", "VERB", 0, "root"},
                              {"in", "in", "ADP", 4, "case"},
                              {"the", "the", "DET", 4, "det"},
                              {"Gulf", "Gulf", "PROPN", 1, "obl"}});
  detail::SentenceView uv(u);
  EXPECT_FALSE(places.lookup(uv, 3).has_value());
  // nor is a compass word: "peace in the Middle East" is not East Region, Cameroon
  Sentence w = make_sentence({{"peace", "peace", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 5, "case"},
                              {"the", "the", "DET", 5, "det"},
                              {"Middle", "Middle", "ADJ", 5, "amod"},
                              {"East", "East", "PROPN", 1, "nmod"}});
  detail::SentenceView wv(w);
  EXPECT_FALSE(places.lookup(wv, 4).has_value());
}

TEST(GeoPlaceAdapter, HintDecidesBetweenSimilarPlaces) {
  NEED_GAZETTEER();
  detail::GazetteerPlaceLookup places(g);
  Sentence s = make_sentence({{"clashes", "clash", "NOUN", 0, "root"},
                              {"in", "in", "ADP", 3, "case"},
                              {"Tripoli", "Tripoli", "PROPN", 1, "nmod"}});
  detail::SentenceView v(s);
  EXPECT_EQ(places.lookup(v, 2)->country, "LBY");
  EXPECT_EQ(places.lookup(v, 2, "LBN")->country, "LBN");
}

}  // namespace
}  // namespace dyad
