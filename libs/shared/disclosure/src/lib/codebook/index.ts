export * from './variables';
export * from './html';
export * from './ddi';
export * from './stata';
export * from './r';
export * from './table';
