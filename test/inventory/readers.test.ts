// Each reader on the variants its format's documentation describes (not only the corpus samples): sniffed
// from content without --reader, with hosts, versions and schemes.
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readInventory, sniffAll} from '../../src/inventory/read.js'
import type {ReadOptions, Warning} from '../../src/inventory/reader.js'
import type {Software} from '../../src/model.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-readers-'))

/** Write an export and read it back as the sniffer chooses. */
async function read(name: string, content: string | Buffer, options: ReadOptions & {reader?: string} = {}) {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  const rows: Software[] = []
  const warnings: Warning[] = []
  for await (const r of readInventory(file, (w) => warnings.push(w), options.reader, options)) rows.push(r)
  const [best] = await sniffAll(file)
  return {rows, warnings, reader: options.reader ?? (options.map ? 'generic-csv' : best!.reader.name)}
}

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

describe('Windows CSV exports', () => {
  it('Intune AppInvRawData, one row per app per device', async () => {
    const r = await read('AppInvRawData.csv', 'ApplicationKey,ApplicationName,ApplicationPublisher,ApplicationShortVersion,ApplicationVersion,DeviceId,DeviceName,OSDescription,OSVersion,Platform,UserId,EmailAddress,UserName\r\n'
      + 'k1,Microsoft 365 Apps for enterprise - fr-fr,Microsoft Corporation,16.0,16.0.17328.20162,d1,PC-COMPTA-07,Windows 11,10.0.22631,Windows,u,a@b.fr,alice\r\n'
      + 'k2,Adobe Acrobat Reader DC - Français,Adobe Systems Incorporated,23.1,23.001.20093,d2,PC-RH-02,Windows 10,10.0.19045,Windows,u,b@b.fr,bob\r\n')
    expect(r.reader).toBe('intune-discovered-apps-csv')
    expect(r.rows.map((x) => [x.host, x.product, x.vendor, x.versionParsed?.parts])).toEqual([
      ['PC-COMPTA-07', 'microsoft:office', 'Microsoft', [16, 0, 17328, 20162]], ['PC-RH-02', 'adobe:acrobat-reader', 'Adobe', [23, 1, 20093]]])
  })

  it('Intune portal export with display-name headers and no device (aggregate)', async () => {
    const r = await read('DiscoveredApps.csv', '"Application name","Application version","Device count","Publisher","Platform"\n"Microsoft Visio Professional 2016","16.0.4266.1001","12","Microsoft Corporation","Windows"\n')
    expect(r.reader).toBe('intune-discovered-apps-csv')
    expect(r.rows[0]).toMatchObject({host: 'DiscoveredApps', product: 'microsoft:visio', version: '16.0.4266.1001', release: '2016'})
  })

  it('ConfigMgr v_GS_ADD_REMOVE_PROGRAMS export, UTF-16LE with `0` suffixed columns', async () => {
    const r = await read('sccm.csv', utf16('Name0\tDisplayName0\tVersion0\tPublisher0\tInstallDate0\r\nSRV-SQL-01\tMicrosoft SQL Server 2016 (64-bit)\t13.2.5026.0\tMicrosoft Corporation\t20190312\r\nSRV-EX-01\tMicrosoft Exchange Server 2016 Cumulative Update 23\t15.1.2507.6\tMicrosoft Corporation\t20221011\r\n'))
    expect(r.reader).toBe('sccm-software-csv')
    expect(r.rows.map((x) => [x.host, x.product, x.versionParsed?.parts.length])).toEqual([['SRV-SQL-01', 'microsoft:sql-server', 4], ['SRV-EX-01', 'microsoft:exchange-server', 4]])
  })

  it('Lansweeper and PDQ report exports, French Excel (`;`, Windows-1252, sep= line)', async () => {
    const lan = await read('lansweeper.csv', 'AssetName,Software,Version,Publisher\nPC-01,Adobe Flash Player 32 NPAPI,32.0.0.465,Adobe\n')
    expect(lan.reader).toBe('lansweeper-csv')
    expect(lan.rows[0]).toMatchObject({host: 'PC-01', product: 'adobe:flash-player'})
    const cp1252 = Buffer.from('sep=;\r\nComputer Name;Application Name;Application Version;Application Publisher\r\nPOSTE-ÉLU;Microsoft Office Professionnel Plus 2013;15.0.4569.1506;Microsoft Corporation\r\n', 'latin1')
    const pdq = await read('pdq.csv', cp1252)
    expect(pdq.reader).toBe('pdq-inventory-csv')
    expect(pdq.rows[0]).toMatchObject({host: 'POSTE-ÉLU', product: 'microsoft:office', version: '15.0.4569.1506'})
  })

  it('Win32_Product export and PowerShell with #TYPE and PSComputerName', async () => {
    const w = await read('wmi.csv', '#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_Product\n"Name","Version","Vendor","IdentifyingNumber","PSComputerName"\n"Microsoft Access database engine 2010 (English)","14.0.7015.1000","Microsoft Corporation","{90140000-00D1-0409-1000-0000000FF1CE}","PC-9"\n')
    expect(w.reader).toBe('win32-product-csv')
    expect(w.rows[0]).toMatchObject({host: 'PC-9', product: 'microsoft:access-database-engine'})
    const ps = await read('ps.csv', '#TYPE Selected.System.Management.Automation.PSCustomObject\r\n"DisplayName","DisplayVersion","Publisher","PSComputerName"\r\n"Microsoft Office Proofing (French) 2010","14.0.7015.1000","Microsoft Corporation","PC-7"\r\n')
    expect(ps.rows[0]).toMatchObject({host: 'PC-7', product: 'microsoft:office', kind: 'component', source: {line: 3}})
  })

  it('generic CSV with --map; a bad --map column is an error naming the file', async () => {
    const r = await read('assets.csv', 'Poste,Logiciel,Ver,Editeur\nPC-1,Microsoft Publisher 2016,16.0.4266.1001,Microsoft\n', {map: {name: 'Logiciel', version: 'Ver', vendor: 'Editeur', host: 'Poste'}})
    expect(r.rows[0]).toMatchObject({host: 'PC-1', product: 'microsoft:publisher', source: {reader: 'generic-csv'}})
    await expect(read('assets2.csv', 'A,B\n1,2\n', {map: {name: 'Nope'}})).rejects.toThrow(/assets2\.csv: no nope column/)
  })

  it('a bad row is a warning with file:line, the rest is read', async () => {
    const r = await read('bad.csv', '"DisplayName","DisplayVersion","Publisher"\n"A","1.0","X"\n"B","2.0","X","extra","fields"\n"C","3.0","X"\n')
    expect(r.rows.map((x) => x.name)).toEqual(['A', 'C'])
    expect(r.warnings).toEqual([expect.objectContaining({file: path.join(dir, 'bad.csv'), line: 3, message: expect.stringMatching(/5 fields/)})])
  })
})

describe('registry exports', () => {
  it('.reg UTF-16LE: direct subkeys with DisplayName, multi-line strings, hex(2) values, SystemComponent', async () => {
    const reg = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall]', '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Office15.PROPLUS]', '"DisplayName"="Microsoft Office Professionnel Plus 2013"',
      '"DisplayVersion"="15.0.4569.1506"', '"Publisher"="Microsoft Corporation"', '"Comments"="line one', 'line two"',
      '"InstallLocation"=hex(2):43,00,3a,00,5c,00,00,00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Office15.PROPLUS\\Sub]',
      '"DisplayName"="nested, not a product"', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{X}]', '"DisplayName"="Helper"',
      '"SystemComponent"=dword:00000001', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\NoName]', '"DisplayVersion"="1"', ''].join('\r\n')
    const r = await read('pc.reg', utf16(reg), {host: 'PC-ELU-3'})
    expect(r.reader).toBe('windows-reg-uninstall')
    expect(r.rows.map((x) => [x.name, x.kind, x.product, x.source.path])).toEqual([
      ['Microsoft Office Professionnel Plus 2013', 'application', 'microsoft:office', 'Office15.PROPLUS'], ['Helper', 'component', undefined, '{X}']])
    expect(r.rows[0]!.host).toBe('PC-ELU-3')
  })

  it('REGEDIT4 (ANSI) exports', async () => {
    const r = await read('old.reg', 'REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Works]\r\n"DisplayName"="Microsoft Works"\r\n"DisplayVersion"="9.7.0621"\r\n')
    expect(r.rows).toEqual([expect.objectContaining({name: 'Microsoft Works', product: 'microsoft:works'})])
  })
})

describe('Linux packages', () => {
  it('dpkg -l keeps ii/hi rows, drops rc and un, reads name:arch', async () => {
    const text = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ Name                 Version            Architecture Description\n+++-====================-==================-============-=================\nii  apache2              2.4.57-2           amd64        Apache HTTP Server\nrc  libreoffice-core     4:7.4.7-1          amd64        office productivity suite\nhi  libc6:amd64          2.36-9+deb12u4     amd64        GNU C Library\nun  php                  <none>             <none>       (no description available)\n'
    const r = await read('dpkg-l.txt', text)
    expect(r.reader).toBe('dpkg-list')
    expect(r.rows.map((x) => [x.name, x.version, x.arch, x.versionScheme, x.product])).toEqual([
      ['apache2', '2.4.57-2', 'amd64', 'debian', 'apache:http-server'], ['libc6', '2.36-9+deb12u4', 'amd64', 'debian', undefined]])
  })

  it('dpkg-query -W with the default format and with a Status column', async () => {
    const plain = await read('q.txt', 'adduser\t3.134\napache2\t2.4.57-2\nlibreoffice-calc\t4:7.4.7-1+deb12u1\nzlib1g:amd64\t1:1.2.13.dfsg-1\n')
    expect(plain.reader).toBe('dpkg-query')
    expect(plain.rows.find((x) => x.name === 'zlib1g')).toMatchObject({versionParsed: {epoch: 1, parts: [1, 2, 13]}, arch: 'amd64'})
    const status = await read('q2.tsv', 'a\t1.0-1\tamd64\tinstall ok installed\nb\t2.0-1\tamd64\tdeinstall ok config-files\nc\t3.0-1\tall\tinstall ok installed\n')
    expect(status.rows.map((x) => x.name)).toEqual(['a', 'c'])
  })

  it('rpm -qa --queryformat with (none) epochs, sosreport installed-rpms, and gpg-pubkey dropped', async () => {
    const qf = await read('rpm.tsv', 'httpd\t(none):2.4.37-62.module+el8.9.0+19699+7a7a2044\tx86_64\tRed Hat, Inc.\nmariadb-server\t3:10.3.39-1.module+el8.8.0+1452+2a7eab68\tx86_64\tRed Hat, Inc.\ngpg-pubkey\t(none):fd431d51-4ae0493b\t(none)\t(none)\n')
    expect(qf.reader).toBe('rpm-queryformat')
    expect(qf.rows.map((x) => [x.name, x.version, x.versionParsed?.epoch])).toEqual([['httpd', '2.4.37-62.module+el8.9.0+19699+7a7a2044', 0], ['mariadb-server', '3:10.3.39-1.module+el8.8.0+1452+2a7eab68', 3]])
    const sos = await read('installed-rpms', 'httpd-2.4.37-62.module+el8.9.0+19699+7a7a2044.x86_64     Tue 12 Mar 2024 10:00:00 AM CET\ngpg-pubkey-fd431d51-4ae0493b       Tue 12 Mar 2024 09:00:00 AM CET\nkernel-4.18.0-513.el8.x86_64        Tue 12 Mar 2024 10:01:00 AM CET\n')
    expect(sos.reader).toBe('rpm-qa')
    expect(sos.rows.map((x) => [x.name, x.version, x.product])).toEqual([['httpd', '2.4.37-62.module+el8.9.0+19699+7a7a2044', 'apache:http-server'], ['kernel', '4.18.0-513.el8', undefined]])
  })
})

describe('network, agents and package managers', () => {
  it('Nmap -sV: one record per identified service, host by hostname, down hosts and bare services skipped', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE nmaprun><nmaprun scanner="nmap" args="nmap -sV"><host><status state="up"/><address addr="10.0.0.5" addrtype="ipv4"/><hostnames><hostname name="mail.example.org" type="PTR"/></hostnames><ports>'
      + '<port protocol="tcp" portid="443"><state state="open"/><service name="https" product="Microsoft IIS httpd" version="10.0" ostype="Windows"><cpe>cpe:/a:microsoft:internet_information_services:10.0</cpe></service></port>'
      + '<port protocol="tcp" portid="25"><state state="open"/><service name="smtp" product="Microsoft Exchange smtpd"/></port><port protocol="tcp" portid="135"><state state="open"/><service name="msrpc"/></port></ports></host>'
      + '<host><status state="down"/><address addr="10.0.0.6" addrtype="ipv4"/></host></nmaprun>'
    const r = await read('scan.xml', xml)
    expect(r.reader).toBe('nmap-xml')
    expect(r.rows.map((x) => [x.host, x.name, x.product, x.kind, x.source.path])).toEqual([
      ['mail.example.org', 'Microsoft IIS httpd', 'microsoft:iis', 'service', '10.0.0.5:tcp/443 https'], ['mail.example.org', 'Microsoft Exchange smtpd', 'microsoft:exchange-server', 'service', '10.0.0.5:tcp/25 smtp']])
  })

  it('OCS XML never expands DTD entities and reads the host from HARDWARE', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE REQUEST [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]><REQUEST><CONTENT><HARDWARE><NAME>PC-MAIRIE</NAME></HARDWARE>'
      + '<SOFTWARES><NAME>Evil &xxe; &lol;</NAME><VERSION>1</VERSION></SOFTWARES><SOFTWARES><NAME>LibreOffice 7.6.4.1</NAME><VERSION>7.6.4.1</VERSION><PUBLISHER>The Document Foundation</PUBLISHER></SOFTWARES></CONTENT><DEVICEID>x</DEVICEID></REQUEST>'
    const r = await read('ocs.xml', xml)
    expect(r.reader).toBe('ocs-fusion-xml')
    expect(r.rows.map((x) => x.host)).toEqual(['PC-MAIRIE', 'PC-MAIRIE'])
    expect(r.rows[0]!.name).not.toMatch(/root:|lol lol/)
    expect(r.rows[1]).toMatchObject({product: 'libreoffice:libreoffice', vendor: 'The Document Foundation'})
  })

  it('osquery JSON: osqueryi arrays of programs/rpm_packages and osqueryd result lines', async () => {
    const programs = await read('programs.json', JSON.stringify([{name: 'Microsoft SQL Server 2019 (64-bit)', version: '15.0.2000.5', publisher: 'Microsoft Corporation', install_source: '', identifying_number: '', uninstall_string: 'x', install_date: '', language: ''}]))
    expect(programs.reader).toBe('osquery-json')
    expect(programs.rows[0]).toMatchObject({product: 'microsoft:sql-server', vendor: 'Microsoft'})
    const rpms = await read('rpms.json', JSON.stringify([{name: 'httpd', version: '2.4.37', release: '62.el8', epoch: '', arch: 'x86_64', sha1: '', size: '1', source: ''}]))
    expect(rpms.rows[0]).toMatchObject({version: '2.4.37-62.el8', versionScheme: 'rpm'})
    const log = await read('osqueryd.results.log', [JSON.stringify({name: 'pack_apps', hostIdentifier: 'mac-07', columns: {name: 'Microsoft Word.app', bundle_identifier: 'com.microsoft.Word', bundle_short_version: '16.79.2', bundle_version: '16.79.23111019'}, action: 'added'}),
      JSON.stringify({name: 'deb', hostIdentifier: 'srv-2', snapshot: [{name: 'nginx', version: '1.22.1-9', arch: 'amd64', revision: '9', maintainer: 'Debian Nginx Maintainers', source: '', size: '1', status: 'install ok installed', section: '', priority: '', admindir: '/var/lib/dpkg'}]})].join('\n'))
    expect(log.rows.map((x) => [x.host, x.name, x.version, x.versionScheme])).toEqual([['mac-07', 'Microsoft Word.app', '16.79.2', 'dotted'], ['srv-2', 'nginx', '1.22.1-9', 'debian']])
  })

  it('winget export with versions, Chocolatey v2 `choco list` text', async () => {
    const w = await read('winget.json', JSON.stringify({$schema: 'https://aka.ms/winget-packages.schema.2.0.json', CreationDate: 'x', Sources: [{Packages: [{PackageIdentifier: 'Microsoft.Office', Version: '16.0.17328.20162'}, {PackageIdentifier: '9WZDNCRFJ3PZ'}], SourceDetails: {Name: 'winget'}}], WinGetVersion: '1.7'}))
    expect(w.rows.map((x) => [x.name, x.product, x.vendor])).toEqual([['Microsoft.Office', 'microsoft:office', 'Microsoft'], ['9WZDNCRFJ3PZ', undefined, undefined]])
    const c = await read('choco.txt', 'Chocolatey v2.2.2\nadobereader 2023.8.20555\nchocolatey 2.2.2\nvcredist140 14.38.33130\n3 packages installed.\n')
    expect(c.reader).toBe('choco-list')
    expect(c.rows.map((x) => [x.name, x.product])).toEqual([['adobereader', 'adobe:acrobat-reader'], ['chocolatey', undefined], ['vcredist140', 'microsoft:visual-c-runtime']])
  })

  it('CycloneDX nested components, SPDX tag-value, npm lockfile v1', async () => {
    const bom = await read('bom.json', JSON.stringify({bomFormat: 'CycloneDX', specVersion: '1.5', metadata: {component: {type: 'application', name: 'intranet', version: '2.1'}},
      components: [{type: 'library', name: 'lodash', version: '4.17.21', purl: 'pkg:npm/lodash@4.17.21', components: [{type: 'library', group: 'org.apache', name: 'poi', version: '5.2.3', purl: 'pkg:maven/org.apache/poi@5.2.3'}]},
        {type: 'library', name: 'libc6', version: '2.36-9+deb12u4', purl: 'pkg:deb/debian/libc6@2.36-9+deb12u4'}]}))
    expect(bom.rows.map((x) => [x.host, x.name, x.versionScheme])).toEqual([['intranet@2.1', 'lodash', 'semver'], ['intranet@2.1', 'org.apache:poi', 'dotted'], ['intranet@2.1', 'libc6', 'debian']])
    const tag = await read('doc.spdx', 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: web-app\n\nPackageName: express\nSPDXID: SPDXRef-Package-express\nPackageVersion: 4.18.2\nPackageSupplier: Organization: OpenJS Foundation\nPackageDescription: <text>multi\nline</text>\nExternalRef: PACKAGE-MANAGER purl pkg:npm/express@4.18.2\n')
    expect(tag.rows).toEqual([expect.objectContaining({host: 'web-app', name: 'express', version: '4.18.2', vendor: 'OpenJS Foundation', versionScheme: 'semver'})])
    const v1 = await read('package-lock.json', JSON.stringify({name: 'app', version: '1.0.0', lockfileVersion: 1, dependencies: {a: {version: '1.0.0', dependencies: {b: {version: '2.0.0'}}}}}))
    expect(v1.rows.map((x) => [x.host, x.name, x.version])).toEqual([['app@1.0.0', 'a', '1.0.0'], ['app@1.0.0', 'b', '2.0.0']])
  })
})

describe('bad exports', () => {
  it('an unknown export fails naming the file and the closest readers', async () => {
    await expect(read('notes.txt', 'Dear admin,\nplease find attached.\n')).rejects.toThrow(/no reader accepts .*notes\.txt; closest: /)
  })

  it('truncated JSON, XML and UTF-16 are errors naming the file', async () => {
    await expect(read('cut.json', '{"bomFormat": "CycloneDX", "components": [{"name": "a"')).rejects.toThrow(/cut\.json: not valid JSON/)
    await expect(read('cut.xml', '<nmaprun><host><status state="up"/><ports><port')).rejects.toThrow(/cut\.xml: truncated XML/)
    const odd = Buffer.concat([utf16('"DisplayName","DisplayVersion"\r\n"A","1"\r\n'), Buffer.from([0x41])])
    await expect(read('odd.csv', odd)).rejects.toThrow(/odd\.csv: truncated UTF-16/)
  })

  it('--reader names an unknown reader: an error listing the readers', async () => {
    await expect(read('x.csv', 'a,b\n', {reader: 'nope'})).rejects.toThrow(/unknown reader nope; readers: intune-discovered-apps-csv/)
  })
})
