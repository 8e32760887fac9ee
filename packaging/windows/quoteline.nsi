; NSIS script for the Quoteline Windows installer. scripts/dist.sh runs:
;   makensis -DVERSION=x.y.z -DEXE=quoteline.exe -DICON=quoteline.ico -DOUTFILE=Quoteline-x.y.z-setup.exe quoteline.nsi
; It installs quoteline.exe for all users, adds a Start menu entry, associates
; .quoteline documents with Quoteline and registers an uninstaller.

!ifndef VERSION | EXE | ICON | OUTFILE
  !error "define VERSION, EXE, ICON and OUTFILE"
!endif

Unicode true
SetCompressor /SOLID lzma
!include "MUI2.nsh"
!include "x64.nsh"

!define APP "Quoteline"
!define PROGID "Quoteline.Document"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} ${VERSION} installer"
VIAddVersionKey "LegalCopyright" "Quoteline developers"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\quoteline.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "${APP}"
  SetOutPath "$INSTDIR"
  File "/oname=quoteline.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\quoteline.exe"

  ; .quoteline documents open in Quoteline on double click.
  WriteRegStr HKLM "Software\Classes\.quoteline" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\.quoteline" "Content Type" "application/x-quoteline"
  WriteRegStr HKLM "Software\Classes\.quoteline\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Quoteline timeline"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\quoteline.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\quoteline.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\quoteline.exe\SupportedTypes" ".quoteline" ""
  WriteRegStr HKLM "Software\Classes\Applications\quoteline.exe\shell\open\command" "" '"$INSTDIR\quoteline.exe" "%1"'

  ; Apps & features entry.
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "Quoteline developers"
  WriteRegStr HKLM "${UNINSTKEY}" "URLInfoAbout" "https://github.com/quoteline/quoteline"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\quoteline.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  SectionGetSize 0 $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" $0

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\quoteline.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; Leave .quoteline alone if another program has taken it over since.
  ReadRegStr $0 HKLM "Software\Classes\.quoteline" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKLM "Software\Classes\.quoteline" ""
    DeleteRegValue HKLM "Software\Classes\.quoteline" "Content Type"
  ${EndIf}
  DeleteRegValue HKLM "Software\Classes\.quoteline\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKLM "Software\Classes\.quoteline\OpenWithProgids"
  DeleteRegKey /ifempty HKLM "Software\Classes\.quoteline"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\quoteline.exe"
  DeleteRegKey HKLM "${UNINSTKEY}"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
