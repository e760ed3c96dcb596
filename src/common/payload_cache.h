// A local disk cache of decompressed model payloads.
//
// Why: on one core, loading the parser is mostly zstd (its 52 MB payload is
// shipped at level 19 to keep the file under 20 MiB). Copying the same bytes
// back from the page cache and checking them takes a fifth of that. So the
// first load of a model file writes its decompressed payload to the cache and
// later loads read it from there. An entry is named by the model kind and a
// hash of the file's frame table (which holds every frame's checksum), so a
// changed model never meets a stale entry; it carries its own checksum, and
// a damaged, truncated or foreign entry is deleted and the model decompressed
// as if there were none. The cached bytes then go through the same checks
// as decompressed ones (the models validate their tables on load). Entries
// are written readable by their owner only, and an entry another user owns is
// ignored (a shared DYAD_CACHE_DIR cannot plant weights).
//
// Entry layout (little-endian): magic "DYADPAY\x1a", u32 entry format, u32
// model kind, u64 key, u64 payload size, u64 payload checksum, zero padding
// to 64 bytes, then the payload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/model_file.h"

namespace dyad::detail {

/// The cache directory: $DYAD_CACHE_DIR if set (empty or "none": no cache),
/// else $XDG_CACHE_HOME/dyad, else $HOME/.cache/dyad, else "" (no cache).
std::string payload_cache_dir();

class PayloadCache {
 public:
  /// Payloads below this size are not cached: they decompress faster than
  /// a file round trip (the sentence splitter's, for one).
  static constexpr std::size_t kMinBytes = std::size_t{1} << 20;
  /// Entries kept per model kind; writing one more deletes the least recently
  /// written (several checkouts with different models can share a cache),
  /// and temporary files an interrupted write left over an hour ago.
  static constexpr std::size_t kEntriesPerKind = 4;

  /// A cache in `dir`; "" gives a disabled cache.
  explicit PayloadCache(std::string dir) : dir_(std::move(dir)) {}
  bool enabled() const { return !dir_.empty(); }

  /// Fills `payload` (already of the entry's size) from the entry for
  /// (kind, key). False when there is no usable entry; one that is damaged
  /// or does not match is deleted.
  bool read(ModelKind kind, std::uint64_t key, Payload& payload) const;
  /// Stores `payload` as the entry for (kind, key): written to a temporary
  /// file, then renamed into place, so readers never see a partial entry.
  /// False when it could not be written (a read-only or full disk): the
  /// model still loads, only later loads stay slow.
  bool write(ModelKind kind, std::uint64_t key, std::string_view payload) const;
  std::string entry_path(ModelKind kind, std::uint64_t key) const;

 private:
  void keep_newest(ModelKind kind) const;
  std::string dir_;
};

/// The checksum of a cache entry's payload: four independent multiply
/// chains, so it runs at memory speed rather than one multiply's latency per
/// word (on the 52 MB parser payload, one core: 6 ms against hash64's 14 ms).
std::uint64_t payload_checksum(std::string_view bytes);

}  // namespace dyad::detail
