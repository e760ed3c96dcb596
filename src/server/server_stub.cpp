// Placeholder so the dyad_server library exists before its first real source
// lands; the server work deletes it from CMakeLists.txt and here together.
namespace dyad::detail {
int server_library_anchor() { return 0; }
}  // namespace dyad::detail
