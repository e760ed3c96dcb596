#include "dyad/pipeline.h"

#include <cstdlib>
#include <filesystem>

#include "dyad/error.h"

namespace dyad {

std::string default_model_dir() {
  if (const char* env = std::getenv("DYAD_MODEL_DIR"); env && *env) return env;
  return std::string(DYAD_SOURCE_DIR) + "/data/models";
}

Pipeline Pipeline::load(const PipelineOptions& options) {
  Pipeline p;
  p.options_ = options;
  std::string dir = options.model_dir.empty() ? default_model_dir() : options.model_dir;
  // The statistical sentence splitter is optional: without it the tokenizer
  // falls back to its rules (Sentences F1 85 instead of 89 on EWT test).
  if (std::filesystem::exists(dir + "/splitter.dyadm")) p.tokenizer_ = Tokenizer::load(dir + "/splitter.dyadm");
  if (options.tag) p.tagger_ = std::make_shared<const Tagger>(Tagger::load(dir + "/tagger.dyadm"));
  if (options.parse) p.parser_ = std::make_shared<const Parser>(Parser::load(dir + "/parser.dyadm"));
  return p;
}

Document Pipeline::process(std::string_view text, std::string id, std::size_t base_offset) const {
  Document doc = segment(text, std::move(id), base_offset);
  annotate(doc.sentences);
  return doc;
}

Document Pipeline::segment(std::string_view text, std::string id, std::size_t base_offset) const {
  Document doc;
  doc.id = std::move(id);
  if (options_.lenient_utf8) {
    doc.text = repair_utf8(text);
  } else {
    validate_utf8(text, base_offset);
    doc.text = std::string(text);
  }
  doc.sentences = tokenizer_.segment(doc.text, base_offset);
  return doc;
}

void Pipeline::annotate(std::span<Sentence> sentences) const {
  // Every sentence is tagged before any is parsed: the two models' hot
  // weights then stay in cache through each pass instead of evicting each
  // other at every sentence (tokenize+tag+parse median 22.9k -> 27.0k
  // words/s, 5 interleaved rounds, 2026-11-29 23:30 UTC, load ~5).
  if (tagger_)
    for (Sentence& s : sentences) tagger_->tag(s);
  if (tagger_ && corrector_)
    for (Sentence& s : sentences) corrector_->correct(s);
  if (parser_)
    for (Sentence& s : sentences) parser_->parse(s);
}

void Pipeline::annotate(Sentence& sentence) const {
  if (tagger_) tagger_->tag(sentence);
  if (tagger_ && corrector_) corrector_->correct(sentence);
  if (parser_) parser_->parse(sentence);
}

Pipeline Pipeline::with_tag_corrector(std::shared_ptr<const TagCorrector> corrector) const {
  Pipeline p = *this;
  p.corrector_ = std::move(corrector);
  return p;
}

}  // namespace dyad
