// Import worker entry (placeholder until the importers land).
export {}
