// Preloaded into the API process by `autosave.bench.mjs --profile <file>` (node -r): SIGWINCH starts the V8 CPU
// profiler, the next SIGWINCH stops it and writes the .cpuprofile to CPU_PROFILE_FILE, so that only the load phase is
// profiled (not start-up or the set-up of the bench's firms). Summarise it with tools/bench/profile-summary.mjs.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.CPU_PROFILE_FILE;
if (!file) throw new Error('CPU_PROFILE_FILE not set');
const session = new Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
      session.post('Profiler.enable', () =>
        session.post('Profiler.start', () => console.error('cpu profile: started')),
      ),
    );
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, res) => {
    if (err) return console.error(`cpu profile: ${err.message}`);
    writeFileSync(file, JSON.stringify(res.profile));
    console.error(`cpu profile: written ${file}`);
  });
});
