// Any other CSV (a Snipe-IT export, a hand-made list, an unusual report): the admin names the columns with
// --map name=Col,version=Col,vendor=Col,host=Col. It never wins by sniffing; --map selects it.
import {csvReader} from '../csv-table.js'

export const genericCsv = csvReader({
  name: 'generic-csv',
  description: 'any CSV whose columns are named with --map name=Col,version=Col,vendor=Col,host=Col',
  produce: 'any CSV export, read with --map name=<column>,version=<column>,vendor=<column>,host=<column>',
  columns: {name: ['name'], version: ['version'], vendor: ['vendor', 'publisher', 'manufacturer'], host: ['host', 'hostname', 'computer']},
  signatures: [],
  confidence: 0,
})
