#include "common/model_file.h"

#include <zstd.h>

#include <fstream>
#include <sstream>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'M', 'O', 'D', '\x1a'};

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open model file " + path + ": check the path or run `dyad train`");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::uint64_t hash64(std::string_view bytes) {
  // FNV-1a over 8-byte words with a final avalanche: fast enough to check a
  // 30 MB model in a few milliseconds, and any flipped byte changes it.
  std::uint64_t h = 0xcbf29ce484222325ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::string_view BinaryReader::take(std::size_t n) {
  if (n > bytes_.size() - pos_) {
    fail("truncated: needed " + std::to_string(n) + " bytes at offset " + std::to_string(pos_) +
         ", " + std::to_string(bytes_.size() - pos_) + " left");
  }
  std::string_view out = bytes_.substr(pos_, n);
  pos_ += n;
  return out;
}

void BinaryReader::expect_end() const {
  if (!at_end()) fail(std::to_string(bytes_.size() - pos_) + " unexpected trailing bytes");
}

void BinaryReader::fail(const std::string& why) const { throw Error(what_ + ": " + why); }

void write_model_file(const std::string& path, const ModelFileInfo& info,
                      std::string_view payload) {
  std::string packed(ZSTD_compressBound(payload.size()), '\0');
  std::size_t n = ZSTD_compress(packed.data(), packed.size(), payload.data(), payload.size(), 19);
  if (ZSTD_isError(n)) throw Error("compressing model " + path + ": " + ZSTD_getErrorName(n));
  packed.resize(n);
  BinaryWriter w;
  w.raw(kMagic, sizeof kMagic);
  w.u32(kContainerVersion);
  w.u32(static_cast<std::uint32_t>(info.kind));
  w.u32(info.version);
  w.str(info.description);
  w.u64(payload.size());
  w.u64(packed.size());
  w.u64(hash64(packed));
  w.raw(packed.data(), packed.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  if (!out) throw Error("cannot write model file " + path);
}

std::string read_model_file(const std::string& path, ModelKind kind, std::uint32_t max_version,
                            ModelFileInfo* info_out) {
  std::string file = read_whole_file(path);
  BinaryReader r(file, "model file " + path);
  std::string_view magic = r.take(sizeof kMagic);
  if (magic != std::string_view(kMagic, sizeof kMagic)) {
    r.fail("not a dyad model (bad magic number); pass a file written by `dyad train`");
  }
  std::uint32_t container = r.u32();
  if (container > kContainerVersion) {
    r.fail("container version " + std::to_string(container) + " is newer than this dyad supports (" +
           std::to_string(kContainerVersion) + "); upgrade dyad");
  }
  ModelFileInfo info;
  info.kind = static_cast<ModelKind>(r.u32());
  if (info.kind != kind) {
    r.fail("holds model kind " + std::to_string(static_cast<std::uint32_t>(info.kind)) +
           ", expected " + std::to_string(static_cast<std::uint32_t>(kind)) +
           "; pass the right model file");
  }
  info.version = r.u32();
  if (info.version > max_version) {
    r.fail("payload format version " + std::to_string(info.version) +
           " is newer than this dyad supports (" + std::to_string(max_version) + "); upgrade dyad");
  }
  info.description = r.str();
  std::uint64_t raw_size = r.u64();
  std::uint64_t packed_size = r.u64();
  std::uint64_t checksum = r.u64();
  std::string_view packed = r.take(packed_size);
  r.expect_end();
  if (hash64(packed) != checksum) r.fail("checksum mismatch: the file is corrupt; re-download or retrain it");
  std::string payload(raw_size, '\0');
  std::size_t n = ZSTD_decompress(payload.data(), payload.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != raw_size) r.fail("payload does not decompress: the file is corrupt");
  if (info_out) *info_out = std::move(info);
  return payload;
}

}  // namespace dyad::detail
