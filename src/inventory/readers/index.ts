// Every inventory reader Passerelle has, in the order they are tried.
import type {Reader} from '../reader.js'
import {powershellCsv} from './powershell-csv.js'

export const READERS: Reader[] = [powershellCsv]
