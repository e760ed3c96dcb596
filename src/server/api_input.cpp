#include "server/api_input.h"

#include <algorithm>
#include <cctype>

#include "dyad/error.h"
#include "dyad/store.h"
#include "dyad/text.h"
#include "store/article_source.h"
#include "text/utf8.h"

namespace dyad::detail {
namespace {

ApiError bad(const std::string& message) { return ApiError{400, "bad_request", message}; }

std::string media_type(const ApiRequest& r) {
  std::string ct = r.header("content-type");
  std::string charset;
  auto semi = ct.find(';');
  if (semi != std::string::npos) {
    std::string params = ct.substr(semi + 1);
    ct = ct.substr(0, semi);
    std::transform(params.begin(), params.end(), params.begin(), [](unsigned char c) { return std::tolower(c); });
    auto cs = params.find("charset=");
    if (cs != std::string::npos) {
      charset = params.substr(cs + 8);
      charset = charset.substr(0, charset.find_first_of("; "));
      charset.erase(std::remove(charset.begin(), charset.end(), '"'), charset.end());
    }
  }
  while (!ct.empty() && ct.back() == ' ') ct.pop_back();
  while (!ct.empty() && ct.front() == ' ') ct.erase(0, 1);
  std::transform(ct.begin(), ct.end(), ct.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
    throw ApiError{415, "unsupported_media_type", "charset '" + charset + "' is not supported; send UTF-8"};
  }
  return ct;
}

bool lenient(const ApiRequest& r) {
  auto it = r.params.find("lenient");
  return it != r.params.end() && (it->second == "1" || it->second == "true" || it->second.empty());
}

// Invalid UTF-8 is refused with its byte offset, or repaired when ?lenient=1.
std::string checked_body(const ApiRequest& r) {
  if (lenient(r)) return repair_utf8(r.body);
  const std::string& b = r.body;
  for (std::size_t i = 0; i < b.size();) {
    char32_t cp;
    std::size_t n = decode_utf8(b, i, cp);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(b[i]));
      throw bad("invalid UTF-8 in the body at byte " + std::to_string(i) + " (" + hex +
                "); send UTF-8, or add ?lenient=1 to replace invalid bytes with U+FFFD");
    }
    i += n;
  }
  return b;
}

bool is_date(const std::string& d) {
  if (d.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]))) return false;
  }
  if (d[4] != '-' || d[7] != '-') return false;
  int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string default_id(const Article& a) { return "doc-" + article_content_hash(a).substr(0, 12); }

}  // namespace

Article article_from_request_json(const nlohmann::json& j) {
  if (!j.is_object()) throw bad("expected a JSON object with a string \"text\" field");
  for (const char* key : {"text", "html", "id", "date", "outlet", "outlet_country", "title", "url"}) {
    auto it = j.find(key);
    if (it != j.end() && !it->is_string() && !it->is_null()) {
      throw bad(std::string("field \"") + key + "\" must be a string, not " + it->type_name());
    }
  }
  auto str = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (str("text").empty() && str("html").empty()) throw bad("field \"text\" is missing or empty");
  if (!str("date").empty() && !is_date(str("date"))) {
    throw bad("field \"date\" must be YYYY-MM-DD, not '" + str("date").substr(0, 40) + "'");
  }
  std::string oc = str("outlet_country");
  if (!oc.empty() && (oc.size() != 3 || !std::all_of(oc.begin(), oc.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))) {
    throw bad("field \"outlet_country\" must be an ISO 3166 alpha-3 code such as FRA");
  }
  Article a;
  try {
    a = article_from_json(j, "");
  } catch (const Error& e) {
    throw bad(e.what());
  }
  if (a.id.empty()) a.id = default_id(a);
  return a;
}

ParsedBody parse_article_body(const ApiRequest& r, std::size_t max_body) {
  if (r.body_too_large || r.body.size() > max_body) {
    throw ApiError{413, "payload_too_large",
                   "request body is larger than the server's limit of " + std::to_string(max_body) +
                       " bytes (dyad serve --max-body); split the batch"};
  }
  std::string type = media_type(r);
  std::string body = checked_body(r);
  ParsedBody out;
  if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/x-jsonlines" ||
      type == "application/jsonlines") {
    out.batch = true;
    std::size_t line = 0;
    for (std::size_t pos = 0; pos < body.size();) {
      std::size_t nl = body.find('\n', pos);
      std::string text = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? body.size() : nl + 1;
      ++line;
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      InputItem item;
      item.line = line;
      try {
        item.article = article_from_request_json(nlohmann::json::parse(text));
      } catch (const nlohmann::json::exception& e) {
        item.error = bad("line " + std::to_string(line) + ": malformed JSON: " + e.what());
      } catch (const ApiError& e) {
        item.error = ApiError{e.status, e.code, "line " + std::to_string(line) + ": " + e.message};
      }
      out.items.push_back(std::move(item));
    }
    if (out.items.empty()) throw bad("empty batch: send one JSON article object per line");
    return out;
  }
  InputItem item;
  if (type == "application/json" || type.empty()) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& e) {
      throw bad(std::string("malformed JSON: ") + e.what());
    }
    item.article = article_from_request_json(j);
  } else if (type == "text/plain") {
    nlohmann::json j = {{"text", body}};
    for (const char* key : {"id", "date", "outlet", "outlet_country", "title", "url"}) {
      auto it = r.params.find(key);
      if (it != r.params.end()) j[key] = it->second;
    }
    item.article = article_from_request_json(j);
  } else {
    throw ApiError{415, "unsupported_media_type",
                   "Content-Type '" + type + "' is not supported: use application/json (one article), "
                   "application/x-ndjson (one article per line) or text/plain (the text itself); with curl add "
                   "-H 'Content-Type: application/json'"};
  }
  out.items.push_back(std::move(item));
  return out;
}

}  // namespace dyad::detail
