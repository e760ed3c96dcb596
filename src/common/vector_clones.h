// DYAD_VECTOR_CLONES: compile a hot, auto-vectorized loop twice — for AVX2
// and for the x86-64 baseline — and pick one at load time (GCC/Clang
// function multiversioning), so release builds stay portable across x86-64
// CPUs yet use 256-bit vectors where they exist. Elsewhere (other
// architectures, sanitizer builds, whose runtimes and ifunc resolvers do not
// mix reliably) it expands to nothing and the loop is compiled once.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
#define DYAD_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DYAD_VECTOR_CLONES
#endif

namespace dyad::detail {

/// For kernels written with AVX2 intrinsics (not auto-vectorized loops):
/// whether this CPU has AVX2, asked once per process.
inline bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");  // a CPU fact, set once
  return avx2;
#else
  return false;
#endif
}

}  // namespace dyad::detail
