// The coder's multi-word names retagged between tagging and parsing
// (src/coder/name_tags.cpp, Pipeline::with_tag_corrector): hand-tagged
// sentences we wrote, the real data/ dictionaries.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/pipeline.h"
#include "coder_parsed.h"
#include "engine_fixture.h"

namespace {

dyad::Sentence tagged(const std::vector<std::string>& rows) { return dyad::testing::tagged_sentence(rows); }

std::string upos_of(const dyad::Sentence& s) {
  std::string out;
  for (const dyad::Word& w : s.words) out += (out.empty() ? "" : " ") + w.upos;
  return out;
}

const dyad::Coder& coder() {
  static const dyad::Coder c = dyad::Coder::load({});
  return c;
}

// "Human Rights Watch demanded ...": the tagger's "Human Rights [Watch]VERB"
// becomes one name; the verb after it keeps its tag.
TEST(CoderNameTags, MistaggedNameBecomesProperNouns) {
  dyad::Sentence s = tagged({"Human ADJ JJ", "Rights NOUN NNS", "Watch VERB VBP", "demanded VERB VBD", "talks NOUN NNS"});
  coder().tag_corrector()->correct(s);
  EXPECT_EQ(upos_of(s), "PROPN PROPN PROPN VERB NOUN");
  EXPECT_EQ(s.words[1].xpos, "NNPS");
  EXPECT_EQ(s.words[2].xpos, "NNP");
  EXPECT_EQ(s.words[2].lemma, "Watch");
}

// Function words inside a name keep their tags ("Save the Children").
TEST(CoderNameTags, FunctionWordsInsideANameKeepTheirTags) {
  dyad::Sentence s = tagged({"Save VERB VB", "the DET DT", "Children NOUN NNS", "urged VERB VBD", "Israel PROPN NNP"});
  coder().tag_corrector()->correct(s);
  EXPECT_EQ(upos_of(s), "PROPN DET PROPN VERB PROPN");
}

// Only a name written as one: lower-case words are the ordinary phrase
// ("human rights watch groups"), and one-word names are left to the tagger.
TEST(CoderNameTags, LowerCaseWordsAndOneWordNamesStay) {
  dyad::Sentence lower = tagged({"human ADJ JJ", "rights NOUN NNS", "watch VERB VBP", "groups NOUN NNS"});
  coder().tag_corrector()->correct(lower);
  EXPECT_EQ(upos_of(lower), "ADJ NOUN VERB NOUN");
  dyad::Sentence one = tagged({"Turkey NOUN NN", "protested VERB VBD"});
  coder().tag_corrector()->correct(one);
  EXPECT_EQ(upos_of(one), "NOUN VERB");
}

// The pipeline calls the corrector after tagging and before parsing.
class RecordingCorrector : public dyad::TagCorrector {
 public:
  void correct(dyad::Sentence& s) const override {
    ++calls;
    for (const dyad::Word& w : s.words) {
      tagged_before = tagged_before && !w.upos.empty();
      unparsed_before = unparsed_before && w.head < 0;
    }
  }
  mutable int calls = 0;
  mutable bool tagged_before = true, unparsed_before = true;
};

TEST(CoderNameTags, PipelineCorrectsBetweenTaggingAndParsing) {
  if (!dyad::testing::models_present()) GTEST_SKIP() << "no trained models in data/models";
  auto rec = std::make_shared<RecordingCorrector>();
  const dyad::Pipeline p = dyad::testing::shared_engine().pipeline().with_tag_corrector(rec);
  dyad::Document d = p.process("Turkey protested. Greece agreed.");
  EXPECT_EQ(rec->calls, 2);
  EXPECT_TRUE(rec->tagged_before);
  EXPECT_TRUE(rec->unparsed_before);
  for (const dyad::Word& w : d.sentences[0].words) EXPECT_GE(w.head, 0);
}

// End to end through the Engine, whatever the tagger makes of the name.
TEST(CoderNameTags, EngineCodesTheNamedOrganizationAsSource) {
  if (!dyad::testing::models_present()) GTEST_SKIP() << "no trained models in data/models";
  auto ev = dyad::testing::code_events("Human Rights Watch demanded that the Kenyan government release the journalists.");
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].source.has_value());
  EXPECT_EQ(ev[0].source->code, "NGOHRW");
}

}  // namespace

namespace {

// People's aliases carry titles and nationalities ("Chinese President Xi"):
// retagging "Chinese" had made the parser root the sentence on it. Country
// adjectives inside an organization's name stay adjectives too.
TEST(CoderNameTags, PeopleAndCountryAdjectivesKeepTheirTags) {
  dyad::Sentence xi = tagged({"Chinese ADJ JJ", "President PROPN NNP", "Xi PROPN NNP", "will AUX MD", "visit VERB VB",
                              "Vietnam PROPN NNP"});
  coder().tag_corrector()->correct(xi);
  EXPECT_EQ(upos_of(xi), "ADJ PROPN PROPN AUX VERB PROPN");
  dyad::Sentence party = tagged({"The DET DT", "Chinese ADJ JJ", "Communist ADJ JJ", "Party NOUN NN", "praised VERB VBD"});
  coder().tag_corrector()->correct(party);
  EXPECT_EQ(upos_of(party), "DET ADJ PROPN PROPN VERB");
}

}  // namespace

namespace {

// A capitalised first word the tagger took for a name but which is a plural
// agent term is the noun ("Gunmen abducted ..."); a title before a name
// ("King Hassan") and a singular word stay.
TEST(CoderNameTags, PluralAgentTermOpeningASentenceIsTheNoun) {
  dyad::Sentence s = tagged({"Gunmen PROPN NNP", "abducted VERB VBD", "students NOUN NNS"});
  coder().tag_corrector()->correct(s);
  EXPECT_EQ(upos_of(s), "NOUN VERB NOUN");
  EXPECT_EQ(s.words[0].lemma, "gunman");
  EXPECT_EQ(s.words[0].xpos, "NNS");
  dyad::Sentence king = tagged({"King PROPN NNP", "Hassan PROPN NNP", "spoke VERB VBD"});
  coder().tag_corrector()->correct(king);
  EXPECT_EQ(upos_of(king), "PROPN PROPN VERB");
  dyad::Sentence one = tagged({"Militant PROPN NNP", "groups NOUN NNS", "fought VERB VBD"});
  coder().tag_corrector()->correct(one);
  EXPECT_EQ(upos_of(one), "PROPN NOUN VERB");
}

}  // namespace

namespace {

// (85) "Beijing warned ...": the tagger's "Beijing" VBG (lemma "beij") is the
// capital the dictionary knows.
TEST(CoderNameTags, OneWordNameReadAsAVerbIsTheName) {
  dyad::Sentence s = tagged({"Beijing VERB VBG", "warned VERB VBD", "Washington PROPN NNP"});
  coder().tag_corrector()->correct(s);
  EXPECT_EQ(upos_of(s), "PROPN VERB PROPN");
  EXPECT_EQ(s.words[0].lemma, "Beijing");
  dyad::Sentence lower = tagged({"beijing VERB VBG", "warned VERB VBD"});
  coder().tag_corrector()->correct(lower);
  EXPECT_EQ(upos_of(lower), "VERB VERB");
}

}  // namespace
