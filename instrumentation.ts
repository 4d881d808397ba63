export async function register() {
  // Database and secrets exist only in the Node.js server, never in an edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
