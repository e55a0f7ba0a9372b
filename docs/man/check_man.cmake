# Checks the man page of one example program against the program:
#   cmake -DPROG=path/to/ccad-plan -DPAGE=ccad-plan.1 -P check_man.cmake
# - groff -ww -man -Tutf8 renders it without a warning;
# - the options its OPTIONS section lists are exactly the options the
#   program's --help lists (each long and short name), so neither can gain
#   or lose one alone;
# - every option --help lists is one the program takes: given without a
#   value it is not an "unknown option".
find_program(GROFF groff)
if(NOT GROFF)
  message("groff not installed: skipped (apt-get install groff-base)")
  return()
endif()

# The option names of a label such as "-o, --output FILE".
function(names_of out label)
  string(REGEX MATCHALL "(^|[ ,])(--?[A-Za-z][-A-Za-z]*)" found "${label}")
  set(res "")
  foreach(f IN LISTS found)
    string(REGEX REPLACE "^[ ,]" "" f "${f}")
    list(APPEND res "${f}")
  endforeach()
  set(${out} "${res}" PARENT_SCOPE)
endfunction()

include(${CMAKE_CURRENT_LIST_DIR}/help_lines.cmake)
ccad_man_help_lines(help_lines ${PROG})
set(from_help "")
foreach(line IN LISTS help_lines)
  if(line MATCHES "^  -")
    string(SUBSTRING "${line}" 2 18 label)
    names_of(n "${label}")
    list(APPEND from_help ${n})
  endif()
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 ${GROFF} -ww -man -Tutf8 -P-cbou ${PAGE}
                RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE warnings)
if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "groff -ww -man ${PAGE}: exit ${rc}:\n${warnings}")
endif()
# groff writes U+2010 for a hyphen it may break at; the options keep ASCII
string(REPLACE "‐" "-" text "${text}")
string(REPLACE "−" "-" text "${text}")
ccad_man_lines(text_lines "${text}")
set(from_page "")
set(in_options 0)
foreach(line IN LISTS text_lines)
  if(line MATCHES "^[A-Z]")
    set(in_options 0)
    if(line STREQUAL "OPTIONS")
      set(in_options 1)
    endif()
  elseif(in_options AND line MATCHES "^       (-[^ ].*)$")
    names_of(n "${CMAKE_MATCH_1}")
    list(APPEND from_page ${n})
  endif()
endforeach()

list(SORT from_help)
list(SORT from_page)
if(NOT from_help STREQUAL from_page OR from_help STREQUAL "")
  message(FATAL_ERROR "${PAGE}: OPTIONS lists ${from_page}\n${PROG} --help lists ${from_help}")
endif()
foreach(opt IN LISTS from_help)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C ASAN_OPTIONS=detect_leaks=0 ${PROG} ${opt}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(err MATCHES "unknown option")
    message(FATAL_ERROR "${PROG} --help lists ${opt}, which the program does not take: ${err}")
  endif()
endforeach()
list(LENGTH from_help count)
message("${PAGE}: ${count} options, as --help lists them; no groff warning")
