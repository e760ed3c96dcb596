// dyad — the one NLP pipeline object: text -> tokens -> tags -> dependencies.
//
// The CLI, the coder, the store and the server all go through this class, so
// there is exactly one way text becomes parsed sentences.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/parser.h"
#include "dyad/tagger.h"
#include "dyad/text.h"

namespace dyad {

struct PipelineOptions {
  std::string model_dir;  ///< Holds tagger.dyadm and parser.dyadm; empty = default_model_dir().
  bool lenient_utf8 = false;  ///< Replace invalid UTF-8 with U+FFFD instead of failing.
  bool tag = true;
  bool parse = true;
};

/// Knowledge outside the models that corrects tags between tagging and
/// parsing, e.g. the coder's multi-word names ("Human Rights Watch" is a
/// name, not "Human Rights" doing "Watch"). Must be thread-safe (const).
class TagCorrector {
 public:
  virtual ~TagCorrector() = default;
  virtual void correct(Sentence& sentence) const = 0;
};

/// The directory of the bundled models: $DYAD_MODEL_DIR if set, else the
/// source tree's data/models.
std::string default_model_dir();

class Pipeline {
 public:
  /// Loads the models once; throws dyad::Error naming the missing/bad file.
  static Pipeline load(const PipelineOptions& options);

  /// Segments, tags and parses `text`; offsets are into `text` plus base_offset.
  /// Invalid UTF-8 throws (or is repaired when lenient_utf8; spans then point
  /// into the repaired text, which is what Document::text holds).
  Document process(std::string_view text, std::string id = {}, std::size_t base_offset = 0) const;

  /// The first half of process(): validates (or repairs) the text and
  /// segments it into sentences and tokens, without tags or trees.
  Document segment(std::string_view text, std::string id = {}, std::size_t base_offset = 0) const;
  /// Tags and parses already-segmented sentences (e.g. read from CoNLL-U),
  /// overwriting lemma/upos/xpos/feats/head/deprel.
  void annotate(Sentence& sentence) const;
  /// The second half of process(): tags every sentence, then parses every
  /// one (the two models' weights then stay in cache through each pass).
  /// Sentences are independent, so callers may annotate disjoint runs of a
  /// document on different threads and get the same result.
  void annotate(std::span<Sentence> sentences) const;

  const Tokenizer& tokenizer() const { return tokenizer_; }

  /// A pipeline sharing these models whose annotate() lets `corrector` fix
  /// the tags of every sentence before it is parsed (Engine::load passes the
  /// coder's names, so the CLI, ingest and the server parse alike).
  Pipeline with_tag_corrector(std::shared_ptr<const TagCorrector> corrector) const;

 private:
  Pipeline() = default;
  PipelineOptions options_;
  Tokenizer tokenizer_;
  std::shared_ptr<const Tagger> tagger_;
  std::shared_ptr<const Parser> parser_;
  std::shared_ptr<const TagCorrector> corrector_;
};

}  // namespace dyad
