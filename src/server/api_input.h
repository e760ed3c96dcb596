// Request bodies of POST /v1/code and POST /v1/articles -> Articles.
//
// One body form per Content-Type: application/json (one article object),
// application/x-ndjson (one object per line, a batch), text/plain (the
// article text itself; metadata from the query string). Objects become
// Articles through the same article_from_json() that `dyad ingest` uses, after
// a strict type check, so a wrong type is a 400 naming the field instead of a
// silently ignored value.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "server/api.h"

namespace dyad::detail {

struct InputItem {
  std::size_t line = 0;           ///< 1-based line of a batch; 0 for a single article.
  std::optional<Article> article;
  std::optional<ApiError> error;  ///< Why this line is not an article.
};

struct ParsedBody {
  bool batch = false;
  std::vector<InputItem> items;
};

/// Throws ApiError for problems of the whole body (size, encoding, media type,
/// a single article that is malformed); batch lines fail one by one.
ParsedBody parse_article_body(const ApiRequest& r, std::size_t max_body);

/// Validates and converts one parsed JSON article object; throws ApiError (400).
Article article_from_request_json(const nlohmann::json& j);

}  // namespace dyad::detail
