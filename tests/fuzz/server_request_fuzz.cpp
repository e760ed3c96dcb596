// libFuzzer target for the HTTP request -> coder path (docs/server.md):
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DDYAD_FUZZ=ON
//     -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"   (one command line)
//   cmake --build build-fuzz --target server_request_fuzz
//   build-fuzz/bin/server_request_fuzz -max_total_time=600 -max_len=4096 CORPUS_DIR
// Without DYAD_FUZZ the same file is built with a replay main
// (server_request_replay FILE...), so it always compiles.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "fuzz_request.h"

namespace {

dyad::fuzz::FuzzContext& context() {
  static const dyad::Engine engine = dyad::Engine::load();
  static dyad::fuzz::FuzzContext ctx(engine, "/tmp/dyad_fuzz_store_" + std::to_string(::getpid()) + ".db");
  return ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dyad::detail::ApiResponse res = context().api->handle(dyad::fuzz::request_from_bytes(bytes));
  if (!dyad::fuzz::acceptable(res)) {
    std::fprintf(stderr, "server_request_fuzz: status %d: %s\n", res.status, res.body.c_str());
    std::abort();
  }
  return 0;
}
