#include "common/model_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_test_" + name)).string();
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

}  // namespace
}  // namespace dyad::detail
