// Lansweeper report exports: the classic software report SELECTs tblAssets.AssetName with
// tblSoftwareUni.softwareName, tblSoftware.softwareVersion and tblSoftwareUni.SoftwarePublisher,
// often aliased to Software / Version / Publisher.
import {csvReader} from '../csv-table.js'

export const lansweeperCsv = csvReader({
  name: 'lansweeper-csv',
  description: 'Lansweeper software report export (AssetName, softwareName, softwareVersion, SoftwarePublisher)',
  produce: 'Lansweeper > Reports > a software report (AssetName, softwareName, softwareVersion, SoftwarePublisher) > Export to CSV',
  columns: {
    name: ['softwarename', 'software'], version: ['softwareversion', 'version'], vendor: ['softwarepublisher', 'publisher'],
    host: ['assetname', 'asset', 'computername'],
  },
  signatures: [['assetname', 'softwarename'], ['assetname', 'software'], ['softwarename', 'softwareversion']],
  confidence: 0.9,
})
