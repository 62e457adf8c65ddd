/* Links cxkit::cxkit_c through the README's CMake snippet and calls it. */
#include <stdio.h>

#include "cxkit/cxkit_c.h"

int main(void) {
  printf("cxkit %s\n", cxkit_version());
  return cxkit_version_number() == CXKIT_VERSION_NUMBER ? 0 : 1;
}
