// Preload (placeholder until the shell lands).
import 'electron'
