// The disk cache of decompressed model payloads (payload_cache.h): a second
// load reads the entry the first one wrote; a damaged entry is never used; a
// damaged model file is reported even when its payload is cached; small
// payloads and `DYAD_CACHE_DIR=none` write nothing.
#include "common/payload_cache.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

#include "common/model_file.h"
#include "dyad/error.h"

namespace dyad::detail {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

fs::path temp_dir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("dyad_cache_test_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// Compressible but not trivial: two frames' worth of small random numbers.
std::string payload_of(std::size_t size) {
  std::mt19937 rng(3);
  std::string s(size, '\0');
  for (char& c : s) c = static_cast<char>('a' + rng() % 7);
  return s;
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  return out;
}

std::string load(const fs::path& model) {
  return std::string(read_any_model_payload(model.string(), nullptr, 1)->bytes());
}

// A model file of `size` payload bytes in a fresh directory whose cache/
// subdirectory is the cache for the test's duration, loaded once (so cached).
struct CachedModel {
  CachedModel(const std::string& name, ModelKind kind, std::size_t size)
      : dir(temp_dir(name)), env("DYAD_CACHE_DIR", (dir / "cache").c_str()), payload(payload_of(size)),
        model(dir / "m.dyadm") {
    write_model_file(model.string(), {kind, 1, "cached"}, payload);
    EXPECT_EQ(load(model), payload);
  }
  ~CachedModel() { fs::remove_all(dir); }
  fs::path dir;
  ScopedEnv env;
  std::string payload;
  fs::path model;
};

TEST(PayloadCache, SecondLoadReadsTheEntryTheFirstWrote) {
  const CachedModel m("reuse", ModelKind::kParser, kFrameRawBytes + 12345);
  std::vector<fs::path> written = entries(m.dir / "cache");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(fs::file_size(written[0]), 64 + m.payload.size());

  // The second load takes the entry's bytes: change one (with a matching
  // checksum) and the load returns the changed payload.
  std::string entry = slurp(written[0]);
  entry[64 + 10] = 'Z';
  const std::uint64_t sum = payload_checksum(std::string_view(entry).substr(64));
  std::memcpy(entry.data() + 32, &sum, 8);
  spit(written[0], entry);
  const std::string second = load(m.model);
  EXPECT_EQ(second[10], 'Z');
  EXPECT_EQ(second.substr(11), m.payload.substr(11));
}

TEST(PayloadCache, AnotherUsersEntryIsIgnored) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the entry to another user";
  const CachedModel m("foreign", ModelKind::kParser, 2u << 20);
  const fs::path entry = entries(m.dir / "cache").at(0);
  // A well-formed entry with other weights, owned by someone else.
  std::string planted = slurp(entry);
  planted[64 + 10] = 'Z';
  const std::uint64_t sum = payload_checksum(std::string_view(planted).substr(64));
  std::memcpy(planted.data() + 32, &sum, 8);
  spit(entry, planted);
  ASSERT_EQ(::chown(entry.c_str(), 65534, 65534), 0);
  EXPECT_EQ(load(m.model), m.payload);
}

TEST(PayloadCache, DamagedOrTruncatedEntriesAreDroppedAndRewritten) {
  const CachedModel m("damaged", ModelKind::kTagger, 3u << 20);
  const fs::path entry = entries(m.dir / "cache").at(0);
  const std::string good = slurp(entry);
  std::string flipped = good;
  flipped[64 + 5000] ^= 0x01;  // checksum mismatch
  std::string wrong_key = good;
  wrong_key[16] ^= 0x01;
  for (const std::string& bad : {flipped, good.substr(0, good.size() - 1), wrong_key, std::string("junk")}) {
    spit(entry, bad);
    EXPECT_EQ(load(m.model), m.payload);  // decompressed again
    EXPECT_EQ(slurp(entry), good);        // and the entry written again
  }
}

TEST(PayloadCache, DamagedModelFileIsReportedThoughItsPayloadIsCached) {
  const CachedModel m("model_damaged", ModelKind::kParser, 2u << 20);
  ASSERT_EQ(entries(m.dir / "cache").size(), 1u);
  std::string corrupt = slurp(m.model);
  corrupt[corrupt.size() - 100] ^= 0x20;  // inside the last frame, not the frame table
  spit(m.model, corrupt);
  try {
    load(m.model);
    ADD_FAILURE() << "a damaged model file loaded from the cache";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("checksum mismatch"), std::string::npos) << e.what();
  }
}

TEST(PayloadCache, SmallPayloadsAndDisabledCacheWriteNothing) {
  const fs::path dir = temp_dir("nothing");
  const fs::path model = dir / "m.dyadm";
  {
    const ScopedEnv env("DYAD_CACHE_DIR", (dir / "cache").c_str());
    write_model_file(model.string(), {ModelKind::kSentenceSplitter, 1, "small"}, payload_of(1000));
    EXPECT_EQ(load(model), payload_of(1000));
    EXPECT_TRUE(entries(dir / "cache").empty());
  }
  const ScopedEnv env("DYAD_CACHE_DIR", "none");
  EXPECT_EQ(payload_cache_dir(), "");
  write_model_file(model.string(), {ModelKind::kParser, 1, "large"}, payload_of(2u << 20));
  EXPECT_EQ(load(model), payload_of(2u << 20));
  EXPECT_TRUE(entries(dir / "cache").empty());
  fs::remove_all(dir);
}

TEST(PayloadCache, DirectoryComesFromTheEnvironment) {
  {
    const ScopedEnv a("DYAD_CACHE_DIR", "/somewhere/else");
    EXPECT_EQ(payload_cache_dir(), "/somewhere/else");
  }
  const ScopedEnv unset("DYAD_CACHE_DIR", nullptr);
  {
    const ScopedEnv xdg("XDG_CACHE_HOME", "/xdg");
    EXPECT_EQ(payload_cache_dir(), "/xdg/dyad");
  }
  const ScopedEnv no_xdg("XDG_CACHE_HOME", nullptr);
  {
    const ScopedEnv home("HOME", "/home/analyst");
    EXPECT_EQ(payload_cache_dir(), "/home/analyst/.cache/dyad");
  }
  const ScopedEnv no_home("HOME", nullptr);
  EXPECT_EQ(payload_cache_dir(), "");
}

TEST(PayloadCache, KeepsTheNewestEntriesOfAKindAndDropsStaleTemporaries) {
  const fs::path dir = temp_dir("prune");
  const PayloadCache cache((dir / "cache").string());
  const std::string payload = payload_of(100);
  for (std::uint64_t key = 1; key <= PayloadCache::kEntriesPerKind + 2; ++key) {
    ASSERT_TRUE(cache.write(ModelKind::kParser, key, payload));
    // Distinct modification times, oldest first.
    fs::last_write_time(cache.entry_path(ModelKind::kParser, key),
                        fs::file_time_type::clock::now() - std::chrono::hours(100 - key));
  }
  // Temporary files of interrupted writes: an old one goes, a fresh one (a write in progress) stays.
  const fs::path old_temp = cache.entry_path(ModelKind::kTagger, 9) + ".aaaaaa";
  const fs::path new_temp = cache.entry_path(ModelKind::kTagger, 9) + ".bbbbbb";
  spit(old_temp, "partial");
  spit(new_temp, "partial");
  fs::last_write_time(old_temp, fs::file_time_type::clock::now() - std::chrono::hours(2));
  ASSERT_TRUE(cache.write(ModelKind::kTagger, 1, payload));  // another kind is not counted
  EXPECT_FALSE(fs::exists(old_temp));
  EXPECT_TRUE(fs::exists(new_temp));
  fs::remove(new_temp);
  EXPECT_EQ(entries(dir / "cache").size(), PayloadCache::kEntriesPerKind + 1);
  EXPECT_FALSE(fs::exists(cache.entry_path(ModelKind::kParser, 1)));
  EXPECT_FALSE(fs::exists(cache.entry_path(ModelKind::kParser, 2)));
  EXPECT_TRUE(fs::exists(cache.entry_path(ModelKind::kParser, PayloadCache::kEntriesPerKind + 2)));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad::detail
