// cxkit_c.h compiles as C++ and links from C++ (its declarations are extern
// "C").
#include <cstring>

#include "cxkit/cxkit_c.h"

int main() {
  return std::strcmp(cxkit_version(), CXKIT_VERSION_STRING) == 0 ? 0 : 1;
}
