// Tokenizer invariants on generated and real text: spans are ordered, lie in
// the input, cover every non-space byte exactly once, and forms match them.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dyad/conllu.h"
#include "dyad/text.h"

namespace dyad {
namespace {

bool is_space_byte_seq(std::string_view s, std::size_t i, std::size_t& len) {
  static const char* const kSpaces[] = {" ", "\t", "\n", "\r", "\xC2\xA0", "\xE2\x80\x89"};
  for (const char* sp : kSpaces) {
    std::string_view v(sp);
    if (s.substr(i, v.size()) == v) {
      len = v.size();
      return true;
    }
  }
  return false;
}

// Checks the invariants and returns the number of words.
std::size_t check_invariants(const Tokenizer& t, std::string_view text, std::size_t base) {
  std::vector<Sentence> sents = t.segment(text, base);
  std::vector<bool> covered(text.size(), false);
  std::size_t prev_end = base, words = 0;
  for (const Sentence& s : sents) {
    EXPECT_LE(prev_end, s.span.start);
    EXPECT_LT(s.span.start, s.span.end);
    EXPECT_LE(s.span.end, base + text.size());
    EXPECT_FALSE(s.words.empty());
    std::size_t m = 0;
    for (std::size_t w = 0; w < s.words.size(); ++w) {
      Span sp = s.words[w].span;
      EXPECT_FALSE(s.words[w].form.empty());
      if (m < s.multiword.size() && s.multiword[m].first == static_cast<int>(w) + 1) {
        w = static_cast<std::size_t>(s.multiword[m].last) - 1;
        sp = s.multiword[m++].span;
      } else {
        EXPECT_EQ(s.words[w].form, normalize_nfc(text.substr(sp.start - base, sp.end - sp.start)));
      }
      EXPECT_LE(s.span.start, sp.start);
      EXPECT_LE(sp.end, s.span.end);
      EXPECT_LT(sp.start, sp.end);
      for (std::size_t b = sp.start - base; b < sp.end - base; ++b) {
        EXPECT_FALSE(covered[b]) << "byte " << b << " in two tokens";
        covered[b] = true;
      }
    }
    words += s.words.size();
    prev_end = s.span.end;
  }
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    if (is_space_byte_seq(text, i, len)) {
      for (std::size_t k = i; k < i + len; ++k) EXPECT_FALSE(covered[k]) << "space byte " << k;
    } else {
      EXPECT_TRUE(covered[i]) << "byte " << i << " in no token: " << text.substr(i, 20);
    }
    i += len;
  }
  return words;
}

// The rules alone, and rules with the shipped sentence model when present.
std::vector<Tokenizer> tokenizers() {
  std::vector<Tokenizer> out{Tokenizer()};
  std::string model = std::string(DYAD_SOURCE_DIR) + "/data/models/splitter.dyadm";
  if (std::filesystem::exists(model)) out.push_back(Tokenizer::load(model));
  return out;
}

TEST(TextInvariants, GeneratedText) {
  const std::vector<Tokenizer> all = tokenizers();
  // clang-format off
  static const char* const kPieces[] = {
      "a", "Z", "the", "U.S.", "Mr.", "don't", "can't", "I'm", "dont", "gonna", "1,000.50", "10:30",
      "$", "%", "-", "--", ".", "..", "...", "!", "?", ",", ";", ":", "'", "\"", "(", ")", "[",
      "/", "@", "&", "#", "*", "_", "`", ":)", ";-)", "e-mail", "x@y.org", "http://a.b/c?d=1",
      "www.", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6",
      "caf\xC3\xA9", "e\xCC\x81", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xCC\x81", "s'", "'s",
      "n't", "65k", "5pm", "b/c", "w/", "1/2", "11/28/2000", "713-555-0199", "A.", "etc.", " ",
      " ", " ", " ", "\n", "\n\n", "\t", "\xC2\xA0", "\xE2\x80\x89", "\r\n"};
  // clang-format on
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) text += kPieces[pick(rng)];
    SCOPED_TRACE(text);
    for (const Tokenizer& t : all) check_invariants(t, text, round * 17);
  }
}

TEST(TextInvariants, EwtDevText) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  std::string text;
  for (const Sentence& s : read_conllu_file(path)) {
    if (!text.empty()) text += (s.new_paragraph || s.new_document) ? "\n\n" : " ";
    text += s.text;
  }
  for (const Tokenizer& t : tokenizers()) EXPECT_GT(check_invariants(t, text, 0), 20000u);
}

// segment() is const and shares only immutable state (lexicons, model), so
// concurrent calls on one Tokenizer must give the sequential result.
TEST(TextInvariants, ConcurrentSegmentMatchesSequential) {
  std::string text;
  for (int k = 0; k < 200; ++k) {
    text += "Mr. Lee's caf\xC3\xA9 didn't open on Jan. " + std::to_string(k % 28 + 1) +
            ". Thanks, Ann\n\n";
  }
  for (const Tokenizer& t : tokenizers()) {
    std::vector<Sentence> expected = t.segment(text, 100);
    std::vector<std::vector<Sentence>> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back([&t, &text, &r] { r = t.segment(text, 100); });
    for (auto& th : threads) th.join();
    for (const auto& r : results) {
      ASSERT_EQ(r.size(), expected.size());
      for (std::size_t k = 0; k < r.size(); ++k) {
        EXPECT_EQ(r[k].text, expected[k].text);
        ASSERT_EQ(r[k].words.size(), expected[k].words.size());
        for (std::size_t w = 0; w < r[k].words.size(); ++w) {
          EXPECT_EQ(r[k].words[w].form, expected[k].words[w].form);
          EXPECT_EQ(r[k].words[w].span, expected[k].words[w].span);
        }
      }
    }
  }
}

}  // namespace
}  // namespace dyad
