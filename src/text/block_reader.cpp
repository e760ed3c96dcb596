// BlockReader: bounded-memory reading of large inputs.
//
// Design: keep at most `max_block` bytes buffered. A block ends after the
// last blank line (paragraph break) in the buffer; failing that, after the
// last newline; failing that, at the last UTF-8 character boundary, so a
// block never splits a code point and, when the text has paragraphs, never
// splits a paragraph. Whatever follows the cut is carried to the next block.
#include <algorithm>

#include "dyad/text.h"
#include "text/utf8.h"

namespace dyad {
namespace {

// Returns the end (exclusive) of the last "\n<blank>\n" in s, or npos.
std::size_t last_paragraph_break(std::string_view s) {
  std::size_t pos = s.size();
  while (pos > 0) {
    std::size_t nl = s.rfind('\n', pos - 1);
    if (nl == std::string_view::npos || nl == 0) return std::string_view::npos;
    // Walk back over blanks to a previous newline.
    std::size_t k = nl;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r')) --k;
    if (k > 0 && s[k - 1] == '\n') return nl + 1;
    pos = nl;
  }
  return std::string_view::npos;
}

}  // namespace

BlockReader::BlockReader(std::istream& in, std::size_t max_block)
    : in_(in), max_block_(std::max<std::size_t>(max_block, 4)) {}

bool BlockReader::next(std::string& block, std::size_t& offset) {
  if (!eof_ && carry_.size() < max_block_) {
    std::size_t have = carry_.size();
    carry_.resize(max_block_);
    in_.read(carry_.data() + have, static_cast<std::streamsize>(max_block_ - have));
    carry_.resize(have + static_cast<std::size_t>(in_.gcount()));
    if (carry_.size() < max_block_) eof_ = true;
  }
  if (carry_.empty()) return false;
  std::size_t cut = carry_.size();
  if (!eof_) {
    cut = last_paragraph_break(carry_);
    if (cut == std::string::npos) {
      std::size_t nl = carry_.rfind('\n');
      cut = nl == std::string::npos ? std::string::npos : nl + 1;
    }
    if (cut == std::string::npos) {
      // Cut before a code point that the buffer holds only in part.
      std::size_t last = detail::char_start(carry_, carry_.size() - 1);
      char32_t cp;
      bool complete = detail::decode_utf8(carry_, last, cp) == carry_.size() - last;
      cut = complete || last == 0 ? carry_.size() : last;
    }
  }
  block.assign(carry_, 0, cut);
  carry_.erase(0, cut);
  offset = offset_;
  offset_ += cut;
  return true;
}

}  // namespace dyad
