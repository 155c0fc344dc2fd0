// CLI entry (placeholder until the CLI lands).
process.stdout.write('lectern\n')
