# Install rules and package files: `find_package(cxkit CONFIG)` (installed and from the build
# tree), `pkg-config cxkit` and `pkg-config cxkit_c`. Included by the root when CXKIT_INSTALL
# is ON, after every target is defined. capi/ installs cxkit_c itself into the same export set.
include(CMakePackageConfigHelpers)

set(CXKIT_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/cxkit
    CACHE STRING "Where cxkitConfig.cmake is installed (relative: to the prefix)")
mark_as_advanced(CXKIT_INSTALL_CMAKEDIR)

get_target_property(_cxkit_type cxkit TYPE)
if(_cxkit_type STREQUAL "STATIC_LIBRARY")
  set(CXKIT_STATIC ON)
else()
  set(CXKIT_STATIC OFF)
endif()

# --- The library ---------------------------------------------------------------------------------

# A static libcxkit needs its private dependencies at the consumer's link step; the phone-number
# wrapper is then exported too (as cxkit::cxkit_phonenumber) because it is not an imported target.
set(_cxkit_install_targets cxkit)
if(CXKIT_STATIC)
  list(APPEND _cxkit_install_targets cxkit_phonenumber)
endif()
install(TARGETS ${_cxkit_install_targets}
  EXPORT cxkitTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# Installed anywhere, libcxkit_c finds the libcxkit beside it: the loader does not search an
# executable's RUNPATH for the dependencies of its libraries.
if(TARGET cxkit_c)
  get_target_property(_cxkit_c_type cxkit_c TYPE)
  if(_cxkit_c_type STREQUAL "SHARED_LIBRARY" AND NOT CXKIT_STATIC)
    set_property(TARGET cxkit_c PROPERTY INSTALL_RPATH "$ORIGIN")
  endif()
endif()

# --- Headers and the proto contract --------------------------------------------------------------

# The C++ API headers and the .proto files, under the same paths as in include/, so that
# `protoc -I <prefix>/include` resolves the imports between them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cxkit
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.proto")

# The generated headers go beside the .proto they come from.
foreach(_cxkit_proto IN LISTS CXKIT_PROTOS)
  file(RELATIVE_PATH _cxkit_proto_rel ${PROJECT_SOURCE_DIR}/include ${_cxkit_proto})
  get_filename_component(_cxkit_proto_dir ${_cxkit_proto_rel} DIRECTORY)
  get_filename_component(_cxkit_proto_name ${_cxkit_proto_rel} NAME_WE)
  install(FILES ${PROJECT_BINARY_DIR}/include/${_cxkit_proto_dir}/${_cxkit_proto_name}.pb.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/${_cxkit_proto_dir})
endforeach()
install(FILES ${PROJECT_BINARY_DIR}/include/cxkit/version_config.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cxkit)

# --- CMake package: cxkitConfig.cmake + cxkitConfigVersion.cmake + cxkitTargets.cmake ----------

install(EXPORT cxkitTargets
  NAMESPACE cxkit::
  DESTINATION ${CXKIT_INSTALL_CMAKEDIR})
# The build tree is a package too: -Dcxkit_DIR=<build dir>.
export(EXPORT cxkitTargets
  NAMESPACE cxkit::
  FILE ${PROJECT_BINARY_DIR}/cxkitTargets.cmake)

# The config includes cxkitTargets.cmake from its own directory, so the same file serves the
# build tree and the install tree.
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cxkitConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cxkitConfig.cmake
  INSTALL_DESTINATION ${CXKIT_INSTALL_CMAKEDIR})
# 0.x releases may break the API in every minor release: 0.1.x accepts only requests for 0.1.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cxkitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cxkitConfig.cmake
  ${PROJECT_BINARY_DIR}/cxkitConfigVersion.cmake
  DESTINATION ${CXKIT_INSTALL_CMAKEDIR})

# --- pkg-config: cxkit.pc (C++ API) and cxkit_c.pc (C ABI) --------------------------------------

# The prefix is found from the .pc file's own location, so `cmake --install --prefix <any>`
# gives working files; absolute install dirs are written as they are.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CXKIT_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CXKIT_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH _cxkit_pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
  string(REGEX REPLACE "/$" "" _cxkit_pc_to_prefix "${_cxkit_pc_to_prefix}")
  set(CXKIT_PC_PREFIX "\${pcfiledir}/${_cxkit_pc_to_prefix}")
  set(CXKIT_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CXKIT_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CXKIT_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()

# What a static link needs besides the public requirements (pkg-config --static). A shared
# library carries its own dependencies.
set(CXKIT_PC_REQUIRES_PRIVATE "")
set(CXKIT_PC_LIBS_PRIVATE "")
if(CXKIT_STATIC)
  get_filename_component(_cxkit_phonenumber_dir "${PHONENUMBER_LIBRARY}" DIRECTORY)
  set(CXKIT_PC_REQUIRES_PRIVATE "re2 libxxhash absl_flat_hash_map absl_flat_hash_set \
absl_inlined_vector absl_strings absl_str_format absl_time")
  set(CXKIT_PC_LIBS_PRIVATE "-L${_cxkit_phonenumber_dir} -lphonenumber")
endif()
set(CXKIT_C_PC_REQUIRES_PRIVATE "")
set(CXKIT_C_PC_LIBS_PRIVATE "")
if(TARGET cxkit_c)
  get_target_property(_cxkit_c_type cxkit_c TYPE)
  if(_cxkit_c_type STREQUAL "STATIC_LIBRARY")
    set(CXKIT_C_PC_REQUIRES_PRIVATE "cxkit")
    set(CXKIT_C_PC_LIBS_PRIVATE "-lstdc++ -lm")  # C programs link the C++ runtime
  endif()
endif()

configure_file(${PROJECT_SOURCE_DIR}/cmake/cxkit.pc.in ${PROJECT_BINARY_DIR}/cxkit.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cxkit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TARGET cxkit_c)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/cxkit_c.pc.in ${PROJECT_BINARY_DIR}/cxkit_c.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/cxkit_c.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
