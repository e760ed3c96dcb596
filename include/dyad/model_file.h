// dyad — inspecting and re-packing model files (the container that holds a
// trained tagger, parser or sentence splitter; format in docs/models.md).
#pragma once

#include <cstdint>
#include <string>

namespace dyad {

/// What a model file holds, after a full check (checksums, decompression).
struct ModelFileSummary {
  std::string kind;                   ///< "tagger", "parser" or "splitter".
  std::uint32_t container_version = 0;
  std::uint32_t payload_version = 0;  ///< The model's own format version.
  std::string description;            ///< Training data, command, seed.
  std::uint64_t payload_bytes = 0;    ///< Decompressed.
  std::uint64_t file_bytes = 0;
  std::uint32_t frames = 0;           ///< zstd frames (decompressed in parallel).
};

/// Reads and verifies `path`; throws dyad::Error naming the file and the fault.
ModelFileSummary inspect_model_file(const std::string& path);

/// Writes the model in `in` to `out` in the current container version (same
/// kind, payload and description; the payload is not interpreted, so a model
/// keeps its predictions bit for bit). `out` may equal `in`.
ModelFileSummary repack_model_file(const std::string& in, const std::string& out);

}  // namespace dyad
