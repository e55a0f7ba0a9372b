# Shared by make_man.cmake and check_man.cmake: text as a CMake list of
# lines, and a program's --help that way.

# Lines of a text, with '[', ']' and ';' kept out of CMake's list syntax
# (put back by ccad_man_restore()).
function(ccad_man_lines out text)
  string(REPLACE "[" "@LB@" text "${text}")
  string(REPLACE "]" "@RB@" text "${text}")
  string(REPLACE ";" "@SC@" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(ccad_man_restore out text)
  string(REPLACE "@LB@" "[" text "${text}")
  string(REPLACE "@RB@" "]" text "${text}")
  string(REPLACE "@SC@" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The lines of `prog --help` in the C locale (a sanitizer build's leak
# report would not belong to the usage text).
function(ccad_man_help_lines out prog)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C ASAN_OPTIONS=detect_leaks=0 ${prog} --help
                  RESULT_VARIABLE rc OUTPUT_VARIABLE help)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${prog} --help: exit ${rc}")
  endif()
  ccad_man_lines(lines "${help}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()
