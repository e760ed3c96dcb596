// Reported speech however the parser attaches it, and subject lists a parser
// splits (src/coder/reported_speech.cpp): sentences we wrote, with the trees
// a parser gives such sentences built by hand, coded with the real data/
// dictionaries. Each test fails without its rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "coder/reported_speech.h"
#include "coder_parsed.h"

namespace {

using dyad::testing::code_parsed;
using dyad::testing::dyad_of;
using dyad::testing::first_of;
using dyad::testing::parsed_document;

bool has_trigger(const std::vector<dyad::Event>& ev, const std::string& word) {
  return std::any_of(ev.begin(), ev.end(), [&](const dyad::Event& e) { return e.trigger_text == word; });
}

// "Peru expelled the Chilean ambassador, five days after protesters stormed
// its embassy, a Bolivian official said." with "said" as a parataxis of the
// main clause and "its embassy" hung on "said" as its object. `said_rel`,
// `said_head` vary the attachment (parataxis of the root, acl:relcl of "days").
std::vector<std::string> trailing_said(const std::string& said_head, const std::string& said_rel) {
  return {"Peru Peru PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root", "the the DET DT 5 det",
          "Chilean Chilean ADJ JJ 5 amod", "ambassador ambassador NOUN NN 2 obj", ", , PUNCT , 8 punct",
          "five five NUM CD 8 nummod", "days day NOUN NNS 2 obl:unmarked", "after after ADP IN 10 case",
          "protesters protester NOUN NNS 8 nmod", "stormed storm VERB VBD 10 acl", "its its PRON PRP$ 13 nmod:poss",
          "embassy embassy NOUN NN 18 obj", ", , PUNCT , 17 punct", "a a DET DT 17 det",
          "Bolivian Bolivian ADJ JJ 17 amod", "official official NOUN NN 18 nsubj",
          "said say VERB VBD " + said_head + " " + said_rel, ". . PUNCT . 2 punct"};
}

TEST(CoderSpeech, TrailingSpeechVerbReportsTheClauseAndCodesNothingItself) {
  for (auto [head, rel] : {std::pair{"2", "parataxis"}, std::pair{"8", "acl:relcl"}, std::pair{"2", "advcl"}}) {
    auto ev = code_parsed(trailing_said(head, rel));
    EXPECT_FALSE(has_trigger(ev, "said")) << rel;  // no statement aimed at "its" (= Peru)
    const dyad::Event* e = first_of(ev, "16");
    ASSERT_NE(e, nullptr) << rel;
    EXPECT_EQ(e->source->code, "PER");
    EXPECT_EQ(e->target->code, "CHLGOV");
    EXPECT_EQ(e->modality, dyad::Modality::kReported) << rel;
    ASSERT_TRUE(e->attributed_to) << rel;
    EXPECT_EQ(e->attributed_to->code, "BOLGOV") << rel;
  }
}

// Every statement verb of the shared list (verb_classes.h) attributes a
// trailing clause, not only "say": "..., a Bolivian official claimed/argued/
// commented." (claim and argue were missing from the reported-speech list).
TEST(CoderSpeech, TrailingStatementVerbsOfTheSharedListAttribute) {
  for (auto [form, lemma] : {std::pair{"claimed", "claim"}, std::pair{"argued", "argue"},
                             std::pair{"commented", "comment"}, std::pair{"maintained", "maintain"}}) {
    std::vector<std::string> rows = trailing_said("2", "parataxis");
    rows[17] = std::string(form) + " " + lemma + " VERB VBD 2 parataxis";
    auto ev = code_parsed(rows);
    const dyad::Event* e = first_of(ev, "16");
    ASSERT_NE(e, nullptr) << lemma;
    EXPECT_EQ(e->modality, dyad::Modality::kReported) << lemma;
    ASSERT_TRUE(e->attributed_to) << lemma;
    EXPECT_EQ(e->attributed_to->code, "BOLGOV") << lemma;
  }
}

// "Peru signed a trade accord with Chile, its biggest partner, officials
// said." with both "signed" and "partner" as clauses of the root "said".
TEST(CoderSpeech, SpeechVerbTakesNoTargetFromItsClause) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "signed sign VERB VBD 14 ccomp", "a a DET DT 5 det",
                         "trade trade NOUN NN 5 compound", "accord accord NOUN NN 2 obj", "with with ADP IN 7 case",
                         "Chile Chile PROPN NNP 2 obl", ", , PUNCT , 11 punct", "its its PRON PRP$ 11 nmod:poss",
                         "biggest big ADJ JJS 11 amod", "partner partner NOUN NN 14 ccomp", ", , PUNCT , 13 punct",
                         "officials official NOUN NNS 14 nsubj", "said say VERB VBD 0 root", ". . PUNCT . 14 punct"});
  EXPECT_FALSE(has_trigger(ev, "said"));
  ASSERT_TRUE(has_trigger(ev, "signed"));
  for (const auto& e : ev) EXPECT_EQ(e.modality, dyad::Modality::kReported) << e.trigger_text;
}

// "Peru told Chile that Bolivia attacked Ecuador.": the statement has an
// addressee outside the clause, so it stays beside the reported attack.
TEST(CoderSpeech, StatementWithItsOwnTargetStays) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 2 nsubj", "told tell VERB VBD 0 root", "Chile Chile PROPN NNP 2 obj",
                         "that that SCONJ IN 6 mark", "Bolivia Bolivia PROPN NNP 6 nsubj",
                         "attacked attack VERB VBD 2 ccomp", "Ecuador Ecuador PROPN NNP 6 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "01"), "PER>CHL");
  EXPECT_EQ(dyad_of(ev, "19"), "BOL>ECU");
}

TEST(CoderSpeech, ReportedRegionOfATrailingAttribution) {
  dyad::Document d = parsed_document(trailing_said("2", "parataxis"));
  dyad::detail::SentenceView v(d.sentences[0]);
  EXPECT_EQ(dyad::detail::attributed_clause_head(v, 17), 1);
  std::vector<int> r = dyad::detail::reported_region(v, 17);
  EXPECT_TRUE(std::binary_search(r.begin(), r.end(), 12));    // "embassy", hung on "said" before its subject
  EXPECT_TRUE(std::binary_search(r.begin(), r.end(), 1));     // "expelled"
  EXPECT_FALSE(std::binary_search(r.begin(), r.end(), 16));   // "official": the speaker
  EXPECT_FALSE(std::binary_search(r.begin(), r.end(), 17));
}

// "Peru, Chile and Bolivia condemned the attack." with two nsubj siblings.
TEST(CoderSpeech, SubjectListSplitIntoSiblingsGivesOneEventPerMember) {
  auto ev = code_parsed({"Peru Peru PROPN NNP 6 nsubj", ", , PUNCT , 3 punct", "Chile Chile PROPN NNP 6 nsubj",
                         "and and CCONJ CC 5 cc", "Bolivia Bolivia PROPN NNP 3 conj",
                         "condemned condemn VERB VBD 0 root", "the the DET DT 8 det", "attack attack NOUN NN 6 obj",
                         "on on ADP IN 10 case", "Ecuador Ecuador PROPN NNP 8 nmod", ". . PUNCT . 6 punct"});
  std::set<std::string> sources;
  for (const auto& e : ev) {
    if (e.trigger_text == "condemned" && e.source) sources.insert(e.source->code);
  }
  EXPECT_EQ(sources, (std::set<std::string>{"PER", "CHL", "BOL"}));
}

// "Peruvian minister Castillo condemned ..." as two nsubj with no comma
// between: a title and a name, not a list.
TEST(CoderSpeech, AdjacentSubjectsWithoutACommaAreNotAList) {
  dyad::Document d = parsed_document({"Peruvian Peruvian ADJ JJ 2 amod", "minister minister NOUN NN 4 nsubj",
                                      "Castillo Castillo PROPN NNP 4 nsubj", "condemned condemn VERB VBD 0 root",
                                      ". . PUNCT . 4 punct"});
  dyad::detail::SentenceView v(d.sentences[0]);
  EXPECT_TRUE(dyad::detail::split_list_siblings(v, 1).empty());
  dyad::Document l = parsed_document({"Peru Peru PROPN NNP 4 nsubj", ", , PUNCT , 3 punct",
                                      "Chile Chile PROPN NNP 4 nsubj", "condemned condemn VERB VBD 0 root",
                                      ". . PUNCT . 4 punct"});
  dyad::detail::SentenceView lv(l.sentences[0]);
  EXPECT_EQ(dyad::detail::split_list_siblings(lv, 0), std::vector<int>{2});
}

}  // namespace
