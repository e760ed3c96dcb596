// Model file container: one model per file, versioned, checksummed, compressed.
//
// Layout (little-endian), container version 2:
//   magic        8 bytes  "DYADMOD\x1a"
//   container    u32      container format version (kContainerVersion)
//   kind         u32      ModelKind (explicit ids; a retired id is never reused)
//   version      u32      the component's own payload format version
//   description  u32 len + bytes (UTF-8: training data, command, date, seed)
//   raw_size     u64      payload size after decompression
//   frame_count  u32      number of zstd frames (1..kMaxFrames)
//   frames       frame_count x {raw u64, packed u64, checksum u64}: each frame's
//                decompressed size, compressed size and hash64 of its bytes
//   table_check  u64      hash64 of frame_count and the frame table
//   payload      the frames back to back; frame i decompresses to the raw
//                bytes that follow those of frames 0..i-1
// Independent frames of at most kFrameRawBytes let a load decompress and
// check them on every core. Container version 1 (still read) had, after
// raw_size, one frame: packed_size u64, checksum u64, the frame.
// Nothing may follow the payload. Readers reject a wrong magic, a newer
// container or payload version, a size mismatch (truncation) and a checksum
// mismatch (corruption), each with a message naming the file and the fix.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

enum class ModelKind : std::uint32_t {
  kTagger = 1,
  kParser = 2,
  kSentenceSplitter = 3,
};

inline constexpr std::uint32_t kContainerVersion = 2;
/// Raw bytes per zstd frame written (the last frame may be shorter): 8 MiB
/// rather than 4 keeps the level-19 parser under 20 MiB (4 MiB frames: 20.2 MiB).
inline constexpr std::size_t kFrameRawBytes = std::size_t{8} << 20;
/// Frames a reader accepts (a 4 GB payload at kFrameRawBytes).
inline constexpr std::uint32_t kMaxFrames = 1024;

struct ModelFileInfo {
  ModelKind kind{};
  std::uint32_t version = 0;
  std::string description;
  // Filled by the reader (ignored by the writer):
  std::uint32_t container = 0;   ///< Container version of the file read.
  std::uint32_t frames = 0;      ///< zstd frames in it.
  std::uint64_t raw_size = 0;    ///< Payload bytes after decompression.
  std::uint64_t file_size = 0;   ///< Bytes of the whole file.
};

/// 64-bit hash used as the payload checksum (not cryptographic).
std::uint64_t hash64(std::string_view bytes);

/// A decompressed payload in its own page-aligned mapping, backed by 2 MB
/// pages where the kernel grants them and faulted in slice by slice by the
/// threads that fill it (prefault). Models
/// keep it alive and use their weight arrays in place: loading does no
/// per-page faults and no copies, and huge pages spare parsing most of its
/// TLB misses (the weight lookups are random accesses over tens of MB).
class Payload {
 public:
  explicit Payload(std::size_t size);
  ~Payload();
  Payload(const Payload&) = delete;
  Payload& operator=(const Payload&) = delete;
  char* data() { return data_; }
  std::string_view bytes() const { return {data_, size_}; }
  /// Faults in bytes [begin, begin + n) with one call (a hint: where the
  /// kernel lacks MADV_POPULATE_WRITE they fault in on first write).
  void prefault(std::size_t begin, std::size_t n);

 private:
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Compresses `payload` and writes the container to `path`; throws dyad::Error.
void write_model_file(const std::string& path, const ModelFileInfo& info,
                      std::string_view payload);

/// Reads and verifies the container at `path`. `kind` must match; a payload
/// version above `max_version` is rejected. Returns the decompressed payload.
std::string read_model_file(const std::string& path, ModelKind kind, std::uint32_t max_version,
                            ModelFileInfo* info = nullptr);

/// As read_model_file, into a Payload that array views may point into.
std::shared_ptr<const Payload> read_model_payload(const std::string& path, ModelKind kind,
                                                  std::uint32_t max_version,
                                                  ModelFileInfo* info = nullptr);

/// How a load may use the disk cache of decompressed payloads (payload_cache.h).
enum class PayloadCacheUse {
  kReadWrite,  ///< Read the entry if there is one, else decompress and write it.
  kBypass,     ///< Decompress and check every frame (`dyad model info` verifies the file itself).
};

/// As read_model_payload for a file of any kind (`kind` null) or of `*kind`;
/// `info` receives the kind found. Payloads of PayloadCache::kMinBytes or
/// more are read from, or written to, the cache in payload_cache_dir().
std::shared_ptr<const Payload> read_any_model_payload(const std::string& path, const ModelKind* kind,
                                                      std::uint32_t max_version,
                                                      ModelFileInfo* info = nullptr,
                                                      PayloadCacheUse cache = PayloadCacheUse::kReadWrite);

/// Appends fixed-width little-endian values and length-prefixed strings.
class BinaryWriter {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i32(std::int32_t v) { raw(&v, sizeof v); }
  void f32(float v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes_.append(s);
  }
  template <typename T>
  void pod_vector(const std::vector<T>& v) {
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  void raw(const void* p, std::size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

/// Writes `count` elements of `elem_size` bytes so that they start 8-byte
/// aligned relative to the payload start (a pad-length byte, the padding, a
/// u64 count, the bytes); Payload memory is page-aligned, so such arrays can
/// be used in place after loading.
void write_aligned_array(BinaryWriter& w, const void* data, std::size_t count,
                         std::size_t elem_size);

/// Reads what BinaryWriter wrote; every read is bounds-checked and throws a
/// dyad::Error naming `what` (usually the file) and the byte offset.
class BinaryReader {
 public:
  BinaryReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint32_t u32() { return pod<std::uint32_t>(); }
  std::uint64_t u64() { return pod<std::uint64_t>(); }
  std::int32_t i32() { return pod<std::int32_t>(); }
  float f32() { return pod<float>(); }
  std::string str() {
    std::uint32_t n = u32();
    return std::string(take(n));
  }
  template <typename T>
  std::vector<T> pod_vector() {
    std::uint64_t n = u64();
    if (n > (bytes_.size() - pos_) / sizeof(T)) fail("vector length exceeds remaining bytes");
    std::vector<T> v(n);
    std::string_view b = take(n * sizeof(T));
    std::memcpy(v.data(), b.data(), b.size());
    return v;
  }
  std::string_view take(std::size_t n);
  /// Reads what write_aligned_array wrote; returns its bytes.
  std::string_view aligned_array(std::size_t elem_size);
  bool at_end() const { return pos_ == bytes_.size(); }
  std::size_t position() const { return pos_; }
  /// Throws unless every byte was consumed (trailing garbage means corruption).
  void expect_end() const;
  [[noreturn]] void fail(const std::string& why) const;

 private:
  template <typename T>
  T pod() {
    T v;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string what_;
};

}  // namespace dyad::detail
