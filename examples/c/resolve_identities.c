/* Resolves customer identities through cxkit's C ABI, with JSON in and out.

   Usage: resolve_identities_c request.json
   where request.json is a cxkit.v1.ResolveIdentitiesRequest in proto3 JSON,
   e.g.
     {"records":[{"id":"order-1001","identifiers":[
       {"type":"IDENTIFIER_TYPE_EMAIL","value":"Anna.Smirnova@Gmail.com"}]}]}
   Prints the ResolveIdentitiesResponse as JSON; exits non-zero when its status
   is not OK. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxkit/cxkit_c.h"

/* Reads the whole file into a malloc'd buffer; NULL on failure. */
static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  char* data = NULL;
  size_t capacity = 0;
  int ok = file != NULL;
  *size = 0;
  while (ok) {
    size_t n;
    if (*size == capacity) {
      char* grown = (char*)realloc(data, capacity * 2 + 4096);
      if (grown == NULL) {
        ok = 0;
        break;
      }
      data = grown;
      capacity = capacity * 2 + 4096;
    }
    n = fread(data + *size, 1, capacity - *size, file);
    *size += n;
    if (n == 0) {
      ok = !ferror(file);
      break;
    }
  }
  if (file != NULL) fclose(file);
  if (!ok) {
    free(data);
    return NULL;
  }
  return data;
}

int main(int argc, char** argv) {
  char* request;
  size_t request_size;
  char* response = NULL;
  size_t response_size = 0;
  int code;

  if (argc != 2) {
    fprintf(stderr, "usage: %s request.json\n", argv[0]);
    return 2;
  }
  request = read_file(argv[1], &request_size);
  if (request == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }

  /* The response is produced even on error: its status says what went wrong. */
  code = cxkit_call_json("ResolveIdentities", request, request_size, &response,
                         &response_size);
  free(request);
  if (response != NULL) {
    fwrite(response, 1, response_size, stdout);
    fputc('\n', stdout);
  }
  cxkit_free(response);

  if (code != CXKIT_OK) {
    fprintf(stderr, "ResolveIdentities failed: %s\n", cxkit_status_name(code));
    return 1;
  }
  return 0;
}
