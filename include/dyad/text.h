// dyad — text layer: UTF-8, normalization, segmentation and tokenization.
//
// Every token keeps its byte span in the original input; normalization never
// moves offsets (forms are normalized copies, spans point at the raw bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad {

/// Throws dyad::Error naming the byte offset (base_offset + position) of the
/// first invalid UTF-8 sequence, e.g. "invalid UTF-8 at byte 1234 (0xff); use --lenient".
void validate_utf8(std::string_view text, std::size_t base_offset = 0);

/// Returns a copy with each invalid sequence replaced by U+FFFD. (--lenient)
std::string repair_utf8(std::string_view text);

/// ICU NFC normalization of valid UTF-8.
std::string normalize_nfc(std::string_view text);

/// ICU full case folding of valid UTF-8 (for dictionary lookups).
std::string case_fold(std::string_view text);

namespace detail {
class SentenceModel;
}

/// Splits text into paragraphs, sentences and UD-style tokens (English EWT
/// conventions: "don't" -> token "don't" with words "do" "n't"; possessive
/// "'s"; abbreviations; URLs; e-mails). Stateless and thread-safe; copies
/// share the (immutable) sentence model.
class Tokenizer {
 public:
  /// Rule-based sentence splitting; needs no file.
  Tokenizer();
  /// Rules rescored by the statistical sentence-boundary model at `path`
  /// (data/models/splitter.dyadm, written by train_sentence_splitter), read
  /// once here. Throws dyad::Error naming the file when it is missing or bad.
  static Tokenizer load(const std::string& splitter_model_path);
  /// True when a sentence-boundary model is in use.
  bool has_model() const { return model_ != nullptr; }
  /// `text` must be valid UTF-8. Spans are `base_offset` + position in text.
  /// Paragraphs are separated by blank lines (new_paragraph marks their first
  /// sentence). Sentence::text is the sentence's original bytes with line
  /// breaks and tabs shown as spaces (one CoNLL-U line, same length as span).
  std::vector<Sentence> segment(std::string_view text, std::size_t base_offset = 0) const;

 private:
  std::shared_ptr<const detail::SentenceModel> model_;
};

/// Trains the sentence-boundary model on gold sentences (their texts joined as
/// tools/conllu_to_text.py does: a space within a paragraph, a blank line
/// between paragraphs) and writes it to `path`; `description` goes into the
/// file header (data, command, seed). Deterministic for a given seed.
void train_sentence_splitter(const std::vector<Sentence>& gold, const std::string& path,
                             const std::string& description, int epochs = 5,
                             std::uint64_t seed = 1);

/// Reads a stream in bounded blocks that end on a paragraph boundary (blank
/// line) when one is found within `max_block` bytes, so a 1 GB file never sits
/// in memory whole.
class BlockReader {
 public:
  explicit BlockReader(std::istream& in, std::size_t max_block = 1 << 20);
  /// Fills `block` and its byte `offset` in the stream; false at end of input.
  bool next(std::string& block, std::size_t& offset);

 private:
  std::istream& in_;
  std::size_t max_block_;
  std::string carry_;
  std::size_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace dyad
