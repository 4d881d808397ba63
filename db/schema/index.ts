export * from './practice';
export * from './people';
export * from './audit';
