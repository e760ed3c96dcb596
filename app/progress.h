// Progress of a long CLI job on stderr: redrawn in place (at most five times a
// second) when stderr is a terminal, nothing at all when it is not, so piped
// and logged runs stay clean.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace dyad::cli {

/// H:MM:SS, or "?" for a negative or infinite time.
inline std::string clock_text(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  long t = std::lround(s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  return buf;
}

/// Sum of the sizes of `files` that are regular files; 0 when any input is
/// stdin or a pipe (no ETA then).
inline std::uintmax_t total_input_bytes(const std::vector<std::string>& files) {
  std::uintmax_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    if (f == "-" || !std::filesystem::is_regular_file(f, ec)) return 0;
    total += std::filesystem::file_size(f, ec);
  }
  return files.empty() ? 0 : total;
}

class TerminalProgress {
 public:
  /// `what` names the job ("parse"); `unit` what count() counts ("sentences").
  TerminalProgress(std::string what, std::string unit, std::uintmax_t total_bytes)
      : what_(std::move(what)), unit_(std::move(unit)), total_(total_bytes), on_(isatty(STDERR_FILENO) == 1) {}
  ~TerminalProgress() { clear(); }
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  /// `bytes` of input consumed so far, `count` units done.
  void update(std::uintmax_t bytes, std::uintmax_t count) {
    if (!on_) return;
    const double now = seconds();
    if (now - last_ < 0.2) return;
    last_ = now;
    char line[256];
    const double rate = now > 0 ? static_cast<double>(count) / now : 0.0;
    std::string eta = "?";
    if (total_ > 0 && bytes > 0)
      eta = clock_text(static_cast<double>(total_ - std::min(total_, bytes)) * now / static_cast<double>(bytes));
    std::snprintf(line, sizeof line, "%s: %.1f MB%s, %ju %s, %.0f %s/s, ETA %s", what_.c_str(),
                  static_cast<double>(bytes) / 1e6, total_ ? (" of " + mb(total_)).c_str() : "", count,
                  unit_.c_str(), rate, unit_.c_str(), eta.c_str());
    std::cerr << "\r\033[K" << line << std::flush;
    drawn_ = true;
  }
  /// Wipes the line (before other output on stderr, and at the end).
  void clear() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  static std::string mb(std::uintmax_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(b) / 1e6);
    return buf;
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  std::string what_, unit_;
  std::uintmax_t total_;
  bool on_;
  bool drawn_ = false;
  double last_ = -1.0;  // the first update draws at once: a short job shows its progress too
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace dyad::cli
