# check_install.cmake: the installed tree works on its own (docs/cli.md,
# "Where the bundled data is found"; issue 16).
#   cmake -DBUILD=<build dir> -DPREFIX=<scratch prefix> -DLIBDIR=<lib dir>
#         -DSRC_DATA=<source tree's examples/data> -DMODE=<mode> [-DCONFIG=<cfg>]
#         -P check_install.cmake
# Installs the build into PREFIX (nothing else is copied), then by MODE:
#   run        the installed ccad-plan and ccad-due, run from another
#              directory, read the installed data (PREFIX/share/custcadence);
#              every mode also requires the data and the man pages installed;
#   moved      a copy of ccad-plan in a directory with no data near it falls
#              back on the source tree; with CUSTCADENCE_DATA=/nonexistent it
#              fails with exit code 1 naming what it tried; CUSTCADENCE_DATA
#              pointing at the data is used;
#   pkgconfig  pkg-config --cflags --libs custcadence gives -IPREFIX/include
#              and -LPREFIX/LIBDIR with no '..', and its abi_json variable
#              names the installed custcadence-abi.json (skipped, 77, without
#              pkg-config).

function(fail)
  string(JOIN "" msg ${ARGN})
  message(FATAL_ERROR "${msg}")
endfunction()

# must_contain(TEXT LITERAL...)
function(must_contain text)
  foreach(want IN LISTS ARGN)
    string(FIND "${text}" "${want}" at)
    if(at EQUAL -1)
      fail("expected '${want}' in:\n${text}")
    endif()
  endforeach()
endfunction()

# run_prog(RC WORKDIR OUTVAR PROG ARGS...): runs, requires exit code RC,
# stores stdout+stderr in OUTVAR.
function(run_prog rc workdir outvar)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${workdir}
                  RESULT_VARIABLE got OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT got STREQUAL "${rc}")
    fail("${ARGN}: exit code ${got}, expected ${rc}\n${out}${err}")
  endif()
  set(${outvar} "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${PREFIX})
set(cfg)
if(CONFIG)
  set(cfg --config ${CONFIG})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} ${cfg}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  fail("cmake --install failed (${rc}):\n${out}${err}")
endif()
set(share ${PREFIX}/share/custcadence)
foreach(f territory.csv contacts.csv sample.csv sample-rules.txt territory-zh.csv contacts-zh.csv)
  if(NOT EXISTS ${share}/${f})
    fail("not installed: ${share}/${f}")
  endif()
endforeach()
# The man pages, compressed when gzip was found at build time.
foreach(p ccad-due ccad-plan ccad-ics ccad-map ccad-team)
  if(NOT EXISTS ${PREFIX}/share/man/man1/${p}.1.gz AND NOT EXISTS ${PREFIX}/share/man/man1/${p}.1)
    fail("not installed: ${PREFIX}/share/man/man1/${p}.1.gz")
  endif()
endforeach()
set(elsewhere ${PREFIX}/elsewhere)
file(MAKE_DIRECTORY ${elsewhere})
unset(ENV{CUSTCADENCE_DATA})

if(MODE STREQUAL "run")
  run_prog(0 ${elsewhere} out ${PREFIX}/bin/ccad-plan --today 2026-11-23)
  must_contain("${out}"
    "Plan for Mon 2026-11-23 .. Sun 2026-11-29: 7 days, 8 visits"
    "Customers: ${share}/territory.csv (300); contacts: ${share}/contacts.csv (29 applied)")
  run_prog(0 ${elsewhere} out ${PREFIX}/bin/ccad-due --today 2026-11-23)
  must_contain("${out}" "Due on Mon 2026-11-23: 23 of 40 customers")
  run_prog(0 ${elsewhere} out ${PREFIX}/bin/ccad-due --today 2026-11-23
           --rules ${share}/sample-rules.txt)
  must_contain("${out}" "Due on Mon 2026-11-23:")
  foreach(prog ccad-ics ccad-map)
    run_prog(0 ${elsewhere} out ${PREFIX}/bin/${prog} --help)
  endforeach()
elseif(MODE STREQUAL "moved")
  # No share/custcadence next to moved/deep/.., and the library found
  # through LD_LIBRARY_PATH (the RPATH $ORIGIN/../lib finds nothing here).
  set(moved ${PREFIX}/moved/deep)
  file(MAKE_DIRECTORY ${moved})
  file(COPY ${PREFIX}/bin/ccad-plan ${PREFIX}/bin/ccad-due DESTINATION ${moved})
  set(ENV{LD_LIBRARY_PATH} "${PREFIX}/${LIBDIR}")
  run_prog(0 ${elsewhere} out ${moved}/ccad-plan --today 2026-11-23)
  must_contain("${out}" "Customers: ${SRC_DATA}/territory.csv (300)")
  set(ENV{CUSTCADENCE_DATA} /nonexistent)
  run_prog(1 ${elsewhere} out ${moved}/ccad-plan --today 2026-11-23)
  must_contain("${out}"
    "ccad-plan: cannot find the bundled data file territory.csv; tried:\n  /nonexistent/territory.csv (from CUSTCADENCE_DATA)\nSet CUSTCADENCE_DATA to the directory of the bundled data")
  string(FIND "${out}" "Plan for" at)
  if(NOT at EQUAL -1)
    fail("planned without data:\n${out}")
  endif()
  run_prog(1 ${elsewhere} out ${moved}/ccad-due --today 2026-11-23)
  must_contain("${out}" "ccad-due: cannot find the bundled data file sample.csv; tried:\n  /nonexistent/sample.csv (from CUSTCADENCE_DATA)")
  # Named files need no data directory.
  run_prog(0 ${elsewhere} out ${moved}/ccad-due --today 2026-11-23
           --customers ${share}/sample.csv)
  must_contain("${out}" "Due on Mon 2026-11-23:")
  set(ENV{CUSTCADENCE_DATA} ${share})
  run_prog(0 ${elsewhere} out ${moved}/ccad-plan --today 2026-11-23)
  must_contain("${out}" "Customers: ${share}/territory.csv (300)")
elseif(MODE STREQUAL "pkgconfig")
  find_program(PKG_CONFIG NAMES pkg-config pkgconf)
  if(NOT PKG_CONFIG)
    message("pkg-config not found: skipped")
    cmake_language(EXIT 77)
  endif()
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
  run_prog(0 ${elsewhere} out ${PKG_CONFIG} --cflags --libs custcadence)
  must_contain("${out}" "-I${PREFIX}/include" "-L${PREFIX}/${LIBDIR}" "-lcustcadence")
  string(FIND "${out}" ".." at)
  if(NOT at EQUAL -1)
    fail("'..' in pkg-config output: ${out}")
  endif()
  file(READ ${PREFIX}/${LIBDIR}/pkgconfig/custcadence.pc pc)
  must_contain("${pc}" "prefix=${PREFIX}\n")
  string(FIND "${pc}" "pcfiledir" at)
  if(NOT at EQUAL -1)
    fail("custcadence.pc still uses pcfiledir:\n${pc}")
  endif()
  # the machine-readable ABI is installed where the .pc says (docs/ffi.md)
  run_prog(0 ${elsewhere} abi ${PKG_CONFIG} --variable=abi_json custcadence)
  string(STRIP "${abi}" abi)
  if(NOT abi STREQUAL "${PREFIX}/${LIBDIR}/custcadence/custcadence-abi.json" OR NOT EXISTS "${abi}")
    fail("pkg-config --variable=abi_json gave '${abi}', not an installed file")
  endif()
else()
  fail("unknown MODE '${MODE}'")
endif()
