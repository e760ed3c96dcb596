// Coder engine tests over hand-written CoNLL-U parses (tests/data/coder/*.conllu)
// and the small test dictionary tests/data/coder/dict, so they run without the
// NLP models and without the real data/.
#include <gtest/gtest.h>

#include <algorithm>

#include "dyad/coder.h"
#include "dyad/conllu.h"

namespace dyad {
namespace {

const std::string kDir = std::string(DYAD_TEST_DATA_DIR) + "/coder/";

const Coder& coder() {
  static const Coder c = [] {
    CoderOptions o;
    o.dict_dir = kDir + "dict";
    o.explain = true;
    return Coder::load(o);
  }();
  return c;
}

// The document text is rebuilt so that every span slices it (the CoNLL-U
// reader gives offsets into the sentences joined by spaces).
Document load_doc(const std::string& name) {
  Document doc;
  doc.id = name;
  doc.sentences = read_conllu_file(kDir + name + ".conllu");
  for (const Sentence& s : doc.sentences) {
    if (doc.text.size() < s.span.start) doc.text.resize(s.span.start, ' ');
    doc.text.replace(s.span.start, s.text.size(), s.text);
  }
  return doc;
}

std::vector<Event> code(const std::string& name, std::optional<std::string> date = "2023-12-27",
                        std::optional<std::string> outlet_country = std::nullopt) {
  ArticleInfo info;
  info.id = name;
  info.date = date;
  info.outlet_country = outlet_country;
  return coder().code(load_doc(name), info);
}

std::string code_of(const std::optional<Actor>& a) { return a ? a->code : "null"; }

std::string slice(const std::string& name, const Span& s) { return load_doc(name).text.substr(s.start, s.end - s.start); }

TEST(CoderEngine, ActiveVoice) {
  auto ev = code("active");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "AZE");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  EXPECT_EQ(ev[0].cameo, "166");
  EXPECT_EQ(ev[0].quad_class, 4);
  EXPECT_EQ(ev[0].plover, "SANCTION");
  EXPECT_DOUBLE_EQ(ev[0].goldstein, -7.0);
  EXPECT_EQ(slice("active", ev[0].trigger), "expelled");
  EXPECT_EQ(slice("active", ev[0].target->span), "French diplomats");
  EXPECT_EQ(ev[0].modality, Modality::kAsserted);
  EXPECT_NE(ev[0].rule.find("16_reduce.txt:7"), std::string::npos) << ev[0].rule;  // the more specific pattern
  // no date words: the publication date, flagged
  EXPECT_EQ(ev[0].date, "2023-12-27");
  EXPECT_EQ(ev[0].date_precision, "day");
  EXPECT_TRUE(ev[0].date_is_publication);
}

TEST(CoderEngine, PassiveWithByAgent) {
  auto ev = code("passive_by");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "AZE");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  ASSERT_TRUE(ev[0].explanation);
  EXPECT_NE(ev[0].explanation->source_path.find("obl:agent"), std::string::npos);
  EXPECT_NE(ev[0].explanation->target_path.find("nsubj:pass"), std::string::npos);
}

TEST(CoderEngine, PassiveWithoutAgentLeavesSourceNull) {
  auto ev = code("passive_noagent");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_FALSE(ev[0].source);
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  EXPECT_LT(ev[0].confidence, 0.8);
  // "yesterday" with article date 2023-12-27
  EXPECT_EQ(ev[0].date, "2023-12-26");
  EXPECT_FALSE(ev[0].date_is_publication);
  EXPECT_EQ(slice("passive_noagent", *ev[0].date_cue_span), "yesterday");
}

TEST(CoderEngine, SourceSlotExtensionUsesPrepositionPhrase) {
  auto ev = code("summon_to");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "AZEGOV");
  EXPECT_EQ(slice("summon_to", ev[0].source->span), "Foreign Ministry of Azerbaijan");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
}

TEST(CoderEngine, AgentlessPassiveWithInstitutionPhraseGivesImplicitSource) {
  auto ev = code("implicit_agent");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].source);
  EXPECT_EQ(ev[0].source->code, "AZEGOV");
  EXPECT_EQ(ev[0].source->via, "implicit");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  EXPECT_LT(ev[0].confidence, 0.7);
  // a place-like phrase is not an agent: "was summoned yesterday" keeps a null source
  EXPECT_FALSE(code("passive_noagent")[0].source);
}

TEST(CoderEngine, CoordinatedSubjectsGiveOneEventEach) {
  auto ev = code("coordination");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(code_of(ev[0].source), "FRA");
  EXPECT_EQ(code_of(ev[1].source), "DEU");
  EXPECT_EQ(code_of(ev[0].target), "RUS");
  EXPECT_EQ(code_of(ev[1].target), "RUS");
  EXPECT_EQ(ev[0].cameo, "111");
}

TEST(CoderEngine, NominalEventAndCapitalMetonymy) {
  auto ev = code("nominal");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "166");
  EXPECT_EQ(code_of(ev[0].source), "AZEGOV");
  EXPECT_EQ(ev[0].source->via, "capital");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  EXPECT_EQ(slice("nominal", ev[0].trigger), "expulsion");
}

TEST(CoderEngine, XcompChains) {
  auto order = code("xcomp_order");
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0].cameo, "166");
  // No agent in the text, but only Azerbaijan can order people out of Azerbaijan (implicit_agent).
  EXPECT_EQ(code_of(order[0].source), "AZE");
  EXPECT_EQ(order[0].source->via, "implicit");
  EXPECT_EQ(code_of(order[0].target), "FRAGOV");

  auto manage = code("xcomp_manage");
  ASSERT_EQ(manage.size(), 1u);
  EXPECT_EQ(manage[0].cameo, "173");
  EXPECT_EQ(code_of(manage[0].source), "AZECOP");
  EXPECT_EQ(code_of(manage[0].target), "FRASPY");
  EXPECT_EQ(slice("xcomp_manage", manage[0].trigger), "catch");

  auto agree = code("xcomp_agree");
  ASSERT_EQ(agree.size(), 1u);
  EXPECT_EQ(agree[0].cameo, "054");
  EXPECT_EQ(code_of(agree[0].source), "ARM");
  EXPECT_EQ(code_of(agree[0].target), "AZE");
}

TEST(CoderEngine, ReportedSpeechIsAttributed) {
  // "Russia said that France attacked Armenia": the attack, attributed to
  // Russia; the statement itself (no target of its own) is not an event.
  auto ev = code("reported");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "190");
  EXPECT_EQ(code_of(ev[0].source), "FRA");
  EXPECT_EQ(code_of(ev[0].target), "ARM");
  EXPECT_EQ(ev[0].modality, Modality::kReported);
  EXPECT_EQ(code_of(ev[0].attributed_to), "RUS");
}

TEST(CoderEngine, Negation) {
  auto ev = code("negated");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].modality, Modality::kNegated);
  EXPECT_EQ(code_of(ev[0].target), "AZEGOV");
}

TEST(CoderEngine, EachModality) {
  EXPECT_EQ(code("future")[0].modality, Modality::kFuture);
  EXPECT_EQ(code("hypothetical")[0].modality, Modality::kHypothetical);
  EXPECT_EQ(code("alleged")[0].modality, Modality::kAlleged);
  auto cond = code("conditional");
  ASSERT_EQ(cond.size(), 2u);
  EXPECT_EQ(cond[0].cameo, "190");
  EXPECT_EQ(cond[0].modality, Modality::kConditional);
  EXPECT_EQ(cond[1].cameo, "111");
  EXPECT_EQ(cond[1].modality, Modality::kFuture);
  EXPECT_EQ(code_of(cond[1].source), "RUS");
  auto denied = code("denied");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].modality, Modality::kDenied);
  EXPECT_EQ(code_of(denied[0].source), "RUS");  // "it" -> Russia
  EXPECT_EQ(denied[0].source->via, "pronoun");
  EXPECT_EQ(to_string(Modality::kAsserted), "asserted");
  EXPECT_EQ(to_string(Modality::kReported), "reported");
}

TEST(CoderEngine, TimeBoundedRoles) {
  auto early = code("roles", "2016-03-01");
  auto late = code("roles", "2020-03-01");
  ASSERT_EQ(early.size(), 1u);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(code_of(early[0].source), "FRAGOV");
  EXPECT_EQ(code_of(late[0].source), "FRASPY");
  EXPECT_EQ(early[0].source->person, "Bernard Emie");
}

TEST(CoderEngine, PronounCoreference) {
  auto ev = code("pronoun");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "FRAGOV");
  EXPECT_EQ(ev[0].source->text, "She");
  ASSERT_TRUE(ev[0].source->antecedent);
  EXPECT_EQ(slice("pronoun", *ev[0].source->antecedent), "French ambassador");
}

TEST(CoderEngine, OurCountryNeedsOutletCountry) {
  auto with = code("our_country", "2023-12-27", "AZE");
  ASSERT_EQ(with.size(), 1u);
  EXPECT_EQ(code_of(with[0].target), "AZE");
  EXPECT_EQ(with[0].target->via, "outlet");
  auto without = code("our_country");
  ASSERT_EQ(without.size(), 1u);
  EXPECT_FALSE(without[0].target);
}

TEST(CoderEngine, OutletTableGivesCountryAndPartisanship) {
  ArticleInfo info;
  info.date = "2023-12-27";
  info.url = "https://azertag.az/en/xeber/123";
  auto ev = coder().code(load_doc("our_country"), info);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].target), "AZE");
  EXPECT_EQ(ev[0].outlet, "Azertac");
  EXPECT_EQ(ev[0].outlet_partisan, std::optional<bool>(true));
  ASSERT_NE(coder().find_outlet("le monde"), nullptr);
  EXPECT_EQ(coder().find_outlet("le monde")->country, "FRA");
}

TEST(CoderEngine, SportsAndBusinessSentencesGiveNoEvents) {
  EXPECT_TRUE(code("sports").empty());
  EXPECT_EQ(code("sports_control").size(), 1u);  // the same verb fires outside sports
  EXPECT_TRUE(code("business").empty());
  EXPECT_EQ(code("business_control").size(), 1u);
}

TEST(CoderEngine, LocationFromInPhrase) {
  auto ev = code("location");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "NERCOP");
  EXPECT_EQ(code_of(ev[0].target), "FRACVL");
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->text, "Niamey");
  EXPECT_EQ(ev[0].location->country, "NER");
  EXPECT_EQ(slice("location", ev[0].location->span), "Niamey");
}

TEST(CoderEngine, TheTwoCountries) {
  auto ev = code("two_countries");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].cameo, "040");
  EXPECT_EQ(code_of(ev[0].source), "FRA");
  EXPECT_EQ(code_of(ev[0].target), "AZE");
  EXPECT_EQ(ev[1].cameo, "054");
  std::vector<std::string> pair = {code_of(ev[1].source), code_of(ev[1].target)};
  std::sort(pair.begin(), pair.end());
  EXPECT_EQ(pair, (std::vector<std::string>{"AZE", "FRA"}));
}

TEST(CoderEngine, PossessiveCountryPlusAgent) {
  auto ev = code("poss_agent");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(code_of(ev[0].source), "AZESPY");
  EXPECT_EQ(slice("poss_agent", ev[0].source->span), "Azerbaijan's State Security Service");
  EXPECT_EQ(code_of(ev[0].target), "FRASPY");
}

TEST(CoderEngine, TheMinistryAndTheFrenchSide) {
  auto ev = code("ministry");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(code_of(ev[0].source), "AZEGOV");
  EXPECT_EQ(code_of(ev[0].target), "FRAGOV");
  EXPECT_EQ(code_of(ev[1].source), "AZEGOV");
  EXPECT_EQ(ev[1].source->via, "coref");
  EXPECT_EQ(code_of(ev[1].target), "FRAGOV");
}

TEST(CoderEngine, PassiveConjunctsShareTheSubject) {
  auto ev = code("conj_passive");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].cameo, "173");
  EXPECT_EQ(ev[1].cameo, "112");
  for (const Event& e : ev) {
    EXPECT_FALSE(e.source);
    EXPECT_EQ(code_of(e.target), "FRACVL");
  }
}

TEST(CoderEngine, WeekPrecisionDate) {
  auto ev = code("last_week");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date, "2023-12-18");  // the Monday of the week before Wed 2023-12-27
  EXPECT_EQ(ev[0].date_precision, "week");
}

TEST(CoderEngine, NoArticleDateNoCueGivesNoDate) {
  auto ev = code("active", std::nullopt);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].date.empty());
}

TEST(CoderEngine, EventJsonCarriesTheContract) {
  auto ev = code("passive_by");
  ASSERT_EQ(ev.size(), 1u);
  nlohmann::json j = event_to_json(ev[0]);
  for (const char* key : {"doc", "sentence", "sentence_text", "source", "target", "cameo", "plover", "mode", "context",
                          "goldstein", "quad_class", "trigger", "date", "date_precision", "location", "modality",
                          "attributed_to", "rule", "confidence", "outlet", "outlet_partisan", "explanation"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["source"]["code"], "AZE");
  EXPECT_EQ(j["trigger"]["text"], "expelled");
  EXPECT_EQ(j["modality"], "asserted");
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_NE(event_to_tsv(ev[0]).find("AZE\tFRAGOV\t166"), std::string::npos);
}

}  // namespace
}  // namespace dyad
