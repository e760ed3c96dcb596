// BlockReader: bounded blocks that reassemble to the input.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "dyad/text.h"

namespace dyad {
namespace {

struct Block {
  std::string text;
  std::size_t offset;
};

std::vector<Block> read_all(const std::string& input, std::size_t max_block) {
  std::istringstream in(input);
  BlockReader reader(in, max_block);
  std::vector<Block> out;
  Block b;
  while (reader.next(b.text, b.offset)) out.push_back(b);
  return out;
}

void expect_reassembles(const std::string& input, const std::vector<Block>& blocks,
                        std::size_t max_block) {
  std::string joined;
  for (const Block& b : blocks) {
    EXPECT_EQ(b.offset, joined.size());
    EXPECT_LE(b.text.size(), max_block);
    EXPECT_FALSE(b.text.empty());
    EXPECT_NO_THROW(validate_utf8(b.text)) << "block at " << b.offset << " splits a character";
    joined += b.text;
  }
  EXPECT_EQ(joined, input);
}

TEST(TextBlockReader, EndsBlocksAtParagraphBreaks) {
  std::string input;
  for (int p = 0; p < 40; ++p) {
    input += "Paragraph " + std::to_string(p) + " says caf\xC3\xA9 twice.\nSecond line.\n\n";
  }
  auto blocks = read_all(input, 200);
  ASSERT_GT(blocks.size(), 5u);
  expect_reassembles(input, blocks, 200);
  for (std::size_t k = 0; k + 1 < blocks.size(); ++k) {
    EXPECT_EQ(blocks[k].text.substr(blocks[k].text.size() - 2), "\n\n") << k;
  }
}

TEST(TextBlockReader, FallsBackToLinesThenCharacters) {
  std::string lines;
  for (int k = 0; k < 30; ++k) lines += "line " + std::to_string(k) + " \xE2\x82\xAC\n";
  auto blocks = read_all(lines, 50);
  expect_reassembles(lines, blocks, 50);
  for (std::size_t k = 0; k + 1 < blocks.size(); ++k) EXPECT_EQ(blocks[k].text.back(), '\n');

  // No newline at all: 2-, 3- and 4-byte characters with a block size that
  // lands inside them.
  std::string run;
  for (int k = 0; k < 50; ++k) run += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";
  for (std::size_t max : {7u, 8u, 9u, 10u, 13u}) expect_reassembles(run, read_all(run, max), max);
}

TEST(TextBlockReader, SpansOfBlocksMatchWholeText) {
  std::string input;
  for (int p = 0; p < 20; ++p)
    input += "Item " + std::to_string(p) + " arrived. It didn't break.\n\n";
  Tokenizer t;
  auto whole = t.segment(input);
  std::vector<Sentence> pieces;
  for (const Block& b : read_all(input, 100)) {
    for (Sentence& s : t.segment(b.text, b.offset)) pieces.push_back(std::move(s));
  }
  ASSERT_EQ(pieces.size(), whole.size());
  for (std::size_t k = 0; k < whole.size(); ++k) {
    EXPECT_EQ(pieces[k].span, whole[k].span);
    ASSERT_EQ(pieces[k].words.size(), whole[k].words.size());
    for (std::size_t w = 0; w < whole[k].words.size(); ++w) {
      EXPECT_EQ(pieces[k].words[w].span, whole[k].words[w].span);
    }
  }
}

TEST(TextBlockReader, EmptyStream) { EXPECT_TRUE(read_all("", 64).empty()); }

}  // namespace
}  // namespace dyad
