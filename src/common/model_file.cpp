#include "common/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'M', 'O', 'D', '\x1a'};

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// The file mapped read-only: the compressed bytes are read once, by zstd,
// straight from the page cache (no copy into fresh, faulting memory).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open model file " + path + ": check the path or run `dyad train`");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      throw Error("model file " + path + " is not a regular file: pass a file written by `dyad train`");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        throw Error("cannot map model file " + path + ": " + std::strerror(errno));
      }
      data_ = static_cast<const char*>(p);
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {data_ ? data_ : "", size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

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

Payload::Payload(std::size_t size) : size_(size) {
  // Reserve one extra huge page so the data can start on a 2 MB boundary.
  const std::size_t rounded = (std::max<std::size_t>(size, 1) + kHugePage - 1) / kHugePage * kHugePage;
  map_size_ = rounded + kHugePage;
  map_ = ::mmap(nullptr, map_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map_ == MAP_FAILED) {
    map_ = nullptr;
    throw Error("cannot allocate " + std::to_string(size) + " bytes for a model: out of memory");
  }
  const auto base = reinterpret_cast<std::uintptr_t>(map_);
  data_ = reinterpret_cast<char*>((base + kHugePage - 1) / kHugePage * kHugePage);
  // Both are hints: without THP or MADV_POPULATE_WRITE (Linux < 5.14) the
  // pages simply fault in on first write, as ordinary memory does.
  ::madvise(data_, rounded, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
  ::madvise(data_, rounded, MADV_POPULATE_WRITE);
#endif
}

Payload::~Payload() {
  if (map_) ::munmap(map_, map_size_);
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

void write_aligned_array(BinaryWriter& w, const void* data, std::size_t count,
                         std::size_t elem_size) {
  const std::size_t pad = (8 - (w.bytes().size() + 1 + 8) % 8) % 8;
  w.u8(static_cast<std::uint8_t>(pad));
  for (std::size_t i = 0; i < pad; ++i) w.u8(0);
  w.u64(count);
  w.raw(data, count * elem_size);
}

std::string_view BinaryReader::aligned_array(std::size_t elem_size) {
  const std::size_t pad = u8();
  if (pad >= 8) fail("bad array padding at offset " + std::to_string(pos_ - 1) + "; the model file is corrupt");
  take(pad);
  const std::uint64_t n = u64();
  if (n > (bytes_.size() - pos_) / elem_size)
    fail("array length exceeds the remaining bytes at offset " + std::to_string(pos_ - 8) +
         "; the model file is corrupt");
  return take(n * elem_size);
}

void BinaryReader::expect_end() const {
  if (!at_end()) fail(std::to_string(bytes_.size() - pos_) + " unexpected trailing bytes");
}

void BinaryReader::fail(const std::string& why) const { throw Error(what_ + ": " + why); }

// zstd level 3 by default, not 19: the weight tables are mostly random hash
// checks and small integers, where level 19 saves ~20% of the file but
// decompresses ~30% slower (measured 2026-11-29: pipeline load 165-170 ms
// with both models at 19, 111-122 ms at 3). A load is paid by every process,
// the file size once per clone, so level 19 is used only when level 3 would
// leave a file over kMaxFastFileBytes (the parser: 24.7 MB at 3, 19.8 MB at
// 19), keeping every model file in git under 20 MiB.
constexpr int kFastLevel = 3, kSmallLevel = 19;
constexpr std::size_t kMaxFastFileBytes = 16u << 20;

static std::string compress_payload(const std::string& path, std::string_view payload, int level) {
  std::string packed(ZSTD_compressBound(payload.size()), '\0');
  std::size_t n = ZSTD_compress(packed.data(), packed.size(), payload.data(), payload.size(), level);
  if (ZSTD_isError(n)) throw Error("compressing model " + path + ": " + ZSTD_getErrorName(n));
  packed.resize(n);
  return packed;
}

void write_model_file(const std::string& path, const ModelFileInfo& info,
                      std::string_view payload) {
  std::string packed = compress_payload(path, payload, kFastLevel);
  if (packed.size() > kMaxFastFileBytes) packed = compress_payload(path, payload, kSmallLevel);
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
  return std::string(read_model_payload(path, kind, max_version, info_out)->bytes());
}

std::shared_ptr<const Payload> read_model_payload(const std::string& path, ModelKind kind,
                                                  std::uint32_t max_version,
                                                  ModelFileInfo* info_out) {
  const MappedFile file(path);
  BinaryReader r(file.bytes(), "model file " + path);
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
  // The header is outside the checksum: trust its size only when the zstd
  // frame agrees, so a damaged header cannot request a huge allocation.
  if (ZSTD_getFrameContentSize(packed.data(), packed.size()) != raw_size)
    r.fail("payload size does not match its zstd frame: the file is corrupt");
  auto payload = std::make_shared<Payload>(raw_size);
  std::size_t n = ZSTD_decompress(payload->data(), raw_size, packed.data(), packed.size());
  if (ZSTD_isError(n) || n != raw_size) r.fail("payload does not decompress: the file is corrupt");
  if (info_out) *info_out = std::move(info);
  return payload;
}

}  // namespace dyad::detail
