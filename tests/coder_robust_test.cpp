// Robustness of the coder to parser errors (src/coder/argument_repair.cpp and
// the object-adjacent from-phrase in match.cpp): sentences we wrote, with the
// wrong trees a parser really produces for such sentences built by hand, coded
// with the real data/ dictionaries. Each test fails without its rule.
#include <gtest/gtest.h>

#include <sstream>

#include "coder/parse_repair.h"
#include "dyad/coder.h"
#include "dyad/conllu.h"

namespace {

// Rows "form lemma UPOS XPOS head deprel", one per word, space-separated.
dyad::Document parsed(const std::vector<std::string>& rows) {
  std::ostringstream c;
  std::string text;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::istringstream r(rows[i]);
    std::string form, lemma, upos, xpos, head, rel;
    r >> form >> lemma >> upos >> xpos >> head >> rel;
    bool glue = i + 1 < rows.size() && rows[i + 1][0] == '.';
    c << i + 1 << '\t' << form << '\t' << lemma << '\t' << upos << '\t' << xpos << "\t_\t" << head << '\t' << rel
      << "\t_\t" << (glue ? "SpaceAfter=No" : "_") << '\n';
    text += form + (glue || i + 1 == rows.size() ? "" : " ");
  }
  std::istringstream in("# text = " + text + "\n" + c.str() + "\n");
  dyad::ConlluReader reader(in, "test");
  dyad::Document doc;
  doc.id = "test";
  dyad::Sentence s;
  while (reader.next(s)) doc.sentences.push_back(s);
  doc.text = text;
  return doc;
}

const dyad::Coder& coder() {
  static const dyad::Coder c = dyad::Coder::load({});
  return c;
}

std::vector<dyad::Event> code(const std::vector<std::string>& rows) {
  dyad::ArticleInfo info;
  info.id = "test";
  info.date = "2024-03-14";
  return coder().code(parsed(rows), info);
}

std::string dyad_of(const std::vector<dyad::Event>& ev, const std::string& root) {
  for (const auto& e : ev) {
    if (e.cameo.starts_with(root)) {
      return (e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-");
    }
  }
  return "(no " + root + " event)";
}

// "Yesterday the Peruvian ambassador to Lima was summoned by Chile." with the temporal
// noun as the passive subject and the ambassador its object.
TEST(CoderRobust, TemporalSubjectHandsItsSlotToTheNounItGoverns) {
  auto ev = code({"Yesterday yesterday NOUN NN 8 nsubj:pass", "the the DET DT 4 det",
                  "Peruvian Peruvian ADJ JJ 4 amod", "ambassador ambassador NOUN NN 1 obj",
                  "to to ADP IN 6 case", "Lima Lima PROPN NNP 1 obl", "was be AUX VBD 8 aux:pass",
                  "summoned summon VERB VBN 0 root", "by by ADP IN 10 case", "Chile Chile PROPN NNP 8 obl:agent",
                  ". . PUNCT . 8 punct"});
  EXPECT_EQ(dyad_of(ev, "1"), "CHL>PERGOV");
}

// "Last week the Chilean envoy was expelled by Peru." with "week" as the
// passive subject and the envoy as the verb's object.
TEST(CoderRobust, PassiveWithATemporalSubjectTakesItsObjectAsPatient) {
  auto ev = code({"Last last ADJ JJ 2 amod", "week week NOUN NN 7 nsubj:pass", "the the DET DT 5 det",
                  "Chilean Chilean ADJ JJ 5 amod", "envoy envoy NOUN NN 7 obj", "was be AUX VBD 7 aux:pass",
                  "expelled expel VERB VBN 0 root", "by by ADP IN 9 case", "Peru Peru PROPN NNP 7 obl:agent",
                  ". . PUNCT . 7 punct"});
  EXPECT_EQ(dyad_of(ev, "1"), "PER>CHLGOV");
}

// "Peru granted asylum to four Bolivian army officers." as two objects with
// "to" hung on the numeral.
TEST(CoderRobust, ObjectOpeningWithAPrepositionIsAnOblique) {
  auto ev = code({"Peru Peru PROPN NNP 2 nsubj", "granted grant VERB VBD 0 root", "asylum asylum NOUN NN 2 obj",
                  "to to ADP IN 5 case", "four four NUM CD 8 nummod", "Bolivian Bolivian ADJ JJ 8 amod",
                  "army army NOUN NN 8 compound", "officers officer NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "07"), "PER>BOLMIL");
}

// "Chile rejected a proposal from Bolivia." with "from Bolivia" on the verb.
TEST(CoderRobust, FromPhraseRightAfterTheObjectIsItsAuthor) {
  auto ev = code({"Chile Chile PROPN NNP 2 nsubj", "rejected reject VERB VBD 0 root", "a a DET DT 4 det",
                  "proposal proposal NOUN NN 2 obj", "from from ADP IN 6 case", "Bolivia Bolivia PROPN NNP 2 obl",
                  ". . PUNCT . 2 punct"});
  EXPECT_EQ(dyad_of(ev, "12"), "CHL>BOL");
}

TEST(CoderRobust, TemporalNounsNeedADeicticModifierOrAreBare) {
  dyad::Document d = parsed({"The the DET DT 2 det", "week week NOUN NN 3 nsubj", "tested test VERB VBD 0 root",
                             "Monday Monday PROPN NNP 5 compound", "night night NOUN NN 3 obj"});
  const dyad::Sentence& s = d.sentences[0];
  EXPECT_FALSE(dyad::detail::temporal_noun(s, 1));  // "the week" may be a participant
  EXPECT_TRUE(dyad::detail::temporal_noun(s, 3));
  EXPECT_TRUE(dyad::detail::temporal_noun(s, 4));  // "Monday night"
}

TEST(CoderRobust, CorrectParsesAreLeftAlone) {
  dyad::Document d = parsed({"Chile Chile PROPN NNP 2 nsubj", "expelled expel VERB VBD 0 root",
                             "two two NUM CD 4 nummod", "diplomats diplomat NOUN NNS 2 obj",
                             "yesterday yesterday NOUN NN 2 obl:tmod", ". . PUNCT . 2 punct"});
  EXPECT_FALSE(dyad::detail::needs_argument_repair(d.sentences[0]));
  dyad::Sentence s = d.sentences[0];
  EXPECT_FALSE(dyad::detail::repair_arguments(s, nullptr));
}

}  // namespace
