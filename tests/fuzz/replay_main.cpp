// main() for server_request_fuzz.cpp without libFuzzer: replays the files given
// on the command line (e.g. a crash file a fuzzing run left behind).
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "server_request_replay: cannot read " << argv[i] << "\n";
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    std::cout << argv[i] << ": ok\n";
  }
  return 0;
}
