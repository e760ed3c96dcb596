// Turns paths into a stream of Articles (or per-input problems).
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"

namespace dyad::detail {

struct SourceItem {
  std::optional<Article> article;  ///< Empty when `error` says why the input was skipped.
  std::string where;               ///< "path" or "path:line".
  std::string error;
  std::uint64_t bytes = 0;         ///< Input bytes this item consumed.
};

/// Articles from one JSON object (fields id, text|html, date, url, title, outlet,
/// outlet_country); `fallback_id` when it has no id. Throws dyad::Error.
Article article_from_json(const std::string& json_text, const std::string& fallback_id);
/// The same from an already parsed object (the HTTP server parses the body once).
Article article_from_json(const nlohmann::json& j, const std::string& fallback_id);

class ArticleSource {
 public:
  ArticleSource(const std::vector<std::string>& paths, std::uint64_t max_file_bytes);
  /// Next article or problem; false at the end.
  bool next(SourceItem& item);
  std::uint64_t total_bytes() const { return total_bytes_; }

 private:
  bool open_next_file(SourceItem& item);
  void whole_file(const std::string& path, const std::string& data, SourceItem& item);

  std::vector<std::string> files_;
  std::size_t next_file_ = 0;
  std::uint64_t max_bytes_;
  std::uint64_t total_bytes_ = 0;
  // The JSONL file being streamed, if any.
  std::unique_ptr<std::istream> jsonl_;
  std::string jsonl_path_;
  std::size_t jsonl_line_ = 0;
  std::vector<SourceItem> pending_;  // items of a JSON array file
};

}  // namespace dyad::detail
