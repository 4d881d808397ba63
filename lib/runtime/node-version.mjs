// Mend runs on Node.js 24 LTS (Node 20 has had no security releases since April 2026).
// `npm install` brings the pinned runtime (the `node` package) into node_modules/.bin, and npm puts that folder
// first on the PATH of every script, so `npm run dev`, `npm test` and `npm start` use it. Someone starting the
// app with a `node` of their own (by hand, nvm, a container) reaches this check and is told what to do.
// Plain JavaScript so that next.config.ts, the scripts and the tests can all load it before any build step.

export const REQUIRED_NODE_MAJOR = 24;

/** The major version of a `process.version` string such as "v24.21.0", or NaN. */
export function nodeMajor(version) {
  const match = /^v?(\d+)\./.exec(String(version));
  return match ? Number(match[1]) : Number.NaN;
}

/** null when `version` is new enough, else the sentence to show. */
export function nodeVersionProblem(version) {
  const major = nodeMajor(version);
  if (major >= REQUIRED_NODE_MAJOR) return null;
  return (
    `Mend needs Node.js ${REQUIRED_NODE_MAJOR} or newer, and this is Node.js ${version}. ` +
    'Run it through npm (`npm run dev`, `npm start`, `npm test`): `npm install` brings the pinned Node.js 24 ' +
    'into node_modules/.bin and npm scripts use it. To use a Node.js of your own, install 24 ' +
    '(`nvm install` reads .nvmrc) and run it from there.'
  );
}

/** Stops the process with a clear message on an older Node.js. */
export function requireSupportedNode(version = process.version) {
  const problem = nodeVersionProblem(version);
  if (problem) {
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
}
