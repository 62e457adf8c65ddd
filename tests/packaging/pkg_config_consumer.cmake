# cmake -DPKG_CONFIG_EXECUTABLE=... -DPREFIX=... -DLIBDIR=... -DVERSION=... -DSOURCE_DIR=...
#       -DBINARY_DIR=... -DC_COMPILER=... -DCXX_COMPILER=... -DC_FLAGS=... -DCXX_FLAGS=...
#       -DLINKER_FLAGS=... -DEXPECT_C_API=ON|OFF -DSTATIC=ON|OFF -P pkg_config_consumer.cmake
#
# Builds the consumer programs the way a Makefile user does,
#   cc main.c $(pkg-config --cflags --libs cxkit_c)
# against the .pc files installed in PREFIX, and runs them. A static libcxkit is linked the
# way pkg-config users link static libraries, with --static.

set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
# A custom prefix is not in the loader's search path; users set it the same way.
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}:$ENV{LD_LIBRARY_PATH}")
file(MAKE_DIRECTORY ${BINARY_DIR})

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out
                  ERROR_VARIABLE out OUTPUT_STRIP_TRAILING_WHITESPACE)
  list(JOIN ARGN " " command)
  message(STATUS "$ ${command}\n${out}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result})")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# build_and_run(module compiler flags std source program)
function(build_and_run module compiler flags std source program)
  run(${PKG_CONFIG_EXECUTABLE} --print-errors --modversion ${module})
  if(NOT out STREQUAL "${VERSION}")
    message(FATAL_ERROR "${module}.pc says version '${out}', expected '${VERSION}'")
  endif()
  set(static_arg)
  if(STATIC)
    set(static_arg --static)
  endif()
  run(${PKG_CONFIG_EXECUTABLE} --print-errors ${static_arg} --cflags --libs ${module})
  separate_arguments(pc_flags UNIX_COMMAND "${out}")
  separate_arguments(flags UNIX_COMMAND "${flags} ${LINKER_FLAGS}")
  run(${compiler} ${flags} ${std} ${SOURCE_DIR}/${source} ${pc_flags} -o ${BINARY_DIR}/${program})
  run(${BINARY_DIR}/${program})
endfunction()

build_and_run(cxkit ${CXX_COMPILER} "${CXX_FLAGS}" -std=c++17 main.cc resolve_identities)
if(EXPECT_C_API)
  build_and_run(cxkit_c ${C_COMPILER} "${C_FLAGS}" -std=c99 main.c c_version)
endif()
