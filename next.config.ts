import type { NextConfig } from 'next';
import { requireSupportedNode } from './lib/runtime/node-version.mjs';

// Every `next` command (dev, build, start) loads this file first: refuse an older Node.js with a clear message.
requireSupportedNode();

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time;
  // bundled, the build passes and every query fails. argon2 is a native addon.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'web-push'],
  poweredByHeader: false,
};

export default nextConfig;
