# Debian package: `cpack` in the build folder writes ipdesk_<version>_<arch>.deb.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ipdesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/ipdesk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "ipdesk")
set(CPACK_PACKAGE_VENDOR "IPDesk")
set(CPACK_PACKAGE_CONTACT "IPDesk maintainers <ipdesk@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "IPDesk (招商工作台): investment-promotion project pipeline, targets and reports")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
# The shared libraries the programs link are found by dpkg-shlibdeps (dpkg-dev); what they load at
# run time without linking it (the SQL drivers, the platform plugins, the fonts) is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, qt6-translations-l10n, poppler-utils, catdoc, fonts-noto-color-emoji")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ipdesk")
include(CPack)
