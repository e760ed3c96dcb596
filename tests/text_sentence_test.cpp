// Sentence and paragraph segmentation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/text.h"

namespace dyad {
namespace {

std::vector<std::string> sentences(std::string_view text) {
  Tokenizer t;
  std::vector<std::string> out;
  for (const Sentence& s : t.segment(text)) out.push_back(s.text);
  return out;
}

using V = std::vector<std::string>;

TEST(TextSentences, TerminalPunctuation) {
  EXPECT_EQ(sentences("The talks failed. Both sides left! Will they return? Nobody knows."),
            (V{"The talks failed.", "Both sides left!", "Will they return?", "Nobody knows."}));
}

TEST(TextSentences, AbbreviationsAndInitialsDoNotSplit) {
  EXPECT_EQ(sentences("Mr. Smith met Gen. Ortiz at 10 a.m. on Monday. J. R. Ewing left early."),
            (V{"Mr. Smith met Gen. Ortiz at 10 a.m. on Monday.", "J. R. Ewing left early."}));
  EXPECT_EQ(sentences("Exports to the U.S. fell 3.5 percent in Sept. and rose in Oct. after that."),
            (V{"Exports to the U.S. fell 3.5 percent in Sept. and rose in Oct. after that."}));
}

TEST(TextSentences, UnlistedAbbreviationBeforeLowerCaseContinues) {
  EXPECT_EQ(sentences("The Third Inf. arrived late. Troops left."),
            (V{"The Third Inf. arrived late.", "Troops left."}));
}

TEST(TextSentences, AbbreviationAtSentenceEndSplitsOffPeriod) {
  Tokenizer t;
  auto s = t.segment("Troops returned to the U.S. The war was over.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "Troops returned to the U.S.");
  ASSERT_EQ(s[0].words.size(), 6u);
  EXPECT_EQ(s[0].words[4].form, "U.S");
  EXPECT_EQ(s[0].words[5].form, ".");
  EXPECT_FALSE(s[0].words[4].space_after);
  EXPECT_EQ(s[0].words[5].span, (Span{26, 27}));
}

TEST(TextSentences, DecimalsAndQuotesAfterPeriod) {
  EXPECT_EQ(sentences("Prices rose 2.5 percent. \"We are worried.\" The bank said so."),
            (V{"Prices rose 2.5 percent.", "\"We are worried.\"", "The bank said so."}));
  EXPECT_EQ(sentences("He said \xE2\x80\x9CNo.\xE2\x80\x9D Then (quietly) he left."),
            (V{"He said \xE2\x80\x9CNo.\xE2\x80\x9D", "Then (quietly) he left."}));
}

TEST(TextSentences, EllipsisBeforeLowerCaseContinues) {
  EXPECT_EQ(sentences("Well... maybe not. ok then see you"),
            (V{"Well... maybe not.", "ok then see you"}));
}

TEST(TextSentences, WebTextEmoticonsAndLines) {
  EXPECT_EQ(sentences("loved the food :) Great service too"),
            (V{"loved the food :)", "Great service too"}));
  EXPECT_EQ(sentences("See you at the meeting. Best regards, Maria"),
            (V{"See you at the meeting.", "Best regards,", "Maria"}));
  // Short lines (signatures, lists) are sentences of their own.
  EXPECT_EQ(sentences("Thanks for the update\nBest regards\nAnna"),
            (V{"Thanks for the update", "Best regards", "Anna"}));
  // Long hard-wrapped prose lines are joined; the sentence text is one line
  // (CoNLL-U "# text"), the line break shown as a space at the same offset.
  EXPECT_EQ(sentences("The committee voted on the proposal after a long debate that lasted\r\n"
                      "until midnight on Thursday."),
            (V{"The committee voted on the proposal after a long debate that lasted  "
               "until midnight on Thursday."}));
}

TEST(TextSentences, ParagraphsFromBlankLines) {
  Tokenizer t;
  std::string text = "First paragraph. Still first.\n\n  \nSecond paragraph\n\nThird.";
  auto s = t.segment(text);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(s[0].new_paragraph);
  EXPECT_FALSE(s[1].new_paragraph);
  EXPECT_TRUE(s[2].new_paragraph);
  EXPECT_TRUE(s[3].new_paragraph);
  EXPECT_EQ(s[2].text, "Second paragraph");
  EXPECT_EQ(s[3].span, (Span{text.size() - 6, text.size()}));
}

}  // namespace
}  // namespace dyad
