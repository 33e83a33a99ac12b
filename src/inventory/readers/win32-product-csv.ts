// `Get-CimInstance Win32_Product | Export-Csv`: WMI properties (Name, Version, Vendor, IdentifyingNumber);
// MSI-installed products only. PSComputerName names the host when the query ran remotely.
import {csvReader} from '../csv-table.js'

export const win32ProductCsv = csvReader({
  name: 'win32-product-csv',
  description: 'PowerShell Export-Csv of Win32_Product (Name, Version, Vendor, IdentifyingNumber)',
  produce: 'Get-CimInstance Win32_Product | Select-Object Name, Version, Vendor, IdentifyingNumber, PSComputerName | Export-Csv products.csv -NoTypeInformation',
  columns: {name: ['name', 'caption'], version: ['version'], vendor: ['vendor'], host: ['pscomputername', 'server', 'computername'], id: ['identifyingnumber']},
  signatures: [['name', 'vendor', 'identifyingnumber'], ['name', 'version', 'vendor', 'pscomputername']],
  confidence: 0.85,
})
