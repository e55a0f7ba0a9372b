# custcadence-abi.json: the machine-readable ABI (docs/ffi.md), generated at
# build time and installed to <libdir>/custcadence/ (its numbers are those of
# the target architecture). cmake/abi_probe.py reads the public headers and
# writes a C program; built with this compiler and run, it prints the JSON,
# taking every size, offset, width and value from the compiler. A struct,
# field, enum, constant or function added to the header is in the next
# build's JSON without any edit here.
option(CCAD_ABI_JSON "Generate and install custcadence-abi.json (needs python3)" ON)
if(NOT CCAD_ABI_JSON)
  return()
endif()
if(CMAKE_CROSSCOMPILING)
  message(WARNING "custcadence-abi.json is not generated when cross-compiling "
                  "(the probe must run on the build machine)")
  return()
endif()
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(FATAL_ERROR "custcadence-abi.json needs python3 at build time; "
                      "install it or configure with -DCCAD_ABI_JSON=OFF")
endif()

set(CCAD_ABI_JSON_FILE ${PROJECT_BINARY_DIR}/custcadence-abi.json)
set(ccad_probe_c ${PROJECT_BINARY_DIR}/abi/ccad_abi_probe.c)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/abi)
add_custom_command(OUTPUT ${ccad_probe_c}
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/abi_probe.py
          ${PROJECT_SOURCE_DIR}/include/custcadence.h
          ${PROJECT_BINARY_DIR}/include/custcadence_version.h ${ccad_probe_c}
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/abi_probe.py ${PROJECT_SOURCE_DIR}/include/custcadence.h
          ${PROJECT_BINARY_DIR}/include/custcadence_version.h
  COMMENT "Reading custcadence.h for the ABI probe"
  VERBATIM)
add_executable(ccad_abi_probe ${ccad_probe_c})
# headers only: the probe measures types, it calls nothing
target_include_directories(ccad_abi_probe PRIVATE ${PROJECT_SOURCE_DIR}/include
                           ${PROJECT_BINARY_DIR}/include)
target_link_libraries(ccad_abi_probe PRIVATE ccad_warnings)
set_target_properties(ccad_abi_probe PROPERTIES C_STANDARD 11)
add_custom_command(OUTPUT ${CCAD_ABI_JSON_FILE}
  COMMAND ccad_abi_probe ${CCAD_ABI_JSON_FILE}
  DEPENDS ccad_abi_probe
  COMMENT "Writing custcadence-abi.json"
  VERBATIM)
add_custom_target(abi_json ALL DEPENDS ${CCAD_ABI_JSON_FILE})
# The Python binding's enumerations and struct layouts, generated from the
# JSON into the source tree (checked in; the python_abi_current test says
# when they are stale): cmake --build BUILD --target python_abi
add_custom_target(python_abi
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/bindings/python/gen_abi.py
          ${CCAD_ABI_JSON_FILE}
  DEPENDS abi_json
  COMMENT "Writing bindings/python/custcadence/_abi.py from custcadence-abi.json"
  VERBATIM)
install(FILES ${CCAD_ABI_JSON_FILE} DESTINATION ${CMAKE_INSTALL_LIBDIR}/custcadence
        COMPONENT dev)
