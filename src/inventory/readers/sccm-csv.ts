// Configuration Manager (SCCM/MECM) software inventory exported to CSV: SQL views carry a `0` suffix
// (v_GS_ADD_REMOVE_PROGRAMS DisplayName0/Version0/Publisher0, v_GS_INSTALLED_SOFTWARE ProductName0/
// ProductVersion0), the WMI class SMS_InstalledSoftware has ARPDisplayName/ProductName, and report
// exports use display names (Computer Name, Product Name). Often UTF-16LE or Windows-1252.
import {csvReader} from '../csv-table.js'

export const sccmCsv = csvReader({
  name: 'sccm-software-csv',
  description: 'Configuration Manager (SCCM/MECM) Add/Remove Programs or installed software export',
  produce: 'SQL: SELECT s.Name0, a.DisplayName0, a.Version0, a.Publisher0 FROM v_GS_ADD_REMOVE_PROGRAMS a JOIN v_R_System s ON s.ResourceID = a.ResourceID (save as CSV), or a Software 02 report > Export > CSV',
  columns: {
    name: ['displayname0', 'productname0', 'arpdisplayname0', 'arpdisplayname', 'productname', 'displayname', 'softwarename'],
    version: ['version0', 'productversion0', 'productversion', 'version', 'displayversion0'],
    vendor: ['publisher0', 'publisher', 'manufacturer'],
    host: ['name0', 'netbiosname0', 'computername', 'machinename', 'resourcename', 'computer', 'devicename'],
    id: ['prodid0', 'productcode0', 'productcode', 'softwarecode'],
  },
  signatures: [['displayname0'], ['productname0'], ['arpdisplayname0'], ['arpdisplayname', 'productname'], ['productname', 'productversion', 'publisher'], ['computername', 'productname', 'version']],
  confidence: 0.85,
})
