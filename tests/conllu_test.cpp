#include "dyad/conllu.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dyad/error.h"

namespace dyad {
namespace {

// Written for this test: a multiword token, comments, paragraph markers.
constexpr const char* kTwoSentences =
    "# newdoc id = memo\n"
    "# sent_id = memo-1\n"
    "# text = We don't agree.\n"
    "# translit = none\n"
    "1\tWe\twe\tPRON\tPRP\tCase=Nom|Number=Plur|Person=1|PronType=Prs\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\tMood=Ind\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_\n"
    "4\tagree\tagree\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# newpar\n"
    "# sent_id = memo-2\n"
    "# text = Talks resumed.\n"
    "1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_\n"
    "2\tresumed\tresume\tVERB\tVBD\tTense=Past\t0\troot\t0:root\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\tGloss=stop\n"
    "\n";

std::vector<Sentence> read_all(const std::string& text) {
  std::istringstream in(text);
  ConlluReader reader(in, "memo.conllu");
  std::vector<Sentence> out;
  Sentence s;
  while (reader.next(s)) out.push_back(s);
  return out;
}

TEST(Conllu, ReadsWordsMultiwordTokensAndComments) {
  std::vector<Sentence> s = read_all(kTwoSentences);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].id, "memo-1");
  EXPECT_TRUE(s[0].new_document);
  EXPECT_TRUE(s[1].new_paragraph);
  ASSERT_EQ(s[0].words.size(), 5u);
  ASSERT_EQ(s[0].multiword.size(), 1u);
  EXPECT_EQ(s[0].multiword[0].form, "don't");
  EXPECT_EQ(s[0].words[2].lemma, "not");
  EXPECT_EQ(s[0].words[3].head, 0);
  EXPECT_FALSE(s[0].words[3].space_after);
  EXPECT_EQ(s[1].words[2].misc, "Gloss=stop");
}

TEST(Conllu, SpansPointIntoReconstructedText) {
  std::vector<Sentence> s = read_all(kTwoSentences);
  // Reconstructed text: "We don't agree.\n\nTalks resumed.\n"
  std::string text = "We don't agree.\n\nTalks resumed.\n";
  auto surface = [&](Span sp) { return text.substr(sp.start, sp.end - sp.start); };
  EXPECT_EQ(surface(s[0].words[1].span), "don't");
  EXPECT_EQ(surface(s[0].words[3].span), "agree");
  EXPECT_EQ(surface(s[1].words[0].span), "Talks");
  EXPECT_EQ(surface(s[1].span), "Talks resumed.");
}

TEST(Conllu, RoundTripIsByteIdenticalAfterOneWrite) {
  std::vector<Sentence> s = read_all(kTwoSentences);
  std::ostringstream once;
  for (const Sentence& x : s) write_conllu(once, x);
  std::vector<Sentence> again = read_all(once.str());
  std::ostringstream twice;
  for (const Sentence& x : again) write_conllu(twice, x);
  EXPECT_EQ(once.str(), twice.str());
  EXPECT_NE(once.str().find("2-3\tdon't\t_"), std::string::npos);
  EXPECT_NE(once.str().find("# translit = none"), std::string::npos);
  EXPECT_NE(once.str().find("TokenRange=3:8"), std::string::npos) << once.str();
  EXPECT_NE(once.str().find("Gloss=stop|TokenRange="), std::string::npos) << once.str();
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[1].words[0].span, s[1].words[0].span);
}

TEST(Conllu, MalformedLinesNameFileAndLine) {
  try {
    read_all("# text = a b\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\n\n");
    FAIL() << "accepted a short line";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("memo.conllu:3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_all("1\ta\ta\tX\tX\t_\tzero\troot\t_\t_\n\n"), Error);
  EXPECT_THROW(read_all("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n"), Error);
  EXPECT_THROW(read_all("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n\n"), Error);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Conllu, ReadsEwtTrainWhenShared) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  if (!std::ifstream(path)) GTEST_SKIP() << path << " absent";
  std::vector<Sentence> s = read_conllu_file(path);
  EXPECT_EQ(s.size(), 2001u);
  std::size_t mwt = 0;
  for (const Sentence& x : s) mwt += x.multiword.size();
  EXPECT_GT(mwt, 100u);
}

}  // namespace
}  // namespace dyad
