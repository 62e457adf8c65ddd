# Every dependency is a Debian 12 package (see README "Dependencies"); nothing is downloaded.
find_package(Threads REQUIRED)
find_package(absl CONFIG REQUIRED)
find_package(Protobuf REQUIRED)  # protobuf 3.21 ships no CMake config: CMake's FindProtobuf
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)

# libphonenumber ships neither a CMake config nor a .pc file.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY NAMES phonenumber REQUIRED)
if(NOT TARGET cxkit_phonenumber)
  add_library(cxkit_phonenumber INTERFACE)
  target_include_directories(cxkit_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
  target_link_libraries(cxkit_phonenumber INTERFACE ${PHONENUMBER_LIBRARY})
endif()
