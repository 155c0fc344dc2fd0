import { sanitizeHtml } from '../src/main/importers/sanitize'
console.log(sanitizeHtml('<img src="app-doc:7/cover.png" alt="cover"><img src="/local.png"><img src="rel/x.png"><img src="data:image/png;base64,AAAA">'))
