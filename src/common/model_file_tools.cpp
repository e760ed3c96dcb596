// dyad model info / repack: the container read and written without
// interpreting the payload.
#include <limits>

#include "common/model_file.h"
#include "dyad/error.h"
#include "dyad/model_file.h"

namespace dyad {
namespace {

std::string kind_name(detail::ModelKind kind) {
  switch (kind) {
    case detail::ModelKind::kTagger: return "tagger";
    case detail::ModelKind::kParser: return "parser";
    case detail::ModelKind::kSentenceSplitter: return "splitter";
  }
  return "unknown kind " + std::to_string(static_cast<std::uint32_t>(kind));
}

ModelFileSummary summarize(const detail::ModelFileInfo& info) {
  ModelFileSummary s;
  s.kind = kind_name(info.kind);
  s.container_version = info.container;
  s.payload_version = info.version;
  s.description = info.description;
  s.payload_bytes = info.raw_size;
  s.file_bytes = info.file_size;
  s.frames = info.frames;
  return s;
}

// Payload versions are the components' business: any is carried unchanged.
constexpr std::uint32_t kAnyPayloadVersion = std::numeric_limits<std::uint32_t>::max();

}  // namespace

ModelFileSummary inspect_model_file(const std::string& path) {
  detail::ModelFileInfo info;
  detail::read_any_model_payload(path, nullptr, kAnyPayloadVersion, &info, detail::PayloadCacheUse::kBypass);
  return summarize(info);
}

ModelFileSummary repack_model_file(const std::string& in, const std::string& out) {
  detail::ModelFileInfo info;
  auto payload = detail::read_any_model_payload(in, nullptr, kAnyPayloadVersion, &info, detail::PayloadCacheUse::kBypass);
  // Written beside `out` first, so repacking a file in place never leaves it half written.
  const std::string tmp = out + ".repack-tmp";
  detail::write_model_file(tmp, info, payload->bytes());
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error("cannot replace " + out + " with the repacked model: check the directory's permissions");
  }
  return inspect_model_file(out);
}

}  // namespace dyad
