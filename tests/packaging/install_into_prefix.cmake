# cmake -DBUILD_DIR=... -DCONFIG=... -DPREFIX=... -DSTALE_DIRS=a|b -DLIBDIR=... -DINCLUDEDIR=...
#       -DSOURCE_INCLUDE_DIR=<repo>/include -DEXPECT_C_API=ON|OFF -P install_into_prefix.cmake
#
# Installs the build into a fresh PREFIX, checks that the files consumers rely on are there,
# and removes the consumer builds made against the previous install.

unset(ENV{DESTDIR})
string(REPLACE "|" ";" STALE_DIRS "${STALE_DIRS}")
file(REMOVE_RECURSE ${PREFIX} ${STALE_DIRS})

set(config_args)
if(CONFIG)
  set(config_args --config ${CONFIG})
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} ${config_args} --prefix ${PREFIX}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()

# Every public header and .proto of the repository, each .proto's generated header beside it.
set(expected ${INCLUDEDIR}/cxkit/version_config.h ${LIBDIR}/pkgconfig/cxkit.pc)
file(GLOB_RECURSE public RELATIVE ${SOURCE_INCLUDE_DIR} ${SOURCE_INCLUDE_DIR}/cxkit/*.h
     ${SOURCE_INCLUDE_DIR}/cxkit/*.proto)
foreach(file IN LISTS public)
  list(APPEND expected ${INCLUDEDIR}/${file})
  if(file MATCHES "^(.*)\\.proto$")
    list(APPEND expected ${INCLUDEDIR}/${CMAKE_MATCH_1}.pb.h)
  endif()
endforeach()
if(EXPECT_C_API)
  list(APPEND expected ${INCLUDEDIR}/cxkit/cxkit_c.h ${LIBDIR}/pkgconfig/cxkit_c.pc)
endif()
# The CMake package, wherever CXKIT_INSTALL_CMAKEDIR put it.
file(GLOB_RECURSE configs RELATIVE ${PREFIX} ${PREFIX}/*/cxkitConfig.cmake)
list(LENGTH configs config_count)
if(NOT config_count EQUAL 1)
  message(FATAL_ERROR "expected one cxkitConfig.cmake in ${PREFIX}, found: ${configs}")
endif()
get_filename_component(cmakedir ${configs} DIRECTORY)
list(APPEND expected ${cmakedir}/cxkitConfigVersion.cmake ${cmakedir}/cxkitTargets.cmake)

set(missing)
foreach(file IN LISTS expected)
  if(NOT EXISTS ${PREFIX}/${file})
    list(APPEND missing ${file})
  endif()
endforeach()
if(missing)
  list(JOIN missing "\n  " missing)
  message(FATAL_ERROR "not installed into ${PREFIX}:\n  ${missing}")
endif()

# Every installed header is under <prefix>/include/cxkit/; the implementation's stay in lib/.
file(GLOB_RECURSE headers RELATIVE ${PREFIX}/${INCLUDEDIR} ${PREFIX}/${INCLUDEDIR}/*)
list(FILTER headers EXCLUDE REGEX "^cxkit/")
if(headers)
  message(FATAL_ERROR "installed outside ${INCLUDEDIR}/cxkit/: ${headers}")
endif()
