#include "common/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
// ZSTD_c_literalCompressionMode is in zstd's experimental API: a parameter
// the shared library accepts (Debian's 1.5.4), declared only behind this macro.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <fstream>
#include <memory>
#include <thread>

#include "common/parallel.h"
#include "common/payload_cache.h"
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
  // A hint: without THP the pages are ordinary 4 KB ones.
  ::madvise(data_, rounded, MADV_HUGEPAGE);
}

void Payload::prefault([[maybe_unused]] std::size_t begin, [[maybe_unused]] std::size_t n) {
#ifdef MADV_POPULATE_WRITE
  constexpr std::size_t kPage = 4096;
  const std::size_t first = begin / kPage * kPage;
  const std::size_t last = std::min((begin + n + kPage - 1) / kPage * kPage,
                                    (size_ + kPage - 1) / kPage * kPage);
  if (last > first) ::madvise(data_ + first, last - first, MADV_POPULATE_WRITE);
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

namespace {

// zstd level 3 by default, not 19: the weight tables are mostly random hash
// checks and small integers, where level 19 saves ~20% of the file but
// decompresses ~30% slower (measured 2026-11-29: pipeline load 165-170 ms
// with both models at 19, 111-122 ms at 3). A load is paid by every process,
// the file size once per clone, but every model file in git must stay under
// 20 MiB, so a file that level 3 would leave over kMaxFastFileBytes gets
// level 19 (the parser: 24.8 MB at 3, 20.4 MB at 19 in 8 MiB frames).
// Literals are stored raw (literalCompressionMode off): Huffman-coded ones
// save little on these tables and cost decode time (one core, 2026-12-01:
// the parser's frames at level 19 20.42 against 20.45 MB, 82-94 against
// 136-154 ms; the tagger's at level 3 9.98 against 9.31 MB, median 19.4
// against 24.3 ms). Huffman literals stay the fallback for a level-19
// payload where raw ones would cross the 20 MiB line.
struct Compression {
  int level;
  bool raw_literals;
};
constexpr Compression kFast{3, true}, kSmall{19, true}, kSmallHuffman{19, false};
constexpr std::size_t kMaxFastFileBytes = 16u << 20, kMaxFileBytes = 20u << 20;

struct Frame {
  std::uint64_t raw = 0, packed = 0, checksum = 0;
  std::size_t raw_offset = 0;     // where its bytes go in the payload
  std::string_view bytes;         // its compressed bytes in the file
};

std::string compress_frame(const std::string& path, std::string_view raw, Compression c) {
  std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
  if (!cctx) throw Error("compressing model " + path + ": out of memory");
  std::size_t n = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, c.level);
  if (!ZSTD_isError(n) && c.raw_literals)
    n = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_literalCompressionMode, ZSTD_ps_disable);
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  if (!ZSTD_isError(n)) n = ZSTD_compress2(cctx.get(), packed.data(), packed.size(), raw.data(), raw.size());
  if (ZSTD_isError(n)) throw Error("compressing model " + path + ": " + ZSTD_getErrorName(n));
  packed.resize(n);
  return packed;
}

std::vector<std::string> compress_frames(const std::string& path, std::string_view payload, Compression c) {
  std::vector<std::string> frames;
  std::size_t offset = 0;
  do {
    const std::size_t n = std::min(kFrameRawBytes, payload.size() - offset);
    frames.push_back(compress_frame(path, payload.substr(offset, n), c));
    offset += n;
  } while (offset < payload.size());
  return frames;
}

std::size_t total_size(const std::vector<std::string>& parts) {
  std::size_t n = 0;
  for (const std::string& p : parts) n += p.size();
  return n;
}

// The frame table as written (frame_count, then raw/packed/checksum per frame);
// its hash guards the sizes that the reader allocates and slices by.
std::string frame_table(const std::vector<Frame>& frames) {
  BinaryWriter w;
  w.u32(static_cast<std::uint32_t>(frames.size()));
  for (const Frame& f : frames) {
    w.u64(f.raw);
    w.u64(f.packed);
    w.u64(f.checksum);
  }
  return w.take();
}

}  // namespace

void write_model_file(const std::string& path, const ModelFileInfo& info,
                      std::string_view payload) {
  if ((payload.size() + kFrameRawBytes - 1) / kFrameRawBytes > kMaxFrames)
    throw Error("model " + path + ": a payload of " + std::to_string(payload.size()) +
                " bytes needs more zstd frames than readers accept (" + std::to_string(kMaxFrames) +
                "); prune the model or raise kMaxFrames in a new container version");
  std::vector<std::string> packed = compress_frames(path, payload, kFast);
  if (total_size(packed) > kMaxFastFileBytes) packed = compress_frames(path, payload, kSmall);
  if (total_size(packed) > kMaxFileBytes) {
    std::vector<std::string> huffman = compress_frames(path, payload, kSmallHuffman);
    if (total_size(huffman) < total_size(packed)) packed = std::move(huffman);
  }
  std::vector<Frame> frames(packed.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    frames[i].raw = std::min(kFrameRawBytes, payload.size() - i * kFrameRawBytes);
    frames[i].packed = packed[i].size();
    frames[i].checksum = hash64(packed[i]);
  }
  const std::string table = frame_table(frames);
  BinaryWriter w;
  w.raw(kMagic, sizeof kMagic);
  w.u32(kContainerVersion);
  w.u32(static_cast<std::uint32_t>(info.kind));
  w.u32(info.version);
  w.str(info.description);
  w.u64(payload.size());
  w.raw(table.data(), table.size());
  w.u64(hash64(table));
  for (const std::string& p : packed) w.raw(p.data(), p.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
  if (!out) throw Error("cannot write model file " + path);
}

std::string read_model_file(const std::string& path, ModelKind kind, std::uint32_t max_version,
                            ModelFileInfo* info_out) {
  return std::string(read_model_payload(path, kind, max_version, info_out)->bytes());
}

namespace {

// The frame table of a version-2 container, or the single frame of version 1,
// checked against the file's size and the payload size (not yet against the
// frames' checksums, which decompress_frames checks).
std::vector<Frame> read_frames(BinaryReader& r, std::uint32_t container, std::uint64_t raw_size) {
  std::vector<Frame> frames;
  if (container == 1) {
    Frame f;
    f.raw = raw_size;
    f.packed = r.u64();
    f.checksum = r.u64();
    frames.push_back(f);
  } else {
    const std::size_t table_start = r.position();
    const std::uint32_t count = r.u32();
    if (count == 0 || count > kMaxFrames)
      r.fail("implausible frame count " + std::to_string(count) + ": the file is corrupt; re-download or retrain it");
    frames.resize(count);
    for (Frame& f : frames) {
      f.raw = r.u64();
      f.packed = r.u64();
      f.checksum = r.u64();
    }
    if (hash64(frame_table(frames)) != r.u64())
      r.fail("frame table checksum mismatch at offset " + std::to_string(table_start) +
             ": the file is corrupt; re-download or retrain it");
  }
  std::uint64_t offset = 0;
  for (Frame& f : frames) {
    if (f.raw > raw_size - offset) r.fail("frame sizes exceed the payload size: the file is corrupt");
    f.raw_offset = static_cast<std::size_t>(offset);
    offset += f.raw;
    f.bytes = r.take(static_cast<std::size_t>(f.packed));
  }
  if (offset != raw_size) r.fail("frame sizes do not add up to the payload size: the file is corrupt");
  r.expect_end();
  return frames;
}

std::string frame_where(const std::vector<Frame>& frames, std::size_t i) {
  return frames.size() > 1 ? " (frame " + std::to_string(i + 1) + " of " + std::to_string(frames.size()) + ")" : "";
}

std::string checksum_error(const std::vector<Frame>& frames, std::size_t i) {
  return "checksum mismatch" + frame_where(frames, i) + ": the file is corrupt; re-download or retrain it";
}

// Checks every frame's checksum. Returns "" or the error of the lowest
// failing frame.
std::string check_frames(const std::vector<Frame>& frames) {
  for (std::size_t i = 0; i < frames.size(); ++i)
    if (hash64(frames[i].bytes) != frames[i].checksum) return checksum_error(frames, i);
  return "";
}

// Checks and decompresses every frame into its slice of `payload`, frames
// shared out over the cores (each worker also faults in the pages it fills).
// Returns "" or the error of the lowest failing frame.
std::string decompress_frames(const std::vector<Frame>& frames, Payload& payload) {
  std::vector<std::string> errors(frames.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < frames.size();) {
      const Frame& f = frames[i];
      if (hash64(f.bytes) != f.checksum) {
        errors[i] = checksum_error(frames, i);
        continue;
      }
      payload.prefault(f.raw_offset, f.raw);
      const std::size_t n = ZSTD_decompress(payload.data() + f.raw_offset, f.raw, f.bytes.data(), f.bytes.size());
      if (ZSTD_isError(n) || n != f.raw)
        errors[i] = "payload does not decompress" + frame_where(frames, i) + ": the file is corrupt";
    }
  };
  const std::size_t cores = usable_cores();
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < std::min(cores, frames.size()); ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  for (const std::string& e : errors)
    if (!e.empty()) return e;
  return "";
}

}  // namespace

std::shared_ptr<const Payload> read_model_payload(const std::string& path, ModelKind kind,
                                                  std::uint32_t max_version,
                                                  ModelFileInfo* info_out) {
  return read_any_model_payload(path, &kind, max_version, info_out);
}

std::shared_ptr<const Payload> read_any_model_payload(const std::string& path, const ModelKind* kind,
                                                      std::uint32_t max_version,
                                                      ModelFileInfo* info_out, PayloadCacheUse cache_use) {
  const MappedFile file(path);
  BinaryReader r(file.bytes(), "model file " + path);
  std::string_view magic = r.take(sizeof kMagic);
  if (magic != std::string_view(kMagic, sizeof kMagic)) {
    r.fail("not a dyad model (bad magic number); pass a file written by `dyad train`");
  }
  ModelFileInfo info;
  info.container = r.u32();
  if (info.container == 0 || info.container > kContainerVersion) {
    r.fail("container version " + std::to_string(info.container) + " is not one this dyad reads (1-" +
           std::to_string(kContainerVersion) + "); upgrade dyad");
  }
  info.kind = static_cast<ModelKind>(r.u32());
  if (kind && info.kind != *kind) {
    r.fail("holds model kind " + std::to_string(static_cast<std::uint32_t>(info.kind)) +
           ", expected " + std::to_string(static_cast<std::uint32_t>(*kind)) +
           "; pass the right model file");
  }
  info.version = r.u32();
  if (info.version > max_version) {
    r.fail("payload format version " + std::to_string(info.version) +
           " is newer than this dyad supports (" + std::to_string(max_version) + "); upgrade dyad");
  }
  info.description = r.str();
  info.raw_size = r.u64();
  const std::vector<Frame> frames = read_frames(r, info.container, info.raw_size);
  info.frames = static_cast<std::uint32_t>(frames.size());
  info.file_size = file.bytes().size();
  // The header is outside the frames' checksums: trust a size only when its
  // zstd frame agrees, so a damaged header cannot request a huge allocation
  // (the frames' checksums are verified below, before the payload is used).
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const Frame& f = frames[i];
    if (ZSTD_getFrameContentSize(f.bytes.data(), f.bytes.size()) == f.raw) continue;
    if (hash64(f.bytes) != f.checksum) r.fail(checksum_error(frames, i));
    r.fail("payload size does not match its zstd frame" + frame_where(frames, i) + ": the file is corrupt");
  }
  auto payload = std::make_shared<Payload>(static_cast<std::size_t>(info.raw_size));
  // The frame table holds every frame's checksum: its hash names the payload.
  const PayloadCache cache(cache_use == PayloadCacheUse::kReadWrite && info.raw_size >= PayloadCache::kMinBytes
                               ? payload_cache_dir() : std::string());
  const std::uint64_t key = hash64(frame_table(frames)) ^ (info.raw_size * 0x9e3779b97f4a7c15ULL);
  // A cached payload stands in for the frames, but the frames are still
  // checked: a damaged file is reported whether its payload is cached or not.
  if (cache.read(info.kind, key, *payload)) {
    if (std::string error = check_frames(frames); !error.empty()) r.fail(error);
  } else {
    if (std::string error = decompress_frames(frames, *payload); !error.empty()) r.fail(error);
    cache.write(info.kind, key, payload->bytes());
  }
  if (info_out) *info_out = std::move(info);
  return payload;
}

}  // namespace dyad::detail
