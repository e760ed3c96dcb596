// The built dashboard (web/, built by npm into <build dir>/web) served at "/".
#pragma once

#include <string>

#include "server/api.h"

namespace dyad::detail {

/// The file for `path` under `web_dir` with its content type; "/" is
/// index.html, and an extension-less path that names no file is index.html too
/// (client-side routes). Paths leaving `web_dir` are 404. A missing build is a
/// 404 JSON error that says how to build it.
ApiResponse serve_static(const std::string& web_dir, const std::string& path);

}  // namespace dyad::detail
