// Every inventory reader Passerelle has. The one whose sniff is most confident reads the export;
// ties go to the earlier reader, so the more specific formats come first.
import type {Reader} from '../reader.js'
import {chocoExport, chocoList} from './chocolatey.js'
import {composerJson, composerLock} from './composer.js'
import {cyclonedxJson} from './cyclonedx-json.js'
import {cyclonedxXml} from './cyclonedx-xml.js'
import {dpkgList, dpkgQuery, dpkgStatus} from './dpkg.js'
import {genericCsv} from './generic-csv.js'
import {glpiJson} from './glpi-json.js'
import {intuneCsv} from './intune-csv.js'
import {lansweeperCsv} from './lansweeper-csv.js'
import {macosProfilerPlist, macosProfilerText} from './macos-profiler.js'
import {nmapXml} from './nmap-xml.js'
import {npmPackageJson, npmPackageLock} from './npm.js'
import {ocsXml} from './ocs-xml.js'
import {osqueryJson} from './osquery-json.js'
import {pdqCsv} from './pdq-csv.js'
import {powershellCsv} from './powershell-csv.js'
import {regUninstall} from './reg-uninstall.js'
import {rpmQa, rpmQueryformat} from './rpm.js'
import {sccmCsv} from './sccm-csv.js'
import {spdxJson} from './spdx-json.js'
import {spdxTag} from './spdx-tag.js'
import {win32ProductCsv} from './win32-product-csv.js'
import {wingetJson} from './winget-json.js'

export const READERS: Reader[] = [
  intuneCsv, sccmCsv, lansweeperCsv, pdqCsv, powershellCsv, win32ProductCsv, regUninstall,
  glpiJson, ocsXml, dpkgStatus, dpkgList, dpkgQuery, rpmQa, rpmQueryformat, nmapXml, osqueryJson,
  wingetJson, chocoExport, chocoList, macosProfilerText, macosProfilerPlist,
  cyclonedxJson, cyclonedxXml, spdxJson, spdxTag, npmPackageLock, npmPackageJson, composerLock, composerJson,
  genericCsv,
]
