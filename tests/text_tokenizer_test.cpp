// Tokenizer: EWT-style tokens, multiword tokens and byte spans.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/text.h"

namespace dyad {
namespace {

// Checks every span against the input bytes and returns the tokens of all
// sentences, a multiword token written as its words joined by '|'.
std::vector<std::string> tokens_of(const std::vector<Sentence>& sents, std::string_view text,
                                   std::size_t base) {
  std::vector<std::string> out;
  auto surface = [&](Span sp) {
    EXPECT_LE(base, sp.start);
    EXPECT_LE(sp.start, sp.end);
    EXPECT_LE(sp.end, base + text.size());
    return std::string(text.substr(sp.start - base, sp.end - sp.start));
  };
  for (const Sentence& s : sents) {
    EXPECT_EQ(surface(s.span), s.text);
    std::size_t m = 0;
    for (std::size_t w = 0; w < s.words.size(); ++w) {
      if (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(w) + 1) {
        const MultiwordToken& mwt = s.multiword[m++];
        EXPECT_EQ(surface(mwt.span), mwt.form);
        std::string joined, concat;
        for (int k = mwt.first; k <= mwt.last; ++k) {
          const Word& word = s.words[k - 1];
          EXPECT_EQ(word.span, mwt.span) << word.form;
          joined += (k == mwt.first ? "" : "|") + word.form;
          concat += word.form;
        }
        EXPECT_EQ(concat, mwt.form);
        EXPECT_EQ(s.words[mwt.last - 1].space_after, mwt.space_after);
        out.push_back(joined);
        w = static_cast<std::size_t>(mwt.last) - 1;
        continue;
      }
      const Word& word = s.words[w];
      EXPECT_EQ(surface(word.span), word.form);
      out.push_back(word.form);
    }
  }
  return out;
}

std::vector<std::string> tok(std::string_view text, std::size_t base = 0) {
  Tokenizer t;
  return tokens_of(t.segment(text, base), text, base);
}

using V = std::vector<std::string>;

TEST(TextTokenizer, NegationContractions) {
  EXPECT_EQ(tok("We don't know, they can't say and it won't matter."),
            (V{"We", "do|n't", "know", ",", "they", "ca|n't", "say", "and", "it", "wo|n't",
               "matter", "."}));
  EXPECT_EQ(tok("She cannot come; he isn't sure"),
            (V{"She", "can|not", "come", ";", "he", "is|n't", "sure"}));
  EXPECT_EQ(tok("They didn\xE2\x80\x99t go"), (V{"They", "did|n\xE2\x80\x99t", "go"}));
}

TEST(TextTokenizer, PronounAndPossessiveClitics) {
  EXPECT_EQ(tok("I'm sure it's the minister's plan, and we've seen the voters' mood."),
            (V{"I|'m", "sure", "it|'s", "the", "minister|'s", "plan", ",", "and", "we|'ve", "seen",
               "the", "voters|'", "mood", "."}));
  EXPECT_EQ(tok("You'll see they'd agree"), (V{"You|'ll", "see", "they|'d", "agree"}));
  // Decades and names with an inner apostrophe stay whole.
  EXPECT_EQ(tok("the 1990's and O'Neill"), (V{"the", "1990's", "and", "O'Neill"}));
}

TEST(TextTokenizer, ApostropheFreeContractions) {
  EXPECT_EQ(tok("im gonna say i dont care"), (V{"i|m", "gon|na", "say", "i", "do|nt", "care"}));
  EXPECT_EQ(tok("We wanna know"), (V{"We", "wan|na", "know"}));
}

TEST(TextTokenizer, Hyphens) {
  EXPECT_EQ(tok("a well-known anti-war group"),
            (V{"a", "well", "-", "known", "anti-war", "group"}));
  EXPECT_EQ(tok("send an e-mail to the co-chair"),
            (V{"send", "an", "e-mail", "to", "the", "co-chair"}));
  EXPECT_EQ(tok("call 713-555-0199 for 5-10 days in 1990-1991"),
            (V{"call", "713-555-0199", "for", "5", "-", "10", "days", "in", "1990", "-", "1991"}));
  EXPECT_EQ(tok("peace--at last"), (V{"peace", "--", "at", "last"}));
  EXPECT_EQ(tok("peace \xE2\x80\x94 at last"), (V{"peace", "\xE2\x80\x94", "at", "last"}));
}

TEST(TextTokenizer, NumbersMoneyAndPercent) {
  EXPECT_EQ(tok("It paid $1,000.50 at 10:30 on 11/28/2000, up 4.5%."),
            (V{"It", "paid", "$", "1,000.50", "at", "10:30", "on", "11/28/2000", ",", "up", "4.5",
               "%", "."}));
}

TEST(TextTokenizer, NumberUnitsSplitButOrdinalsStay) {
  EXPECT_EQ(tok("a 35mm lens for 650k at 5pm on the 23rd in the 1990s"),
            (V{"a", "35", "mm", "lens", "for", "650", "k", "at", "5", "pm", "on", "the", "23rd",
               "in", "the", "1990s"}));
  EXPECT_EQ(tok("$1.5bn at 2:30pm"), (V{"$", "1.5", "bn", "at", "2:30", "pm"}));
}

TEST(TextTokenizer, Abbreviations) {
  EXPECT_EQ(tok("Gen. Lee met Mr. Park in Jan. at the U.S. embassy, e.g. for talks."),
            (V{"Gen.", "Lee", "met", "Mr.", "Park", "in", "Jan.", "at", "the", "U.S.", "embassy",
               ",", "e.g.", "for", "talks", "."}));
  EXPECT_EQ(tok("J. R. Smith and Dr. Ng"), (V{"J.", "R.", "Smith", "and", "Dr.", "Ng"}));
  EXPECT_EQ(tok("(i.e., the rest)"), (V{"(", "i.e.", ",", "the", "rest", ")"}));
}

TEST(TextTokenizer, QuotesAndBrackets) {
  EXPECT_EQ(tok("\"No,\" she said (twice)."),
            (V{"\"", "No", ",", "\"", "she", "said", "(", "twice", ")", "."}));
  EXPECT_EQ(
      tok("\xE2\x80\x9CYes\xE2\x80\x9D and \xE2\x80\x98no\xE2\x80\x99"),
      (V{"\xE2\x80\x9C", "Yes", "\xE2\x80\x9D", "and", "\xE2\x80\x98", "no", "\xE2\x80\x99"}));
}

TEST(TextTokenizer, EllipsesAndRepeatedMarks) {
  EXPECT_EQ(tok("Wait... what?! No!!!"), (V{"Wait", "...", "what", "?!", "No", "!!!"}));
  EXPECT_EQ(tok("so\xE2\x80\xA6 fine"), (V{"so", "\xE2\x80\xA6", "fine"}));
}

TEST(TextTokenizer, UrlsEmailsEmoticons) {
  EXPECT_EQ(tok("See https://example.org/a/b?x=1&y=2. Or www.example.com, ok"),
            (V{"See", "https://example.org/a/b?x=1&y=2", ".", "Or", "www.example.com", ",", "ok"}));
  EXPECT_EQ(tok("Write to jane.doe@example.co.uk."),
            (V{"Write", "to", "jane.doe@example.co.uk", "."}));
  EXPECT_EQ(tok("great :) but sad :-( now"), (V{"great", ":)", "but", "sad", ":-(", "now"}));
  // Neither list numbering nor a colon before a name is an emoticon.
  EXPECT_EQ(tok("To:Pam :D"), (V{"To", ":", "Pam", ":D"}));
  EXPECT_EQ(tok("1) rice 8) tea"), (V{"1", ")", "rice", "8", ")", "tea"}));
}

TEST(TextTokenizer, SpacesAfterAndNoSpace) {
  Tokenizer t;
  std::string text = "He left(quietly).";
  auto s = t.segment(text);
  ASSERT_EQ(s.size(), 1u);
  std::vector<bool> space;
  for (const Word& w : s[0].words) space.push_back(w.space_after);
  EXPECT_EQ(tokens_of(s, text, 0), (V{"He", "left", "(", "quietly", ")", "."}));
  EXPECT_EQ(space, (std::vector<bool>{true, false, false, false, false, false}));
}

TEST(TextTokenizer, MultibyteTextAndBaseOffset) {
  // Multibyte characters before the tokens, and a block that starts at byte 5000.
  std::string text =
      "Z\xC3\xBCrich\xE2\x80\x99s caf\xC3\xA9 isn't cheap \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC "
      "ok.";
  std::size_t base = 5000;
  EXPECT_EQ(tok(text, base), (V{"Z\xC3\xBCrich|\xE2\x80\x99s", "caf\xC3\xA9", "is|n't", "cheap",
                                "\xE2\x80\x94", "\xE6\x97\xA5\xE6\x9C\xAC", "ok", "."}));
  Tokenizer t;
  auto s = t.segment(text, base);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].span, (Span{base, base + text.size()}));
  EXPECT_EQ(s[0].words.back().span, (Span{base + text.size() - 1, base + text.size()}));
  ASSERT_EQ(s[0].multiword.size(), 2u);
  EXPECT_EQ(s[0].multiword[1].form, "isn't");
  EXPECT_EQ(s[0].multiword[1].span.start, base + text.find("isn't"));
}

TEST(TextTokenizer, FormsAreNfcButSpansAreOriginal) {
  std::string text = "Cafe\xCC\x81 open";  // decomposed e + combining acute
  Tokenizer t;
  auto s = t.segment(text, 7);
  ASSERT_EQ(s.size(), 1u);
  ASSERT_EQ(s[0].words.size(), 2u);
  EXPECT_EQ(s[0].words[0].form, "Caf\xC3\xA9");
  EXPECT_EQ(s[0].words[0].span, (Span{7, 7 + 6}));
  EXPECT_EQ(s[0].text, text);
}

TEST(TextTokenizer, EmptyAndBlankInput) {
  Tokenizer t;
  EXPECT_TRUE(t.segment("").empty());
  EXPECT_TRUE(t.segment(" \n\n\t \n").empty());
}

}  // namespace
}  // namespace dyad
