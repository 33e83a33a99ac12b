// PDQ Inventory report exports: the columns the admin picked, usually Computer Name, Application Name,
// Application Version, Application Publisher (or Name / Version / Publisher under those tables).
import {csvReader} from '../csv-table.js'

export const pdqCsv = csvReader({
  name: 'pdq-inventory-csv',
  description: 'PDQ Inventory applications report export (Computer Name, Application Name, Version, Publisher)',
  produce: 'PDQ Inventory > Reports > New Basic Report on Computer + Applications columns > Run > Export > CSV',
  columns: {
    name: ['applicationname', 'application'], version: ['applicationversion', 'version'], vendor: ['applicationpublisher', 'publisher'],
    host: ['computername', 'computer'],
  },
  signatures: [['computername', 'applicationname'], ['computer', 'applicationname'], ['computername', 'application', 'version']],
  confidence: 0.93,
})
