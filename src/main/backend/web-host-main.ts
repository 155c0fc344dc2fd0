// Loopback web host entry (placeholder until the web host lands; see issue 3).
process.stdout.write('web host not built yet\n')
