// Article inputs: directories (recursive, sorted), plain text, JSON (an object
// or an array of objects), JSONL (streamed line by line, so a 10 GB file never
// sits in memory) and HTML. Every bad input becomes a SourceItem with a reason
// (binary, invalid UTF-8, broken JSON line N, HTML without body, too large);
// the caller reports it and moves on.
#include "store/article_source.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "coder/dates.h"
#include "dyad/error.h"
#include "store/html_text.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace dyad::detail {
namespace {

std::string lower_ext(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

bool is_html_ext(const std::string& e) { return e == ".html" || e == ".htm" || e == ".xhtml"; }

// Empty when fine, else the reason the bytes are not article text.
std::string text_problem(const std::string& data) {
  if (data.find('\0') != std::string::npos) return "binary file (contains NUL bytes)";
  for (std::size_t i = 0; i < data.size();) {
    char32_t cp;
    std::size_t n = decode_utf8(data, i, cp);
    if (n == 0) return "invalid UTF-8 at byte " + std::to_string(i) + " (convert the file to UTF-8)";
    i += n;
  }
  if (data.find_first_not_of(" \t\r\n") == std::string::npos) return "empty (no text)";
  return "";
}

Article text_article(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.text = text;
  // A dateline like "27 December 2023 15:28" at the top of the article.
  if (auto d = find_dateline(text)) a.date = format_date(*d);
  return a;
}

Article html_article(const std::string& id, const std::string& html) {
  HtmlArticle h = extract_html(html);
  Article a;
  a.id = id;
  a.text = std::move(h.text);
  a.title = std::move(h.title);
  a.url = std::move(h.url);
  a.outlet = std::move(h.outlet);
  if (!h.date.empty()) a.date = h.date;
  return a;
}

}  // namespace

Article article_from_json(const std::string& json_text, const std::string& fallback_id) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("broken JSON: ") + e.what());
  }
  return article_from_json(j, fallback_id);
}

Article article_from_json(const nlohmann::json& j, const std::string& fallback_id) {
  if (!j.is_object()) throw Error("expected a JSON object with \"text\" or \"html\"");
  auto str = [&](const char* key) -> std::string {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  Article a;
  if (!str("text").empty()) {
    a = text_article(fallback_id, str("text"));
  } else if (!str("html").empty()) {
    a = html_article(fallback_id, str("html"));
  } else {
    throw Error("JSON article has no string \"text\" or \"html\" field");
  }
  if (!str("id").empty()) a.id = str("id");
  if (!str("date").empty()) a.date = str("date").substr(0, 10);
  if (!str("url").empty()) a.url = str("url");
  if (!str("title").empty()) a.title = str("title");
  if (!str("outlet").empty()) a.outlet = str("outlet");
  if (!str("outlet_country").empty()) a.outlet_country = str("outlet_country");
  return a;
}

ArticleSource::ArticleSource(const std::vector<std::string>& paths, std::uint64_t max_file_bytes)
    : max_bytes_(max_file_bytes) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) files_.push_back(std::move(f));
    } else {
      files_.push_back(p);
    }
  }
  for (const std::string& f : files_) {
    std::error_code ec;
    if (f != "-") {
      auto n = fs::file_size(f, ec);
      if (!ec) total_bytes_ += n;
    }
  }
}

bool ArticleSource::next(SourceItem& item) {
  item = SourceItem{};
  if (!pending_.empty()) {
    item = std::move(pending_.back());
    pending_.pop_back();
    return true;
  }
  if (jsonl_) {
    std::string line;
    while (std::getline(*jsonl_, line)) {
      ++jsonl_line_;
      item.bytes += line.size() + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      item.where = jsonl_path_ + ":" + std::to_string(jsonl_line_);
      try {
        item.article = article_from_json(line, item.where);
      } catch (const Error& e) {
        item.error = e.what();
      }
      return true;
    }
    jsonl_.reset();
    if (item.bytes) {  // trailing blank lines: account for their bytes
      item.where = jsonl_path_;
      item.error = "";
    }
  }
  while (next_file_ < files_.size()) {
    if (open_next_file(item)) return true;
  }
  return false;
}

bool ArticleSource::open_next_file(SourceItem& item) {
  const std::string path = files_[next_file_++];
  item = SourceItem{};
  item.where = path == "-" ? "stdin" : path;
  std::string ext = lower_ext(path);
  if (path != "-") {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      item.error = "no such file or directory";
      return true;
    }
    auto size = fs::file_size(path, ec);
    if (ec) {
      item.error = "cannot read: " + ec.message();
      return true;
    }
    if (size > max_bytes_) {
      item.error = "file is larger than the " + std::to_string(max_bytes_ >> 20) + " MB limit (" +
                   std::to_string(size >> 20) + " MB); split it (e.g. into JSONL)";
      item.bytes = size;
      return true;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
      auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*in) {
        item.error = "cannot open for reading";
        return true;
      }
      jsonl_ = std::move(in);
      jsonl_path_ = path;
      jsonl_line_ = 0;
      return next(item);
    }
  }
  std::string data;
  if (path == "-") {
    int c = std::cin.peek();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      std::cin.get();
      c = std::cin.peek();
    }
    if (c == '{') {  // JSONL on stdin
      jsonl_ = std::make_unique<std::istream>(std::cin.rdbuf());
      jsonl_path_ = "stdin";
      jsonl_line_ = 0;
      return next(item);
    }
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    data = buf.str();
  } else {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    data = buf.str();
  }
  item.bytes = data.size();
  whole_file(path == "-" ? "stdin" : path, data, item);
  return true;
}

void ArticleSource::whole_file(const std::string& path, const std::string& data, SourceItem& item) {
  std::string ext = lower_ext(path);
  item.where = path;
  if (std::string bad = text_problem(data); !bad.empty()) {
    item.error = bad;
    return;
  }
  try {
    if (is_html_ext(ext)) {
      item.article = html_article(path, data);
    } else if (ext == ".json") {
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(data);
      } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("broken JSON: ") + e.what());
      }
      if (j.is_array()) {
        // Queue items in reverse: next() pops from the back.
        for (std::size_t i = j.size(); i-- > 0;) {
          SourceItem s;
          s.where = path + "[" + std::to_string(i) + "]";
          try {
            s.article = article_from_json(j[i].dump(), s.where);
          } catch (const Error& e) {
            s.error = e.what();
          }
          pending_.push_back(std::move(s));
        }
        item.error = pending_.empty() ? "empty JSON array" : "";
        if (!pending_.empty()) {
          std::uint64_t bytes = item.bytes;
          item = std::move(pending_.back());
          pending_.pop_back();
          item.bytes = bytes;
        }
      } else {
        item.article = article_from_json(data, path);
      }
    } else {
      item.article = text_article(path, data);
    }
  } catch (const Error& e) {
    item.error = e.what();
  }
}

}  // namespace dyad::detail
