// The system libyaml (Debian/Ubuntu: libyaml-dev), linked statically: see Package.swift.
#include <yaml.h>
