// Before any test: build the sample estate (tests read it) and compile the CLI (smoke tests run it).
import {execFileSync} from 'node:child_process'
import {buildEstate} from '../../fixtures/build.js'

export default function setup(): void {
  buildEstate()
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
}
