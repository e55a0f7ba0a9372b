# Empty compiler generated dependencies file for custcadence.
# This may be replaced when dependencies are built.
