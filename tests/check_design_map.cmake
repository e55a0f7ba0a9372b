# Checks the map "Where things live" of docs/design.md: every file of lib/,
# tests/, examples/ and bindings/ has its line there ("- `path`: what it
# holds", or a line "- `dir/`: ..." for a directory of data, which covers
# every file under it), and every line names a file or directory that exists.
#   cmake -DSOURCE=<source dir> -P check_design_map.cmake
# The files are git's (tracked ones) in a checkout, else every file under
# the four directories but caches and build output. On failure the message
# lists each file missing from the map and each line naming nothing.
cmake_policy(SET CMP0007 NEW) # lists keep every element
set(top_dirs lib tests examples bindings)
set(map_file "${SOURCE}/docs/design.md")

find_program(ccad_git git)
set(files "")
if(ccad_git AND EXISTS "${SOURCE}/.git")
  execute_process(COMMAND "${ccad_git}" -C "${SOURCE}" ls-files -- ${top_dirs}
                  OUTPUT_VARIABLE listed RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    string(REPLACE "\n" ";" files "${listed}")
    list(FILTER files EXCLUDE REGEX "^$")
  endif()
endif()
if(NOT files)
  foreach(d IN LISTS top_dirs)
    file(GLOB_RECURSE found RELATIVE "${SOURCE}" "${SOURCE}/${d}/*")
    list(APPEND files ${found})
  endforeach()
  list(FILTER files EXCLUDE REGEX "(^|/)(__pycache__|node_modules|target|\\.mypy_cache)/")
endif()

file(STRINGS "${map_file}" lines REGEX "^- `[^`]+`: ")
set(entries "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^- `([^`]+)`: .*" "\\1" entry "${line}")
  list(APPEND entries "${entry}")
endforeach()

# Lines naming nothing.
set(stale "")
foreach(entry IN LISTS entries)
  if(entry MATCHES "/$")
    if(NOT IS_DIRECTORY "${SOURCE}/${entry}")
      list(APPEND stale "${entry}")
    endif()
  elseif(NOT EXISTS "${SOURCE}/${entry}" OR IS_DIRECTORY "${SOURCE}/${entry}")
    list(APPEND stale "${entry}")
  endif()
endforeach()

# Files without a line.
set(dirs "${entries}")
list(FILTER dirs INCLUDE REGEX "/$")
set(missing "")
foreach(f IN LISTS files)
  list(FIND entries "${f}" at)
  if(NOT at EQUAL -1)
    continue()
  endif()
  set(covered 0)
  foreach(d IN LISTS dirs)
    string(FIND "${f}" "${d}" pos)
    if(pos EQUAL 0)
      set(covered 1)
      break()
    endif()
  endforeach()
  if(NOT covered)
    list(APPEND missing "${f}")
  endif()
endforeach()

if(missing OR stale)
  set(msg "docs/design.md, \"Where things live\", is out of date.")
  if(missing)
    list(LENGTH missing n)
    list(JOIN missing "\n  " shown)
    string(APPEND msg "\n${n} file(s) without a line (add \"- `path`: what it holds\"):\n  ${shown}")
  endif()
  if(stale)
    list(LENGTH stale n)
    list(JOIN stale "\n  " shown)
    string(APPEND msg "\n${n} line(s) naming no file (remove or rename them):\n  ${shown}")
  endif()
  message(FATAL_ERROR "${msg}")
endif()
list(LENGTH files n)
list(LENGTH entries m)
message(STATUS "design map: ${n} files, ${m} lines, none missing")
