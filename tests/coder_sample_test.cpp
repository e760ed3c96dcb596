// Golden output for the user's sample article (../shared/samples/...): raw text
// through the real pipeline and the real data/ dictionaries. Skipped when the
// sample or the NLP models are absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/coder.h"
#include "dyad/pipeline.h"

namespace dyad {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class CoderSample : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = std::string(DYAD_SHARED_DIR) + "/samples/000_f04b992bf11de041.txt";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "sample article absent";
    if (!std::filesystem::exists(default_model_dir() + "/parser.dyadm") ||
        !std::filesystem::exists(default_model_dir() + "/tagger.dyadm")) {
      GTEST_SKIP() << "data/models/{tagger,parser}.dyadm absent";
    }
    text_ = read_file(path);
    Pipeline pipeline = Pipeline::load({});
    Document doc = pipeline.process(text_, "sample");
    ArticleInfo info;
    info.id = "sample";
    info.date = "2023-12-27";
    info.outlet_country = "AZE";
    events_ = Coder::load({}).code(doc, info);
  }
  std::string slice(const Span& s) const { return text_.substr(s.start, s.end - s.start); }
  const Event* find(const std::string& trigger) const {
    for (const Event& e : events_) {
      if (e.trigger_text == trigger) return &e;
    }
    return nullptr;
  }
  std::string text_;
  std::vector<Event> events_;
};

TEST_F(CoderSample, SummonsOfTheFrenchAmbassadorYesterday) {
  const Event* e = find("summoned");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->target);
  EXPECT_EQ(e->target->code, "FRAGOV");
  EXPECT_EQ(slice(e->trigger), "summoned");
  EXPECT_NE(slice(e->target->span).find("Ambassador"), std::string::npos) << slice(e->target->span);
  ASSERT_TRUE(e->source);  // "to the Foreign Ministry of our country" (implicit agent)
  EXPECT_EQ(e->source->code, "AZEGOV");
  EXPECT_EQ(e->date, "2023-12-26");
  EXPECT_EQ(e->date_precision, "day");
  ASSERT_TRUE(e->date_cue_span);
  EXPECT_EQ(slice(*e->date_cue_span), "yesterday");
  EXPECT_EQ(e->modality, Modality::kAsserted);
}

TEST_F(CoderSample, ExpulsionByTheAzerbaijaniGovernment) {
  const Event* e = find("declared");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo.substr(0, 2), "16");
  ASSERT_TRUE(e->source);
  ASSERT_TRUE(e->target);
  EXPECT_EQ(e->source->code, "AZEGOV");
  EXPECT_EQ(slice(e->source->span), "Azerbaijani government");
  EXPECT_EQ(e->target->country, "FRA");
  EXPECT_EQ(e->date, "2023-12-26");
  EXPECT_EQ(e->modality, Modality::kAsserted);
  EXPECT_EQ(slice(e->trigger), "declared");
}

// "four French citizens, ... have been arrested" in "the latter" (Burkina Faso
// of the previous sentence's list): Burkina Faso's arrest.
TEST_F(CoderSample, BurkinaFasoArrestsFourFrenchCitizens) {
  const Event* e = find("arrested");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "173");
  ASSERT_TRUE(e->source && e->target);
  EXPECT_EQ(e->source->code, "BFA");
  EXPECT_EQ(e->target->code, "FRACVL");
  ASSERT_TRUE(e->location);
  EXPECT_EQ(slice(e->location->span), "the latter");
}

// "which led them to be ousted from Niger, Mali, ...": each country ousted the French.
TEST_F(CoderSample, OustedFromNigerHasNigerAsSource) {
  const Event* e = find("ousted");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source && e->target);
  EXPECT_EQ(e->source->code, "NER");
  EXPECT_EQ(e->target->country, "FRA");
}

// "Azerbaijan will refuse to consider them diplomats": them = the French diplomats.
TEST_F(CoderSample, RefusalTargetsTheFrenchDiplomats) {
  const Event* e = find("refuse");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source && e->target);
  EXPECT_EQ(e->source->code, "AZE");
  EXPECT_EQ(e->target->code, "FRAGOV");
}

// Every complete dyad of the golden output in docs/examples/ is still coded
// (events without a source or target vary more with the parser).
TEST_F(CoderSample, GoldenDyadsOfDocsExamples) {
  std::istringstream golden(read_file(std::string(DYAD_SOURCE_DIR) + "/docs/examples/000_f04b992bf11de041.events.tsv"));
  std::string line;
  std::getline(golden, line);  // header
  int checked = 0;
  while (std::getline(golden, line)) {
    std::vector<std::string> f;
    std::istringstream cols(line);
    for (std::string c; std::getline(cols, c, '\t');) f.push_back(c);
    if (f.size() < 7 || f[0].empty() || f[1].empty()) continue;
    ++checked;
    bool found = std::any_of(events_.begin(), events_.end(), [&](const Event& e) {
      return e.source && e.target && e.source->code == f[0] && e.target->code == f[1] && e.cameo == f[2] &&
             e.trigger_text == f[6];
    });
    EXPECT_TRUE(found) << "golden event missing: " << line.substr(0, 60);
  }
  EXPECT_GE(checked, 8);
}

TEST_F(CoderSample, EveryEventIsTraceable) {
  EXPECT_GE(events_.size(), 2u);
  for (const Event& e : events_) {
    EXPECT_EQ(slice(e.trigger), e.trigger_text);
    if (e.source) {
      EXPECT_EQ(slice(e.source->span), e.source->text);
    }
    if (e.target) {
      EXPECT_EQ(slice(e.target->span), e.target->text);
    }
    EXPECT_FALSE(e.rule.empty());
  }
}

}  // namespace
}  // namespace dyad
