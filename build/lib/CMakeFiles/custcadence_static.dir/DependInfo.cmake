
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/lib/assess.c" "lib/CMakeFiles/custcadence_static.dir/assess.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/assess.c.o.d"
  "/work/main/lib/book.c" "lib/CMakeFiles/custcadence_static.dir/book.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/book.c.o.d"
  "/work/main/lib/ctx.c" "lib/CMakeFiles/custcadence_static.dir/ctx.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/ctx.c.o.d"
  "/work/main/lib/date.c" "lib/CMakeFiles/custcadence_static.dir/date.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/date.c.o.d"
  "/work/main/lib/grade.c" "lib/CMakeFiles/custcadence_static.dir/grade.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/grade.c.o.d"
  "/work/main/lib/names.c" "lib/CMakeFiles/custcadence_static.dir/names.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/names.c.o.d"
  "/work/main/lib/rules.c" "lib/CMakeFiles/custcadence_static.dir/rules.c.o" "gcc" "lib/CMakeFiles/custcadence_static.dir/rules.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
