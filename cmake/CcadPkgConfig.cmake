# Writes custcadence.pc with a literal prefix (no ${pcfiledir}/../.. form, so
# pkgconf recognises its system directories and prints clean -I/-L paths).
#
# In:  CCAD_PC_IN (template), CCAD_PC_OUT (file written), CCAD_PC_PREFIX (the
#      prefix), CCAD_PC_LIBDIR_REL and CCAD_PC_INCLUDEDIR_REL (GNUInstallDirs'
#      CMAKE_INSTALL_LIBDIR and CMAKE_INSTALL_INCLUDEDIR, relative or
#      absolute), PROJECT_DESCRIPTION, PROJECT_VERSION.
#
# Used twice: at configure time for the build tree's copy (the configured
# CMAKE_INSTALL_PREFIX), and at install time (install(CODE) in the top
# CMakeLists.txt, writing into the installed tree) with the prefix of that
# install, so `cmake --install build --prefix DIR` writes DIR into the
# installed file. DESTDIR is not part of CMAKE_INSTALL_PREFIX, so staged
# installs (packages) get the final prefix.
foreach(ccad_pc_dir LIBDIR INCLUDEDIR)
  set(ccad_pc_rel "${CCAD_PC_${ccad_pc_dir}_REL}")
  if(IS_ABSOLUTE "${ccad_pc_rel}")
    set(CCAD_PC_${ccad_pc_dir} "${ccad_pc_rel}")
  else()
    set(CCAD_PC_${ccad_pc_dir} "\${prefix}/${ccad_pc_rel}")
  endif()
endforeach()
string(REGEX REPLACE "(.)/+$" "\\1" CCAD_PC_PREFIX "${CCAD_PC_PREFIX}")
configure_file("${CCAD_PC_IN}" "${CCAD_PC_OUT}" @ONLY)
