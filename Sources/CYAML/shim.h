// The system libyaml (Debian/Ubuntu: libyaml-dev; pkg-config name yaml-0.1).
#include <yaml.h>
