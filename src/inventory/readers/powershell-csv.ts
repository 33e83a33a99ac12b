// PowerShell `Get-ItemProperty …\Uninstall\* | Export-Csv`: any column order, with or without the #TYPE
// line, `,` or `;`, UTF-8, UTF-8 BOM or UTF-16LE. Rows without a DisplayName are hidden components.
import {csvReader} from '../csv-table.js'

export const powershellCsv = csvReader({
  name: 'powershell-uninstall-csv',
  description: 'PowerShell Export-Csv of the Uninstall registry keys (DisplayName, DisplayVersion, Publisher)',
  produce: 'Get-ItemProperty HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*, HKLM:\\Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\* | Select-Object DisplayName, DisplayVersion, Publisher, InstallDate, PSComputerName | Export-Csv installed_programs.csv -NoTypeInformation',
  columns: {name: ['displayname'], version: ['displayversion'], vendor: ['publisher'], host: ['pscomputername', 'computername', 'server', 'hostname'], id: ['pschildname']},
  signatures: [['displayname', 'displayversion'], ['displayname', 'publisher'], ['displayname']],
  confidence: 0.9,
})
