/* Uses the installed C ABI from C: the library loaded must be the one the
   headers describe. */

#include <stdio.h>
#include <string.h>

#include "cxkit/cxkit_c.h"

int main(void) {
  const char* version = cxkit_version();
  if (version == NULL || strcmp(version, CXKIT_VERSION_STRING) != 0) {
    fprintf(stderr, "headers are %s, library is %s\n", CXKIT_VERSION_STRING,
            version ? version : "(null)");
    return 1;
  }
  if (cxkit_version_number() != CXKIT_VERSION_NUMBER) {
    fprintf(stderr, "version number %d, expected %d\n", cxkit_version_number(),
            CXKIT_VERSION_NUMBER);
    return 1;
  }
  printf("cxkit_c %s\n", version);
  return 0;
}
