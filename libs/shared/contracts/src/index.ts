export * from './lib/report';
export * from './lib/assessment';
