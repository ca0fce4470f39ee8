# Sourced by run.sh and test.sh: the Debian packages both need, and installing what is missing.

# followthemoney (the FtM export) depends on PyICU, which pip builds against the system ICU.
need_icu_build_tools() {
  command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
  pkg-config --exists icu-i18n 2>/dev/null || need+=(libicu-dev)
  command -v g++ >/dev/null 2>&1 || need+=(g++)
}

# Install the packages listed in need (as root with apt), or say which to install and stop.
install_needed() {
  [ ${#need[@]} -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "$1: please install: ${need[*]} (Debian/Ubuntu: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
}
