export * from './practice';
export * from './people';
export * from './audit';
export * from './checkins';
export * from './measures';
export * from './alerts';
export * from './homework';
export * from './security';
