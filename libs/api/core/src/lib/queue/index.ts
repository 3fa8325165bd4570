export * from './queue.module';
export * from './queue.service';
