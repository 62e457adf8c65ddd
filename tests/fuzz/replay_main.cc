// Runs a fuzz target without libFuzzer, under any compiler: every file of a
// corpus directory as is, then `mutations` deterministic mutations of them
// (bit flips, truncations, splices, inserted and overwritten bytes, repeated
// chunks). An invariant that fails aborts, which fails the ctest case.
//
// Usage: <target>_replay <corpus-dir> [mutations]   (default 2000)
// Also: <target>_replay <file>...   runs just those files (a crash to replay).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Run(const std::string& input) {
  // A copy in its own allocation, so ASan sees reads past the end.
  std::vector<uint8_t> bytes(input.begin(), input.end());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
}

std::string Mutate(const std::vector<std::string>& corpus,
                   std::mt19937_64& rng) {
  std::string input = corpus[rng() % corpus.size()];
  const int steps = 1 + static_cast<int>(rng() % 3);
  for (int step = 0; step < steps; ++step) {
    const size_t at = input.empty() ? 0 : rng() % input.size();
    switch (rng() % 6) {
      case 0:  // bit flips
        for (int k = 0; k < 4 && !input.empty(); ++k) {
          input[rng() % input.size()] ^= static_cast<char>(1u << (rng() % 8));
        }
        break;
      case 1:  // truncation
        input.resize(at);
        break;
      case 2: {  // splice with another input
        const std::string& other = corpus[rng() % corpus.size()];
        input = input.substr(0, at) + other.substr(rng() % (other.size() + 1));
        break;
      }
      case 3: {  // inserted random bytes
        std::string noise(1 + rng() % 8, '\0');
        for (char& c : noise) c = static_cast<char>(rng());
        input.insert(at, noise);
        break;
      }
      case 4: {  // an interesting byte overwritten
        static const char kBytes[] = {'\0', '\x7f', '\x80', '\xff', '"',
                                      '{',  '[',    ':',    '<',    '@'};
        if (!input.empty()) input[at] = kBytes[rng() % sizeof(kBytes)];
        break;
      }
      default: {  // a chunk repeated
        const size_t length = std::min<size_t>(input.size() - at, 16);
        input.insert(at, input.substr(at, length));
        break;
      }
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <corpus-dir> [mutations] | <file>...\n",
                 argv[0]);
    return 2;
  }
  if (!std::filesystem::is_directory(argv[1])) {
    for (int i = 1; i < argc; ++i) {
      std::printf("running %s\n", argv[i]);
      std::fflush(stdout);
      Run(ReadFile(argv[i]));
    }
    std::printf("%d inputs, no invariant failed\n", argc - 1);
    return 0;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "no corpus files in %s\n", argv[1]);
    return 1;
  }
  std::vector<std::string> corpus;
  for (const auto& file : files) corpus.push_back(ReadFile(file));
  for (const std::string& input : corpus) Run(input);
  const long mutations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 2000;
  std::mt19937_64 rng(20261122);
  for (long i = 0; i < mutations; ++i) Run(Mutate(corpus, rng));
  std::printf("%zu corpus files and %ld mutations, no invariant failed\n",
              corpus.size(), mutations);
  return 0;
}
