// dyad — the engine: article text -> parsed document -> coded events.
//
// The one path from text to events. `dyad code`, `dyad ingest`, the store and
// the HTTP server all call Engine::code, so they can never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/pipeline.h"

namespace dyad {

/// One article as it arrives (from a file, a JSONL line, an HTTP body).
struct Article {
  std::string id;
  std::string text;
  std::optional<std::string> date;  ///< Publication date YYYY-MM-DD.
  std::string url;
  std::string title;
  std::string outlet;
  std::optional<std::string> outlet_country;  ///< ISO3; overrides the outlet table.
};

struct CodedArticle {
  Document document;          ///< Sentences with their parses; spans index document.text.
  std::vector<Event> events;  ///< In sentence order.
};

class Engine {
 public:
  /// Loads models and dictionaries once; throws dyad::Error naming the bad file.
  static Engine load(const PipelineOptions& nlp = {}, const CoderOptions& coder = {});

  /// Segments, tags, parses and codes one article. Thread-safe (const).
  CodedArticle code(const Article& article) const;

  const Pipeline& pipeline() const { return pipeline_; }
  const Coder& coder() const { return coder_; }

 private:
  Engine(Pipeline pipeline, Coder coder) : pipeline_(std::move(pipeline)), coder_(std::move(coder)) {}
  Pipeline pipeline_;
  Coder coder_;
};

}  // namespace dyad
