#include "common/model_file.h"

#include <unistd.h>

#include <gtest/gtest.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>

#include "dyad/error.h"
#include "dyad/model_file.h"

namespace dyad::detail {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const std::string& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(ModelFile, RoundTrip) {
  std::string path = temp_path("roundtrip.dyadm");
  BinaryWriter w;
  w.u32(42);
  w.str("hello");
  w.pod_vector(std::vector<float>{1.5f, -2.0f});
  write_model_file(path, {ModelKind::kTagger, 3, "test model"}, w.bytes());
  ModelFileInfo info;
  std::string payload = read_model_file(path, ModelKind::kTagger, 3, &info);
  EXPECT_EQ(info.description, "test model");
  EXPECT_EQ(info.version, 3u);
  BinaryReader r(payload, "payload");
  EXPECT_EQ(r.u32(), 42u);
  EXPECT_EQ(r.str(), "hello");
  EXPECT_EQ(r.pod_vector<float>(), (std::vector<float>{1.5f, -2.0f}));
  r.expect_end();
}

TEST(ModelFile, RejectsTruncatedCorruptNewerAndWrongKind) {
  std::string path = temp_path("bad.dyadm");
  write_model_file(path, {ModelKind::kParser, 1, "x"}, std::string(1000, 'a'));
  std::string good = slurp(path);

  spit(path, good.substr(0, good.size() - 3));
  EXPECT_THROW(read_model_file(path, ModelKind::kParser, 1), Error);

  std::string corrupt = good;
  corrupt[corrupt.size() - 2] ^= 0x55;
  spit(path, corrupt);
  try {
    read_model_file(path, ModelKind::kParser, 1);
    FAIL() << "corrupt file accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
  }

  spit(path, good);
  EXPECT_THROW(read_model_file(path, ModelKind::kParser, 0), Error);  // newer than supported
  EXPECT_THROW(read_model_file(path, ModelKind::kTagger, 1), Error);  // wrong kind
  spit(path, "not a model at all");
  EXPECT_THROW(read_model_file(path, ModelKind::kParser, 1), Error);
  EXPECT_THROW(read_model_file(path + ".missing", ModelKind::kParser, 1), Error);
}

// Bytes that compress a little but not to nothing (so frames have real
// content), of a size that needs three frames.
std::string three_frame_payload() {
  std::string payload(2 * kFrameRawBytes + 12345, '\0');
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (std::size_t i = 0; i < payload.size(); ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    payload[i] = static_cast<char>(i % 3 == 0 ? x & 0xff : i / 4096);
  }
  return payload;
}

std::string error_of(const std::string& path, ModelKind kind = ModelKind::kParser,
                     std::uint32_t max_version = 1) {
  try {
    read_model_file(path, kind, max_version);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ModelFile, ManyFramesRoundTripAndEachIsChecked) {
  const std::string path = temp_path("frames.dyadm");
  const std::string payload = three_frame_payload();
  write_model_file(path, {ModelKind::kParser, 1, "three frames"}, payload);
  ModelFileInfo info;
  EXPECT_EQ(read_model_file(path, ModelKind::kParser, 1, &info), payload);
  EXPECT_EQ(info.container, kContainerVersion);
  EXPECT_EQ(info.frames, 3u);
  EXPECT_EQ(info.raw_size, payload.size());
  const std::string good = slurp(path);
  EXPECT_EQ(info.file_size, good.size());

  // A flipped byte inside the last frame names that frame.
  std::string corrupt = good;
  corrupt[corrupt.size() - 100] ^= 0x20;
  spit(path, corrupt);
  std::string err = error_of(path);
  EXPECT_NE(err.find("checksum mismatch (frame 3 of 3)"), std::string::npos) << err;
  EXPECT_NE(err.find(path), std::string::npos) << err;

  // The frame table is checked before its sizes are used: the first frame's
  // raw size sits right after the payload size and the frame count.
  const std::size_t table = 8 + 4 * 3 + 4 + std::string("three frames").size() + 8;
  std::string tampered = good;
  tampered[table + 4] ^= 0x01;
  spit(path, tampered);
  err = error_of(path);
  EXPECT_NE(err.find("frame table checksum mismatch"), std::string::npos) << err;

  // Cut anywhere in the frames: a size error, never a partial payload.
  for (std::size_t cut : {good.size() / 3, good.size() / 2, good.size() - 1}) {
    spit(path, good.substr(0, cut));
    err = error_of(path);
    EXPECT_NE(err.find("truncated"), std::string::npos) << cut << ": " << err;
  }
  // Bytes after the last frame are corruption too.
  spit(path, good + "x");
  EXPECT_NE(error_of(path).find("trailing"), std::string::npos);
}

// Container version 1 (one frame, its size and checksum after the payload
// size), as the models committed before 2026-11-30 were written: still read.
TEST(ModelFile, ReadsContainerVersionOne) {
  const std::string payload = "version one payload " + std::string(5000, 'q');
  std::string frame(ZSTD_compressBound(payload.size()), '\0');
  frame.resize(ZSTD_compress(frame.data(), frame.size(), payload.data(), payload.size(), 3));
  BinaryWriter w;
  w.raw("DYADMOD\x1a", 8);
  w.u32(1);
  w.u32(static_cast<std::uint32_t>(ModelKind::kTagger));
  w.u32(2);
  w.str("old");
  w.u64(payload.size());
  w.u64(frame.size());
  w.u64(hash64(frame));
  w.raw(frame.data(), frame.size());
  const std::string path = temp_path("v1.dyadm");
  spit(path, w.bytes());
  ModelFileInfo info;
  EXPECT_EQ(read_model_file(path, ModelKind::kTagger, 2, &info), payload);
  EXPECT_EQ(info.container, 1u);
  EXPECT_EQ(info.frames, 1u);
  EXPECT_EQ(info.description, "old");

  // Repacking writes the current container with the same payload and description.
  const std::string repacked = temp_path("v1_repacked.dyadm");
  ModelFileSummary s = repack_model_file(path, repacked);
  EXPECT_EQ(s.kind, "tagger");
  EXPECT_EQ(s.container_version, kContainerVersion);
  EXPECT_EQ(s.payload_version, 2u);
  EXPECT_EQ(s.description, "old");
  EXPECT_EQ(read_model_file(repacked, ModelKind::kTagger, 2), payload);
  // In place, too.
  repack_model_file(path, path);
  EXPECT_EQ(inspect_model_file(path).container_version, kContainerVersion);
  EXPECT_EQ(read_model_file(path, ModelKind::kTagger, 2), payload);

  std::string bad = w.bytes();
  bad[bad.size() - 3] ^= 0x40;
  spit(path, bad);
  EXPECT_NE(error_of(path, ModelKind::kTagger, 2).find("checksum mismatch"), std::string::npos);
  EXPECT_THROW(inspect_model_file(path), Error);
}

// The repository's own limits on the shipped models (issue 2: at most 40 MB of
// models in git; our rule: no model file over 20 MiB).
TEST(ModelFile, ShippedModelsStayWithinTheRepositoryLimits) {
  const std::filesystem::path dir = std::filesystem::path(DYAD_SOURCE_DIR) / "data" / "models";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  std::uintmax_t total = 0;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".dyadm") continue;
    ++files;
    total += entry.file_size();
    EXPECT_LE(entry.file_size(), std::uintmax_t{20} << 20) << entry.path() << " is over 20 MiB";
  }
  EXPECT_GE(files, 3);
  EXPECT_LE(total, std::uintmax_t{40'000'000}) << "models in git over 40 MB";
}

}  // namespace
}  // namespace dyad::detail
