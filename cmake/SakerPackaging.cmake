# Install layout (GNUInstallDirs), the installed configuration, the systemd
# unit and the CPack .deb. Included by the top-level CMakeLists.txt before
# any plugin, so that plugins can call saker_plugin().
#
#   <prefix>/bin/saker
#   <prefix>/lib/saker/plugins/lib*.so         SAKER_INSTALL_PLUGINDIR
#   <prefix>/share/saker/rules/                saker's rules, sub-folders kept
#   <sysconfdir>/saker/saker.yaml              /etc with prefix /usr
#   <prefix>/lib/systemd/system/saker.service  SAKER_INSTALL_SYSTEMDDIR
#
# The saker binary's built-in defaults (syscall plugin, rules folder) are
# these installed paths; a build tree is run with -c saker.yaml (the
# repository's configuration names the build-tree paths).
include(GNUInstallDirs)

set(SAKER_INSTALL_PLUGINDIR "lib/saker/plugins" CACHE STRING
  "Plugin folder, relative to CMAKE_INSTALL_PREFIX")
set(SAKER_INSTALL_SYSTEMDDIR "lib/systemd/system" CACHE STRING
  "systemd unit folder, relative to CMAKE_INSTALL_PREFIX")
set(SAKER_FULL_PLUGINDIR "${CMAKE_INSTALL_PREFIX}/${SAKER_INSTALL_PLUGINDIR}")
set(SAKER_FULL_RULESDIR "${CMAKE_INSTALL_FULL_DATADIR}/saker/rules")
set(SAKER_FULL_CONFDIR "${CMAKE_INSTALL_FULL_SYSCONFDIR}/saker")
set(SAKER_PLUGIN_EXPORTS_MAP "${CMAKE_SOURCE_DIR}/plugin_api/plugin_exports.map")

# Every shipped plugin: hidden visibility, exports limited to the ABI by the
# version script, installed into the plugin folder, and listed for the
# export test (tests/packaging).
set_property(GLOBAL PROPERTY SAKER_PLUGINS "")
function(saker_plugin target)
  set_target_properties(${target} PROPERTIES C_VISIBILITY_PRESET hidden
    LINK_DEPENDS "${SAKER_PLUGIN_EXPORTS_MAP}")
  target_link_options(${target} PRIVATE "-Wl,--version-script=${SAKER_PLUGIN_EXPORTS_MAP}")
  install(TARGETS ${target} LIBRARY DESTINATION "${SAKER_INSTALL_PLUGINDIR}" COMPONENT saker)
  set_property(GLOBAL APPEND PROPERTY SAKER_PLUGINS ${target})
endfunction()

install(DIRECTORY "${CMAKE_SOURCE_DIR}/rules/" DESTINATION "${CMAKE_INSTALL_DATADIR}/saker/rules"
  COMPONENT saker FILES_MATCHING PATTERN "*.yaml" PATTERN "*.yml")

# The installed saker.yaml is the repository's, with the build-tree plugin
# paths and the ./rules entry pointed at the installed ones. A change in the
# repository's file that these rewrites no longer cover stops the configure.
set(_src_yaml "${CMAKE_SOURCE_DIR}/saker.yaml")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_src_yaml}")
file(READ "${_src_yaml}" _yaml)
string(REGEX REPLACE "\\./build/plugins/[A-Za-z0-9_]+/(lib[A-Za-z0-9_]+\\.so)"
  "${SAKER_FULL_PLUGINDIR}/\\1" _yaml "${_yaml}")
string(REGEX REPLACE "\nrules_files:\n  - \\./rules\n"
  "\nrules_files:\n  - ${SAKER_FULL_RULESDIR}\n" _yaml "${_yaml}")
string(REGEX REPLACE "(\n  filename: )\\./events\\.txt" "\\1/var/log/saker/events.txt" _yaml "${_yaml}")
string(REPLACE "rules/k8s_audit" "${SAKER_FULL_RULESDIR}/k8s_audit" _yaml "${_yaml}")
string(REPLACE "rules/cloudtrail" "${SAKER_FULL_RULESDIR}/cloudtrail" _yaml "${_yaml}")
string(REPLACE "rules/github" "${SAKER_FULL_RULESDIR}/github" _yaml "${_yaml}")
if(_yaml MATCHES "\\./build/|  - \\./rules|filename: \\./")
  message(FATAL_ERROR "cmake/SakerPackaging.cmake: saker.yaml has a build-tree path that the "
    "installed configuration does not rewrite (${CMAKE_MATCH_0}); extend the rewrites")
endif()
string(REGEX REPLACE "^# saker.yaml - [^\n]*\n"
  "# saker.yaml - saker's configuration (installed copy: plugins in ${SAKER_FULL_PLUGINDIR},\n# rules in ${SAKER_FULL_RULESDIR}).\n"
  _yaml "${_yaml}")
set(SAKER_INSTALLED_CONFIG "${CMAKE_BINARY_DIR}/packaging/saker.yaml")
file(WRITE "${SAKER_INSTALLED_CONFIG}.tmp" "${_yaml}")
configure_file("${SAKER_INSTALLED_CONFIG}.tmp" "${SAKER_INSTALLED_CONFIG}" COPYONLY)
install(FILES "${SAKER_INSTALLED_CONFIG}" DESTINATION "${SAKER_FULL_CONFDIR}" COMPONENT saker)

set(SAKER_FULL_BINDIR "${CMAKE_INSTALL_FULL_BINDIR}")
configure_file("${CMAKE_SOURCE_DIR}/deploy/systemd/saker.service.in"
  "${CMAKE_BINARY_DIR}/packaging/saker.service" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/packaging/saker.service"
  DESTINATION "${SAKER_INSTALL_SYSTEMDDIR}" COMPONENT saker)

# ---- .deb (cpack -G DEB) ----------------------------------------------------
# The package installs under the configured prefix, the one compiled into the
# binary's defaults: configure with -DCMAKE_INSTALL_PREFIX=/usr for a Debian
# package (config in /etc/saker). Runtime dependencies come from
# dpkg-shlibdeps on the binary and the plugins.
set(CPACK_PACKAGE_NAME "saker")
set(CPACK_PACKAGE_VENDOR "saker")
set(CPACK_PACKAGE_CONTACT "saker maintainers <saker@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "runtime security engine (Falco-compatible plugins and rules)")
set(CPACK_PACKAGE_DESCRIPTION "saker watches kernel syscalls through eBPF, Kubernetes audit,
AWS CloudTrail, Okta and GitHub events through plugins, and raises an alert
when an event matches a rule. It loads Falco plugins and rules files.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The plugins are private libraries: dpkg-shlibdeps must not look for
# another package providing them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${SAKER_FULL_PLUGINDIR}")
if(SAKER_FULL_CONFDIR MATCHES "^/etc/")
  set(_conffiles "${CMAKE_BINARY_DIR}/packaging/deb/conffiles")
  file(WRITE "${_conffiles}" "${SAKER_FULL_CONFDIR}/saker.yaml\n")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${_conffiles}")
endif()
include(CPack)
