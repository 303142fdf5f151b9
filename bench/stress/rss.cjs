// Preloaded by the scale trials (node -r): writes the process's peak resident set size, in KiB,
// to the file named by STRESS_RSS_FILE when it exits.
process.on('exit', () => {
  if (process.env.STRESS_RSS_FILE) require('node:fs').writeFileSync(process.env.STRESS_RSS_FILE, String(process.resourceUsage().maxRSS));
});
