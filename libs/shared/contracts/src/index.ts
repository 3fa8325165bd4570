export * from './lib/report';
export * from './lib/report-repair';
export * from './lib/assessment';
export * from './lib/chamber';
export * from './lib/change-impact';
export * from './lib/portfolio';
export * from './lib/partners';
