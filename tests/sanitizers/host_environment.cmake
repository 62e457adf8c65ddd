# Hosts (python3, node; php cannot, see below) under AddressSanitizer. The interpreters are not instrumented, so
# they cannot load an ASan-instrumented libcxkit_c or Python module by themselves ("ASan runtime
# does not come first in initial library list"). In an ASan build, the tests that run an
# interpreter therefore preload the compiler's shared ASan runtime (which carries the UBSan
# handlers too), with leak detection off: the interpreters' own allocations, never freed at exit,
# are not cxkit's leaks. Every C and C++ program of the build is checked for leaks as usual.
#
# PHP cannot: it loads its extensions (FFI itself) and FFI libraries with RTLD_DEEPBIND, which
# the ASan runtime refuses ("dlopen ... with RTLD_DEEPBIND flag which is incompatible with
# sanitizer runtime", google/sanitizers#611). In an ASan build the PHP tests are therefore
# registered but DISABLED (ctest lists them as "Disabled"); they run in every other build.
#
# Sets CXKIT_HOST_SANITIZER_ENV: a list of NAME=VALUE to append to an interpreter test's
# ENVIRONMENT; empty in a build without ASan. Sets CXKIT_SANITIZER_DISABLES_PHP to ON in an ASan
# build.

set(CXKIT_HOST_SANITIZER_ENV "")
set(CXKIT_SANITIZER_DISABLES_PHP OFF)
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(_runtime_name libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
  else()
    set(_runtime_name libasan.so)
  endif()
  execute_process(
    COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_runtime_name}
    OUTPUT_VARIABLE _runtime
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${_runtime}" OR NOT EXISTS "${_runtime}")
    message(FATAL_ERROR "ASan build: the shared ASan runtime ${_runtime_name} that the "
                        "interpreter tests preload was not found (Debian: libclang-rt-14-dev)")
  endif()
  message(STATUS "ASan build: interpreter tests preload ${_runtime}; "
                 "the PHP tests are disabled (PHP's RTLD_DEEPBIND)")
  set(CXKIT_SANITIZER_DISABLES_PHP ON)
  set(CXKIT_HOST_SANITIZER_ENV
    "LD_PRELOAD=${_runtime}"
    "ASAN_OPTIONS=detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1")
endif()
