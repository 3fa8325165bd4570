export * from './lib/report';
