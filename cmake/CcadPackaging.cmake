# Debian packages with CPack (docs/install.md, "Debian packages"). Built by
# tests/package.sh, which configures a Release build for /usr with
# -DCCAD_DEBIAN_LAYOUT=ON, builds it and the HTML reference, and runs cpack:
#   libcustcadence1     the shared library; its symbols file and ldconfig trigger
#   libcustcadence-dev  header, static library, .pc, CMake package, ABI JSON
#   libcustcadence-doc  the HTML reference
#   custcadence-tools   ccad-due, ccad-plan, ccad-ics, ccad-map and their data
option(CCAD_DEBIAN_LAYOUT
       "Install each package's copyright and changelog under share/doc/<package> (for cpack -G DEB)"
       OFF)

set(CCAD_DEB_PACKAGES lib libcustcadence1 dev libcustcadence-dev doc libcustcadence-doc
    tools custcadence-tools)
set(CCAD_DEB_MAINTAINER "libcustcadence maintainers <maintainers@libcustcadence.invalid>" CACHE STRING
    "Maintainer field of the Debian packages (set a real address when publishing them)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME custcadence)
set(CPACK_PACKAGE_VENDOR "The libcustcadence authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${CCAD_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL lib dev doc tools)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)

set(ccad_deb_version "${PROJECT_VERSION}-1")
set(ccad_text_lib "embeddable C library that plans customer contacts
libcustcadence decides when a field sales rep should contact which
customer, and why: grading, contact frequency, gaps, complaints and a
week's plan, from rules distilled from sales practice. Pure C with no I/O
of its own; the host supplies allocator, clock and calendar.")
set(CPACK_DEBIAN_LIB_PACKAGE_NAME libcustcadence1)
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIB_PACKAGE_SHLIBDEPS ON)
set(CPACK_COMPONENT_LIB_DESCRIPTION "${ccad_text_lib}

This package holds the shared library.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libcustcadence-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libcustcadence1 (= ${ccad_deb_version})")
set(CPACK_COMPONENT_DEV_DESCRIPTION "development files for libcustcadence
libcustcadence decides when a field sales rep should contact which
customer, and why.

This package holds the header, the static library, the pkg-config file,
the CMake package and custcadence-abi.json, the machine-readable
description of the ABI for bindings in other languages.")

set(CPACK_DEBIAN_DOC_PACKAGE_NAME libcustcadence-doc)
set(CPACK_DEBIAN_DOC_PACKAGE_SECTION doc)
set(CPACK_DEBIAN_DOC_PACKAGE_ARCHITECTURE all)
set(CPACK_COMPONENT_DOC_DESCRIPTION "API reference of libcustcadence (HTML)
libcustcadence decides when a field sales rep should contact which
customer, and why.

This package holds the HTML reference with the guides: design, rules,
planning, integration, the ABI promise and installing.")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME custcadence-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "libcustcadence1 (= ${ccad_deb_version}), libc6")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION "command-line planners built on libcustcadence
libcustcadence decides when a field sales rep should contact which
customer, and why.

This package holds ccad-due (who is due today), ccad-plan (a week's
plan), ccad-ics (the plan as a calendar) and ccad-map (the routes as SVG),
with a sample territory they use by default.")

# The symbols file (cmake/debian_symbols.py) and the ldconfig trigger of
# libcustcadence1.
# A shlibs file too (lintian requires it; the symbols file is finer and
# dpkg-shlibdeps prefers it). The ldconfig trigger replaces the ldconfig
# calls CPack writes into postinst and postrm by default: these scripts are
# replaced by ones that do nothing.
set(CCAD_DEB_DIR ${PROJECT_BINARY_DIR}/debian)
file(MAKE_DIRECTORY ${CCAD_DEB_DIR})
file(WRITE ${CCAD_DEB_DIR}/triggers "activate-noawait ldconfig\n")
file(WRITE ${CCAD_DEB_DIR}/shlibs
     "libcustcadence ${PROJECT_VERSION_MAJOR} libcustcadence1 (>= ${PROJECT_VERSION})\n")
foreach(script postinst postrm)
  file(WRITE ${CCAD_DEB_DIR}/${script} "#!/bin/sh\nset -e\n")
  file(CHMOD ${CCAD_DEB_DIR}/${script} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
       GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
find_package(Python3 COMPONENTS Interpreter QUIET)
find_program(CCAD_NM nm)
find_program(CCAD_OBJDUMP objdump)
if(Python3_Interpreter_FOUND AND CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CCAD_NM AND CCAD_OBJDUMP)
  add_custom_command(OUTPUT ${CCAD_DEB_DIR}/symbols
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/debian_symbols.py
            $<TARGET_FILE:custcadence> libcustcadence1 ${CCAD_DEB_DIR}/symbols
    DEPENDS custcadence ${PROJECT_SOURCE_DIR}/cmake/debian_symbols.py
    COMMENT "Writing the Debian symbols file"
    VERBATIM)
  add_custom_target(deb_symbols ALL DEPENDS ${CCAD_DEB_DIR}/symbols)
endif()
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_EXTRA ${CCAD_DEB_DIR}/symbols ${CCAD_DEB_DIR}/shlibs
    ${CCAD_DEB_DIR}/triggers ${CCAD_DEB_DIR}/postinst ${CCAD_DEB_DIR}/postrm)
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

if(CCAD_DEBIAN_LAYOUT)
  # Debian wants copyright and changelog in every package's doc directory.
  string(TIMESTAMP ccad_deb_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  file(WRITE ${CCAD_DEB_DIR}/changelog.Debian "custcadence (${ccad_deb_version}) unstable; urgency=medium

  * Version ${PROJECT_VERSION}, packaged with CPack. The project's
    CHANGELOG.md lists what changed.

 -- ${CCAD_DEB_MAINTAINER}  ${ccad_deb_date}
")
  execute_process(COMMAND gzip -9nf ${CCAD_DEB_DIR}/changelog.Debian)
  while(CCAD_DEB_PACKAGES)
    list(POP_FRONT CCAD_DEB_PACKAGES component package)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package}
            RENAME copyright COMPONENT ${component})
    install(FILES ${CCAD_DEB_DIR}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
  endwhile()
endif()

include(CPack)
