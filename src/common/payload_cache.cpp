#include "common/payload_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace dyad::detail {
namespace {

constexpr char kEntryMagic[8] = {'D', 'Y', 'A', 'D', 'P', 'A', 'Y', '\x1a'};
constexpr std::uint32_t kEntryFormat = 1;
constexpr std::size_t kHeaderBytes = 64;

struct EntryHeader {
  char magic[8];
  std::uint32_t format;
  std::uint32_t kind;
  std::uint64_t key;
  std::uint64_t size;
  std::uint64_t checksum;
  char padding[kHeaderBytes - 40];
};
static_assert(sizeof(EntryHeader) == kHeaderBytes);

// Reads exactly n bytes at offset `at`; false on a short read or an error.
bool read_fully(int fd, char* out, std::size_t n, off_t at) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, at);
    if (got <= 0) return false;
    out += got;
    n -= static_cast<std::size_t>(got);
    at += got;
  }
  return true;
}

bool write_fully(int fd, const char* data, std::size_t n) {
  while (n > 0) {
    const ssize_t put = ::write(fd, data, n);
    if (put <= 0) return false;
    data += put;
    n -= static_cast<std::size_t>(put);
  }
  return true;
}

std::string kind_prefix(ModelKind kind) { return "model" + std::to_string(static_cast<std::uint32_t>(kind)) + "-"; }

}  // namespace

std::string payload_cache_dir() {
  if (const char* dir = std::getenv("DYAD_CACHE_DIR")) {
    const std::string d = dir;
    return d == "none" ? "" : d;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/dyad";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/dyad";
  return "";
}

std::uint64_t payload_checksum(std::string_view bytes) {
  std::uint64_t h[4] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL, 0x9e3779b97f4a7c15ULL, bytes.size()};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int lane = 0; lane < 4; ++lane) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + i + 8 * lane, 8);
      h[lane] = (h[lane] ^ w) * 0x100000001b3ULL;
      h[lane] ^= h[lane] >> 29;
    }
  }
  std::uint64_t out = h[0];
  for (int lane = 1; lane < 4; ++lane) out = (out ^ h[lane]) * 0xff51afd7ed558ccdULL;
  for (; i < bytes.size(); ++i) out = (out ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ULL;
  out ^= out >> 33;
  out *= 0xc4ceb9fe1a85ec53ULL;
  return out ^ (out >> 33);
}

std::string PayloadCache::entry_path(ModelKind kind, std::uint64_t key) const {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
  return dir_ + "/" + kind_prefix(kind) + hex + ".payload";
}

bool PayloadCache::read(ModelKind kind, std::uint64_t key, Payload& payload) const {
  if (!enabled()) return false;
  const std::string path = entry_path(kind, key);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const std::size_t size = payload.bytes().size();
  struct stat st {};
  EntryHeader h{};
  if (::fstat(fd, &st) != 0 || st.st_uid != ::geteuid()) {  // another user's file: neither trusted nor ours to delete
    ::close(fd);
    return false;
  }
  bool ok = S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) == kHeaderBytes + size &&
            read_fully(fd, reinterpret_cast<char*>(&h), kHeaderBytes, 0) &&
            std::memcmp(h.magic, kEntryMagic, sizeof kEntryMagic) == 0 && h.format == kEntryFormat &&
            h.kind == static_cast<std::uint32_t>(kind) && h.key == key && h.size == size;
  if (ok) {
    payload.prefault(0, size);
    ok = read_fully(fd, payload.data(), size, kHeaderBytes) && payload_checksum(payload.bytes()) == h.checksum;
  }
  ::close(fd);
  if (!ok) ::unlink(path.c_str());
  return ok;
}

bool PayloadCache::write(ModelKind kind, std::uint64_t key, std::string_view payload) const {
  if (!enabled()) return false;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  std::string temp = entry_path(kind, key) + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  EntryHeader h{};
  std::memcpy(h.magic, kEntryMagic, sizeof kEntryMagic);
  h.format = kEntryFormat;
  h.kind = static_cast<std::uint32_t>(kind);
  h.key = key;
  h.size = payload.size();
  h.checksum = payload_checksum(payload);
  const bool ok = write_fully(fd, reinterpret_cast<const char*>(&h), kHeaderBytes) &&
                  write_fully(fd, payload.data(), payload.size());
  const bool closed = ::close(fd) == 0;
  if (!ok || !closed || std::rename(temp.c_str(), entry_path(kind, key).c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  keep_newest(kind);
  return true;
}

void PayloadCache::keep_newest(ModelKind kind) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  const std::string prefix = kind_prefix(kind);
  // A temporary file this old was left by a process killed while writing
  // (one being written now is seconds old).
  const auto stale = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const fs::directory_entry& e : fs::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const fs::file_time_type written = e.last_write_time(ec);
    if (name.ends_with(".payload")) entries.emplace_back(written, e.path());
    else if (name.find(".payload.") != std::string::npos && !ec && written < stale) fs::remove(e.path(), ec);
  }
  if (entries.size() <= kEntriesPerKind) return;
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i + kEntriesPerKind < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace dyad::detail
