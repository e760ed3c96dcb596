#include "server/static_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "dyad/server.h"

namespace fs = std::filesystem;

namespace dyad {

std::string default_web_dir() {
  if (const char* env = std::getenv("DYAD_WEB_DIR"); env && *env) return env;
  // The executable lives in <build dir>/bin; the dashboard build in <build dir>/web.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "web-build";
  return (exe.parent_path().parent_path() / "web").string();
}

}  // namespace dyad

namespace dyad::detail {
namespace {

std::string content_type(const fs::path& p) {
  static const std::map<std::string, std::string> k = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".jpg", "image/jpeg"},                  {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},                {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},   {".wasm", "application/wasm"},
      {".webmanifest", "application/manifest+json"}};
  auto it = k.find(p.extension().string());
  return it == k.end() ? "application/octet-stream" : it->second;
}

ApiResponse file_response(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ApiError{500, "internal", "cannot read " + file.string()};
  std::ostringstream buf;
  buf << in.rdbuf();
  ApiResponse r;
  r.content_type = content_type(file);
  r.body = buf.str();
  // Vite names assets by content hash, so they never change; index.html does.
  bool hashed = file.parent_path().filename() == "assets";
  r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace

ApiResponse serve_static(const std::string& web_dir, const std::string& path) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(web_dir, ec);
  if (ec || !fs::is_regular_file(root / "index.html", ec)) {
    throw ApiError{404, "not_found",
                   "the dashboard is not built: " + (fs::path(web_dir) / "index.html").string() +
                       " is missing; build it (cmake --build BUILD_DIR --target dyad_web, needs npm) or pass "
                       "dyad serve --web DIR; the API under /v1/ works without it"};
  }
  std::string rel = path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  if (rel.empty()) return file_response(root / "index.html");
  if (rel.find('\0') != std::string::npos) throw ApiError{404, "not_found", "no such file"};
  fs::path file = fs::weakly_canonical(root / rel, ec);
  // Refuse anything that resolves outside the web root (../, symlinks).
  auto [r_end, f_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  bool inside = !ec && r_end == root.end();
  if (inside && fs::is_regular_file(file, ec)) return file_response(file);
  if (inside && fs::path(rel).extension().empty()) return file_response(root / "index.html");
  throw ApiError{404, "not_found", "no file " + path.substr(0, 200) + " in the dashboard"};
}

}  // namespace dyad::detail
