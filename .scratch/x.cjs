const { DOMParser } = require('@xmldom/xmldom')
const xml = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY ext SYSTEM "file:///etc/passwd">]><root>&lol2; &ext;</root>`
try { const d = new DOMParser({ onError: (l, m) => console.log('err', l, m) }).parseFromString(xml, 'text/xml'); console.log(JSON.stringify(d.documentElement.textContent)) } catch (e) { console.log('throws', e.message) }
console.log(require('@xmldom/xmldom/package.json').version)
