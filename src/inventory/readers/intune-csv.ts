// Intune "Discovered apps" exports: Graph reports AppInvRawData / AppInvAggregate (ApplicationName,
// ApplicationVersion, ApplicationPublisher, DeviceName) and the portal's display-name headers.
// Aggregate exports have no device: their rows are attributed to the export (the file name or --host).
import {csvReader} from '../csv-table.js'

export const intuneCsv = csvReader({
  name: 'intune-discovered-apps-csv',
  description: 'Microsoft Intune discovered apps export (AppInvRawData, AppInvAggregate, portal export)',
  produce: 'Intune admin center > Apps > Monitor > Discovered apps > Export (or Graph exportJobs reportName AppInvRawData, format csv), then unzip',
  columns: {
    name: ['applicationname', 'appname', 'displayname'], version: ['applicationversion', 'appversion', 'version', 'applicationshortversion'],
    vendor: ['applicationpublisher', 'publisher'], host: ['devicename', 'device'], id: ['applicationkey', 'applicationid'],
  },
  signatures: [['applicationname', 'applicationversion'], ['applicationname', 'devicecount'], ['applicationname', 'applicationpublisher'], ['appname', 'devicecount'], ['displayname', 'devicecount']],
  confidence: 0.9,
})
