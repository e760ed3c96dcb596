// The verb of a mandative that-clause retagged before parsing
// (src/coder/mandative_tags.cpp) and "insisted that X do Y" as a demand
// (reported_speech.cpp, demand_by_clause): sentences we wrote, the real data/
// dictionaries, and two through the bundled models.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "coder/dictionary.h"
#include "coder/verb_lemmas.h"
#include "coder_parsed.h"
#include "dyad/coder.h"
#include "engine_fixture.h"

namespace {

dyad::Sentence tagged(const std::vector<std::string>& rows) { return dyad::testing::tagged_sentence(rows); }

const dyad::Coder& coder() {
  static const dyad::Coder c = dyad::Coder::load({});
  return c;
}

const dyad::detail::Dictionary& coder_dictionary() {
  static const dyad::detail::Dictionary d = dyad::detail::load_dictionary(dyad::default_dict_dir());
  return d;
}

TEST(CoderMandativeTags, VerbReadAsANounAfterDemandedThatIsTheVerb) {
  dyad::Sentence s = tagged({"Amnesty PROPN NNP Amnesty", "demanded VERB VBD demand", "that SCONJ IN that",
                             "the DET DT the", "Sudanese ADJ JJ Sudanese", "government NOUN NN government",
                             "end NOUN NN end", "curbs NOUN NNS curb", ". PUNCT . ."});
  coder().tag_corrector()->correct(s);
  EXPECT_EQ(s.words[6].upos, "VERB");
  EXPECT_EQ(s.words[6].xpos, "VB");
  EXPECT_EQ(s.words[5].upos, "NOUN");
  EXPECT_EQ(s.words[7].upos, "NOUN");
}

// After a request a base form tagged past is the subjunctive; after
// "insisted" ("the army cut supplies") it may be a past tense.
TEST(CoderMandativeTags, PastTenseOnlyAfterARequest) {
  dyad::Sentence urged = tagged({"Washington PROPN NNP Washington", "urged VERB VBD urge", "that SCONJ IN that",
                                 "Israel PROPN NNP Israel", "halt VERB VBD halt", "construction NOUN NN construction"});
  coder().tag_corrector()->correct(urged);
  EXPECT_EQ(urged.words[4].xpos, "VB");
  dyad::Sentence insisted = tagged({"He PRON PRP he", "insisted VERB VBD insist", "that SCONJ IN that",
                                    "the DET DT the", "army NOUN NN army", "cut VERB VBD cut", "supplies NOUN NNS supply"});
  coder().tag_corrector()->correct(insisted);
  EXPECT_EQ(insisted.words[5].xpos, "VBD");
}

// Not after a statement ("said that the government end ..." keeps the
// tagger's reading), nor a noun that is no event verb.
TEST(CoderMandativeTags, OtherClausesKeepTheirTags) {
  dyad::Sentence said = tagged({"Kenya PROPN NNP Kenya", "said VERB VBD say", "that SCONJ IN that", "the DET DT the",
                                "government NOUN NN government", "end NOUN NN end", "was AUX VBD be", "near ADJ JJ near"});
  coder().tag_corrector()->correct(said);
  EXPECT_EQ(said.words[5].upos, "NOUN");
  dyad::Sentence noun = tagged({"Kenya PROPN NNP Kenya", "demanded VERB VBD demand", "that SCONJ IN that",
                                "the DET DT the", "government NOUN NN government", "office NOUN NN office",
                                "be AUX VB be", "closed VERB VBN close"});
  coder().tag_corrector()->correct(noun);
  EXPECT_EQ(noun.words[5].upos, "NOUN");
}

// "China insisted that Japan apologize.": insisting on a mandative clause is
// a demand on its subject; "insisted that Japan will apologize" is not.
TEST(CoderMandativeTags, InsistingOnAMandativeClauseIsADemand) {
  auto ev = dyad::testing::code_parsed({"China China PROPN NNP 2 nsubj", "insisted insist VERB VBD 0 root",
                                        "that that SCONJ IN 5 mark", "Japan Japan PROPN NNP 5 nsubj",
                                        "apologize apologize VERB VB 2 ccomp", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad::testing::dyad_of(ev, "10"), "CHN>JPN");
  auto will = dyad::testing::code_parsed({"China China PROPN NNP 2 nsubj", "insisted insist VERB VBD 0 root",
                                          "that that SCONJ IN 6 mark", "Japan Japan PROPN NNP 6 nsubj",
                                          "will will AUX MD 6 aux", "apologize apologize VERB VB 2 ccomp",
                                          ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad::testing::first_of(will, "10"), nullptr);
}

// Through the models: the demand gets its target, the demanded act its modality.
TEST(CoderMandativeTags, DemandOfAMandativeClauseHasItsTarget) {
  if (!dyad::testing::models_present()) GTEST_SKIP() << "models absent";
  auto ev = dyad::testing::code_events("Amnesty International demanded that the Sudanese government end curbs on press freedom.");
  EXPECT_EQ(dyad::testing::dyad_of(ev, "10"), "NGOAMN>SDNGOV");
  auto urged = dyad::testing::code_events("The United States urged that Israel halt settlement construction.");
  const dyad::Event* halt = dyad::testing::event_by_trigger(urged, "halt");
  ASSERT_NE(halt, nullptr);
  EXPECT_EQ(halt->modality, dyad::Modality::kHypothetical);
}

}  // namespace

namespace {

// The lemmatizer strips an unseen "-ed" whole ("blamed" -> "blam", "shelled"
// -> "shel"); the coder gives the verb the de-inflection the dictionaries know
// wherever the sentence came from: here a parsed sentence, as `dyad code
// --input conllu` reads it (the tag corrector is not run on those).
TEST(CoderVerbLemmas, UnknownVerbLemmaBecomesTheKnownStem) {
  auto ev = dyad::testing::code_parsed({"The the DET DT 2 det", "US US PROPN NNP 3 nsubj", "blamed blam VERB VBD 0 root",
                                        "Russia Russia PROPN NNP 3 obj", "for for SCONJ IN 6 mark",
                                        "shelling shel VERB VBG 3 advcl", "the the DET DT 8 det",
                                        "city city NOUN NN 6 obj", ". . PUNCT . 3 punct"});
  const dyad::Event* e = dyad::testing::event_by_trigger(ev, "shelling");
  ASSERT_NE(e, nullptr);  // "shel" has no pattern, "shell" has
  EXPECT_EQ(e->source ? e->source->code : "-", "RUS");  // "blam" is no blaming verb, "blame" is
  EXPECT_EQ(e->modality, dyad::Modality::kAlleged);
}

// Known lemmas and forms stay: the repair only replaces a lemma that has no
// pattern when a regular stem of the form has one.
TEST(CoderVerbLemmas, KnownLemmasAreKept) {
  dyad::Sentence s = tagged({"US PROPN NNP US", "blamed VERB VBD blam", "Russia PROPN NNP Russia",
                             "shelled VERB VBD shel", "said VERB VBD say", "stopped VERB VBD stopp",
                             "shelled ADJ JJ shel"});
  const dyad::detail::Dictionary& d = coder_dictionary();
  EXPECT_EQ(dyad::detail::verb_lemmas_repaired(d, s), 3);
  EXPECT_EQ(s.words[1].lemma, "blame");
  EXPECT_EQ(s.words[3].lemma, "shell");
  EXPECT_EQ(s.words[4].lemma, "say");
  EXPECT_EQ(s.words[5].lemma, "stop");
  EXPECT_EQ(s.words[6].lemma, "shel");  // not a verb
}

// Irregular forms the lemmatizer leaves or mangles ("froze" stays "froze",
// "overthrew" becomes "overthraw"): the coder's table gives the lemma, so the
// patterns of freeze and overthrow apply.
TEST(CoderVerbLemmas, IrregularFormsTakeTheirLemma) {
  EXPECT_TRUE(dyad::detail::irregular_verbs_sorted());
  EXPECT_EQ(dyad::detail::irregular_verb_lemma("overthrew"), "overthrow");
  EXPECT_EQ(dyad::detail::irregular_verb_lemma("withheld"), "withhold");
  EXPECT_EQ(dyad::detail::irregular_verb_lemma("attacked"), "");
  auto ev = dyad::testing::code_parsed({"The the DET DT 2 det", "EU EU PROPN NNP 3 nsubj", "froze froze VERB VB 0 root",
                                        "the the DET DT 5 det", "assets asset NOUN NNS 3 obj", "of of ADP IN 8 case",
                                        "Russian Russian ADJ JJ 8 amod", "oligarchs oligarch NOUN NNS 5 nmod",
                                        ". . PUNCT . 3 punct"});
  const dyad::Event* f = dyad::testing::event_by_trigger(ev, "froze");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->cameo, "163");
  EXPECT_EQ(f->source ? f->source->code : "-", "IGOEUREEC");
  ev = dyad::testing::code_parsed({"The the DET DT 2 det", "army army NOUN NN 3 nsubj",
                                   "overthrew overthraw VERB VBD 0 root", "the the DET DT 5 det",
                                   "president president NOUN NN 3 obj", ". . PUNCT . 3 punct"});
  EXPECT_NE(dyad::testing::event_by_trigger(ev, "overthrew"), nullptr);
}

// "blamed Russia [for shelling the city]": the blamed one is the gerund's
// subject, and the shelling is the blamer's allegation.
TEST(CoderVerbLemmas, BlamedForAnActIsItsAllegedAuthor) {
  auto ev = dyad::testing::code_parsed({"The the DET DT 2 det", "US US PROPN NNP 3 nsubj", "blamed blame VERB VBD 0 root",
                                        "Russia Russia PROPN NNP 3 obj", "for for SCONJ IN 6 mark",
                                        "shelling shell VERB VBG 3 advcl", "the the DET DT 8 det",
                                        "city city NOUN NN 6 obj", ". . PUNCT . 3 punct"});
  const dyad::Event* e = dyad::testing::event_by_trigger(ev, "shelling");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source ? e->source->code : "-", "RUS");
  EXPECT_EQ(e->modality, dyad::Modality::kAlleged);
}

}  // namespace
