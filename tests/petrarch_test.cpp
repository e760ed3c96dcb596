// PETRARCH2/TABARI dictionary loader tests: small dictionaries in both verb
// formats written here (our own words, not PETRARCH's), actors with date
// restrictions, agents, discards, malformed lines reported as file:line, and
// a converted pattern coding a hand-parsed sentence through the Coder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "coder/petrarch_dict.h"
#include "dyad/coder.h"
#include "dyad/conllu.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using detail::Constraint;
using detail::Dictionary;
using detail::Pattern;
using detail::PetrarchReport;

class PetrarchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_petrarch_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::string p = (dir_ / name).string();
    std::ofstream(p) << text;
    return p;
  }

  fs::path dir_;
};

const char* kNewVerbs =
    "&ENVOY\n"
    "+AMBASSADOR\n"
    "+CONSUL_GENERAL\n"
    "\n"
    "--- EXPEL [---] ---\n"
    "EXPEL {EXPELS EXPELLED EXPELLING}\n"
    "+THROW_OUT [174]\n"
    "- * &ENVOY  [166]  # our example\n"
    "- * (FROM COUNTRY)  [174]\n"
    "- + * (BY $)  [175]\n"
    "- * {STUDENT VISA} [---]\n"
    "\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n"
    "+CALL_ON\n";

const char* kOldVerbs =
    "&TIES_\n"
    "+TRADE\n"
    "+TOURISM\n"
    "--- SEVER  [161]  ---\n"
    "SEVER\n"
    "- * LINKS &TIES  [162]\n"
    "- * &TIES  [165]\n"
    "- WILL NOT * [012]\n"
    "- *_OFF WITH + [163]\n"
    "- * LINKS_WITH + [164]\n";

TEST_F(PetrarchTest, NewFormatVerbsBecomeDependencyPatterns) {
  Dictionary d;
  PetrarchReport r;
  detail::load_petrarch_verbs(write("demo.verbs.txt", kNewVerbs), d, r);
  detail::finish_dictionary(d);
  EXPECT_TRUE(r.warnings.empty()) << r.summary();
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].counts["blocks"], 2);
  EXPECT_EQ(r.files[0].counts["patterns"], 4);
  EXPECT_EQ(r.files[0].counts["synsets"], 1);
  // The synset is a class with automatic plurals.
  ASSERT_TRUE(d.classes.count("p.envoy"));
  const auto& envoy = d.classes.at("p.envoy");
  EXPECT_NE(std::find(envoy.begin(), envoy.end(), std::vector<std::string>{"ambassadors"}), envoy.end());
  EXPECT_NE(std::find(envoy.begin(), envoy.end(), std::vector<std::string>{"consul", "generals"}), envoy.end());
  // "- * &ENVOY [166]" under EXPEL: obj=@p.envoy.
  const auto& ids = d.patterns_by_lemma.at("expel");
  const Pattern* p166 = nullptr;
  const Pattern* p175 = nullptr;
  for (int id : ids) {
    const Pattern& p = d.patterns[id];
    if (d.codes[p.code].cameo == "166") p166 = &p;
    if (d.codes[p.code].cameo == "175") p175 = &p;
  }
  ASSERT_NE(p166, nullptr);
  ASSERT_EQ(p166->constraints.size(), 1u);
  EXPECT_EQ(p166->constraints[0].kind, Constraint::Kind::kObj);
  EXPECT_EQ(p166->constraints[0].values, std::vector<std::string>{"@p.envoy"});
  // "- + * (BY $)": target is the subject, source the by-phrase.
  ASSERT_NE(p175, nullptr);
  EXPECT_EQ(p175->target_slot, "subj");
  EXPECT_EQ(p175->source_slot, "by");
  // The block code is null: the bare verb EXPEL codes nothing, THROW_+OUT_ codes 174 with particle "out".
  bool bare_expel = std::any_of(ids.begin(), ids.end(), [&](int id) { return d.patterns[id].constraints.empty(); });
  EXPECT_FALSE(bare_expel);
  const auto& throw_ids = d.patterns_by_lemma.at("throw");
  EXPECT_TRUE(std::any_of(throw_ids.begin(), throw_ids.end(), [&](int id) {
    return d.patterns[id].particle == "out" && d.codes[d.patterns[id].code].cameo == "174";
  }));
  // "042:043": the primary code; the multiword verb +CALL_ON is "call" with particle "on".
  const auto& call = d.patterns_by_lemma.at("call");
  ASSERT_FALSE(call.empty());
  EXPECT_EQ(d.patterns[call[0]].particle, "on");
  EXPECT_EQ(d.codes[d.patterns[call[0]].code].cameo, "042");
  EXPECT_EQ(r.lossy["secondary code of CODE:CODE (reverse-direction event) dropped"], 1);  // [042:043]
}

TEST_F(PetrarchTest, OldFormatVerbsUseSubtreeWords) {
  Dictionary d;
  PetrarchReport r;
  detail::load_petrarch_verbs(write("old.verbs.txt", kOldVerbs), d, r);
  detail::finish_dictionary(d);
  EXPECT_TRUE(r.warnings.empty()) << r.summary();
  int expanded = 0;
  for (int id : d.patterns_by_lemma.at("sever")) {
    const Pattern& p = d.patterns[id];
    const std::string& code = d.codes[p.code].cameo;
    if (code == "162") {
      ++expanded;  // one pattern per synset phrase ("&TIES_": no plurals)
      ASSERT_EQ(p.constraints.size(), 2u);
      EXPECT_EQ(p.constraints[0].kind, Constraint::Kind::kHas);
    }
    if (code == "163") {
      EXPECT_EQ(p.particle, "off");
      EXPECT_EQ(p.target_slot, "with");
    }
    if (code == "164") {
      EXPECT_EQ(p.target_slot, "with");
    }
    if (code == "165") {
      ASSERT_EQ(p.constraints.size(), 1u);  // a synset right after the verb is its object
      EXPECT_EQ(p.constraints[0].kind, Constraint::Kind::kObj);
    }
    if (code == "012") {
      ASSERT_EQ(p.constraints.size(), 2u);  // has=will, has=not
      EXPECT_EQ(p.constraints[1].values, std::vector<std::string>{"not"});
    }
  }
  EXPECT_EQ(expanded, 2);
}

TEST_F(PetrarchTest, ActorsWithDateRestrictions) {
  std::string path = write("demo.actors.txt",
                           "<!-- a test file\n spanning lines -->\n"
                           "NORLAND_  [NRL]\n+NORLANDIC\n"
                           "NORLAND_NAVY [NRLNAV]\n"
                           "JANE_ROE  [NRL]  # default\n"
                           "+MADAM_ROE\n"
                           "\t[NRLGOV 950101-991231]\n"
                           "\t[NRLELI >20000101]\n"
                           "\t[NRLOPP <941231]\n"
                           "NOBODY_IN_PARTICULAR  [---]\n");
  Dictionary d;
  PetrarchReport r;
  detail::load_petrarch_actors(path, d, r);
  EXPECT_TRUE(r.warnings.empty()) << r.summary();
  ASSERT_TRUE(d.country_by_code.count("NRL"));
  ASSERT_EQ(d.orgs.size(), 1u);
  EXPECT_EQ(d.orgs[0].code, "NRLNAV");
  EXPECT_EQ(d.orgs[0].country, "NRL");
  EXPECT_EQ(d.orgs[0].sector, "NAV");
  ASSERT_EQ(d.people.size(), 1u);
  const auto& roles = d.people[0].roles;
  ASSERT_EQ(roles.size(), 4u);
  EXPECT_EQ(roles[0].code, "NRL");  // the default
  EXPECT_EQ(roles[1].code, "NRLGOV");
  EXPECT_EQ(roles[1].from, 19950101);
  EXPECT_EQ(roles[1].to, 19991231);
  EXPECT_EQ(roles[2].from, 20000101);
  EXPECT_EQ(roles[3].to, 19941231);
  // NORLAND, NORLANDIC, NORLAND NAVY, JANE ROE, MADAM ROE
  EXPECT_EQ(d.phrases.entries.size(), 5u);
  EXPECT_EQ(r.lossy["actor without a code or with the null code --- (not loaded)"], 1);
}

TEST_F(PetrarchTest, AgentsAndDiscards) {
  std::string agents = write("demo.agents.txt",
                             "!STAFF! = CLERK, CLERKS\n"
                             "HARBOUR_MASTER [~GOV]\n"
                             "CONSTABULARY {} [~COP]\n"
                             "GOOSE_HERD {GEESE_HERDS} [~AGR]\n"
                             "CUSTOMS!STAFF! [~BRD]\n"
                             "CHARITY_WORKER [NGO~]\n");
  std::string discards = write("demo.discards.txt", "CHESS OLYMPIAD\n+GRAND_PRIX\n");
  Dictionary d;
  PetrarchReport r;
  detail::load_petrarch_agents(agents, d, r);
  detail::load_petrarch_discards(discards, d, r);
  detail::finish_dictionary(d);
  EXPECT_TRUE(r.warnings.empty()) << r.summary();
  auto has_phrase = [&](std::vector<std::string> w) {
    return std::any_of(d.phrases.entries.begin(), d.phrases.entries.end(), [&](const auto& e) { return e.words == w; });
  };
  EXPECT_TRUE(has_phrase({"harbour", "masters"}));
  EXPECT_TRUE(has_phrase({"constabulary"}));
  EXPECT_FALSE(has_phrase({"constabularies"}));
  EXPECT_TRUE(has_phrase({"geese", "herds"}));
  EXPECT_TRUE(has_phrase({"customsclerks"}));
  EXPECT_NE(std::find(d.sectors.begin(), d.sectors.end(), "BRD"), d.sectors.end());
  EXPECT_EQ(r.lossy["prefix agent code (CODE~): appended after the country instead of before"], 1);
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_TRUE(d.discards[0].scope_all);
  EXPECT_EQ(d.discards[0].terms[0], (std::vector<std::string>{"chess", "olympiad"}));
  EXPECT_EQ(d.discards[1].terms[0], (std::vector<std::string>{"grand", "prix"}));
}

TEST_F(PetrarchTest, MalformedLinesReportedWithFileAndLine) {
  std::string verbs = write("bad.verbs.txt",
                            "- * ORPHAN [010]\n"       // 1: before any block
                            "--- MEET [031] ---\n"
                            "MEET\n"
                            "- * TALKS\n"              // 4: no code
                            "- &UNDEFINED * [032]\n"   // 5: unknown synset
                            "- TALKS [033]\n");        // 6: no verb marker
  std::string actors = write("bad.actors.txt", "\t[XYZ 950101-991231]\nPERSON_A\n\t[ABC 9501-9912]\n");
  Dictionary d;
  PetrarchReport r;
  detail::load_petrarch_verbs(verbs, d, r);
  detail::load_petrarch_actors(actors, d, r);
  std::string all;
  for (const std::string& w : r.warnings) all += w + "\n";
  EXPECT_EQ(r.warnings.size(), 6u) << all;
  EXPECT_NE(all.find(verbs + ":1: pattern before any"), std::string::npos) << all;
  EXPECT_NE(all.find(verbs + ":4: pattern without a [CODE]"), std::string::npos) << all;
  EXPECT_NE(all.find(verbs + ":5: synset &UNDEFINED"), std::string::npos) << all;
  EXPECT_NE(all.find(verbs + ":6: pattern without the verb marker"), std::string::npos) << all;
  EXPECT_NE(all.find(actors + ":1: date restriction before any actor"), std::string::npos) << all;
  EXPECT_NE(all.find(actors + ":3: date restriction '9501-9912'"), std::string::npos) << all;
  EXPECT_NE(r.summary().find("6 line(s) skipped with a warning"), std::string::npos);
  // The good lines still load: MEET [031].
  detail::finish_dictionary(d);
  EXPECT_TRUE(d.patterns_by_lemma.count("meet"));
}

// "Norland expelled the Sudrian ambassador." parsed by hand.
const char* kExpelConllu =
    "# text = Norland expelled the Sudrian ambassador.\n"
    "1\tNorland\tNorland\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "4\tSudrian\tSudrian\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
    "5\tambassador\tambassador\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

TEST_F(PetrarchTest, ConvertedPatternCodesASentence) {
  write("demo.verbs.txt", kNewVerbs);
  write("demo.actors.txt", "NORLAND [NRL]\nSUDRIA [SUD]\n+SUDRIAN\n");
  write("demo.agents.txt", "AMBASSADOR [~GOV]\n");
  CoderOptions o;
  o.dict_dir = (dir_ / "no-such-dir").string();
  o.petrarch_dicts = {(dir_ / "demo").string()};
  o.petrarch_only = true;
  Coder coder = Coder::load(o);
  std::istringstream in(kExpelConllu);
  ConlluReader reader(in, "expel");
  Document doc;
  Sentence s;
  while (reader.next(s)) doc.sentences.push_back(s);
  doc.text = doc.sentences.at(0).text;
  ArticleInfo info;
  info.date = "2024-03-01";
  std::vector<Event> events = coder.code(doc, info);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].cameo, "166");
  ASSERT_TRUE(events[0].source && events[0].target);
  EXPECT_EQ(events[0].source->code, "NRL");
  EXPECT_EQ(events[0].target->code, "SUDGOV");
  EXPECT_NE(events[0].rule.find("demo.verbs.txt:8"), std::string::npos) << events[0].rule;
}

TEST(PetrarchShared, RealVerbFilesLoad) {
  std::string dir = std::string(DYAD_SHARED_DIR) + "/data/petrarch2/dictionaries/";
  if (!fs::exists(dir + "CAMEO.2.0.txt") || !fs::exists(dir + "CAMEO.verbpatterns.150430.txt")) {
    GTEST_SKIP() << "PETRARCH2 dictionaries not in " << dir;
  }
  for (const char* name : {"CAMEO.2.0.txt", "CAMEO.verbpatterns.150430.txt", "PETR.Validate.verbs.txt"}) {
    Dictionary d;
    PetrarchReport r;
    ASSERT_NO_THROW(detail::load_petrarch_verbs(dir + name, d, r)) << name;
    auto& c = r.files.at(0).counts;
    EXPECT_GT(c["blocks"], 200) << name;
    EXPECT_GT(c["verbs"], 250) << name;
    EXPECT_GT(c["patterns"], 400) << name;
    EXPECT_GT(c["compiled"], c["patterns"]) << name;
    // Only lines PETRARCH itself cannot read are skipped (a few, each reported).
    EXPECT_LT(r.warnings.size(), std::string(name) == "CAMEO.verbpatterns.150430.txt" ? 300u : 5u) << r.summary();
  }
}

}  // namespace
}  // namespace dyad
